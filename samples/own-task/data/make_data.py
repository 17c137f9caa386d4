#!/usr/bin/env python3
"""Writes seeds.jsonl and test.jsonl for the own-task sample from shop.sql and the lists below, and proves them.

    python3 make_data.py            # rewrite both files, then verify them
    python3 make_data.py --check    # verify the files as they are (exit 1 on any problem)

Every test record has `question`, the gold `sql`, `ordered` (whether the question asks for an order) and `check`: a
self-contained Python program for the `python-tests` grader. It builds the shop in memory with sqlite3, runs the gold
query and the candidate's `answer` (a global the grader defines), and asserts that both return the same rows
(order-insensitive unless the question asks for an order; column names do not matter).

The verification runs every seed query and every gold query, then each check three ways: with the gold query (must
pass), with every other question's gold query (must fail: a wrong answer is never graded right) and with a query
that does not run (must fail). It also refuses two questions where one contains the other, and a gold query that
contains another one, since either would make an answer key ambiguous.
"""
import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (question, gold query, ordered)
TESTS = [
    ("How many customers does the shop have?",
     "SELECT COUNT(*) FROM customers;", False),
    ("List the names of the customers who live in Germany.",
     "SELECT name FROM customers WHERE country = 'Germany';", False),
    ("Which products have a list price above 100 euros? Give their names.",
     "SELECT name FROM products WHERE price > 100;", False),
    ("What is the average list price of the products in the kitchen category?",
     "SELECT AVG(price) FROM products WHERE category = 'kitchen';", False),
    ("Which products are out of stock? Return their names.",
     "SELECT name FROM products WHERE stock = 0;", False),
    ("How many orders have the status shipped?",
     "SELECT COUNT(*) AS shipped_orders FROM orders WHERE status = 'shipped';", False),
    ("For each product category, how many products are there? Return the category and the count.",
     "SELECT category, COUNT(*) FROM products GROUP BY category;", False),
    ("List every customer's name with the number of orders they placed, including customers without orders.",
     "SELECT c.name, COUNT(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name;", False),
    ("Which customers have never placed an order? Give their names.",
     "SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders);", False),
    ("What is the total revenue of shipped orders, counting quantity times unit price?",
     "SELECT SUM(oi.quantity * oi.unit_price) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.status = 'shipped';", False),
    ("What is the name of the most expensive product?",
     "SELECT name FROM products ORDER BY price DESC LIMIT 1;", False),
    ("List the names of the three cheapest products, from the cheapest up.",
     "SELECT name FROM products ORDER BY price ASC LIMIT 3;", True),
    ("From how many distinct cities do the customers come?",
     "SELECT COUNT(DISTINCT city) FROM customers;", False),
    ("Which customers signed up during 2024? Give their names.",
     "SELECT name FROM customers WHERE signup_date BETWEEN '2024-01-01' AND '2024-12-31';", False),
    ("For each order placed in March 2024, give the order id and the name of the customer who placed it.",
     "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.order_date LIKE '2024-03-%';", False),
    ("How many units of each product were sold in orders that were not cancelled? Return the product name and the units.",
     "SELECT p.name, SUM(oi.quantity) FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id WHERE o.status <> 'cancelled' GROUP BY p.id, p.name;", False),
    ("Which customer spent the most on shipped orders? Give the name and the amount spent.",
     "SELECT c.name, SUM(oi.quantity * oi.unit_price) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items oi ON oi.order_id = o.id WHERE o.status = 'shipped' GROUP BY c.id, c.name ORDER BY spent DESC LIMIT 1;", False),
    ("Give the ids of the orders that contain more than two different products.",
     "SELECT order_id FROM order_items GROUP BY order_id HAVING COUNT(DISTINCT product_id) > 2;", False),
    ("How many orders did the customers of each country place? Return the country and the number of orders, the largest number first and ties by country name.",
     "SELECT c.country, COUNT(*) AS n FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country ORDER BY n DESC, c.country ASC;", True),
    ("Which products were never ordered by a customer from Germany? Give their names.",
     "SELECT name FROM products WHERE id NOT IN (SELECT oi.product_id FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN customers c ON c.id = o.customer_id WHERE c.country = 'Germany');", False),
    ("On average, how many units does an order contain?",
     "SELECT AVG(units) FROM (SELECT order_id, SUM(quantity) AS units FROM order_items GROUP BY order_id);", False),
    ("List the names of the customers with at least one pending order.",
     "SELECT DISTINCT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'pending';", False),
    ("Which orders sold at least one item below its list price? Give the order ids.",
     "SELECT DISTINCT oi.order_id FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.unit_price < p.price;", False),
    ("What is the total discount granted, that is the sum of (list price minus unit price) times quantity over the order lines sold below list price?",
     "SELECT SUM((p.price - oi.unit_price) * oi.quantity) FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.unit_price < p.price;", False),
    ("For each month of 2024, how many orders were placed? Return the month as YYYY-MM and the count, in calendar order.",
     "SELECT substr(order_date, 1, 7) AS month, COUNT(*) FROM orders WHERE order_date LIKE '2024-%' GROUP BY month ORDER BY month;", True),
    ("Who placed the most recent order? Give the customer's name.",
     "SELECT c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.order_date DESC LIMIT 1;", False),
    ("List the names of the electronics products sorted by list price from highest to lowest.",
     "SELECT name FROM products WHERE category = 'electronics' ORDER BY price DESC;", True),
    ("How many customers live in Oslo?",
     "SELECT COUNT(*) AS oslo FROM customers WHERE city = 'Oslo';", False),
    ("Which cities are home to more than one customer?",
     "SELECT city FROM customers GROUP BY city HAVING COUNT(*) > 1;", False),
    ("What is the value of the stock on hand, the sum of list price times stock over all products?",
     "SELECT SUM(price * stock) FROM products;", False),
    ("For each customer in France who ordered, give the name and the date of their first order.",
     "SELECT c.name, MIN(o.order_date) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.country = 'France' GROUP BY c.id, c.name;", False),
    ("Which products were bought by more than two different customers? Give the product names.",
     "SELECT p.name FROM products p JOIN order_items oi ON oi.product_id = p.id JOIN orders o ON o.id = oi.order_id GROUP BY p.id, p.name HAVING COUNT(DISTINCT o.customer_id) > 2;", False),
    ("List the ids of the cancelled orders together with the value of each (quantity times unit price, summed).",
     "SELECT o.id, SUM(oi.quantity * oi.unit_price) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.status = 'cancelled' GROUP BY o.id;", False),
    ("Which order line has the largest quantity? Give the product name and the quantity.",
     "SELECT p.name, oi.quantity FROM order_items oi JOIN products p ON p.id = oi.product_id ORDER BY oi.quantity DESC LIMIT 1;", False),
    ("Which customers placed more than two orders? Give their names.",
     "SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name HAVING COUNT(*) > 2;", False),
    ("What percentage of all orders were cancelled?",
     "SELECT 100.0 * SUM(status = 'cancelled') / COUNT(*) FROM orders;", False),
    ("Give the names of the customers who bought a fitness product in a shipped order.",
     "SELECT DISTINCT c.name FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items oi ON oi.order_id = o.id JOIN products p ON p.id = oi.product_id WHERE p.category = 'fitness' AND o.status = 'shipped';", False),
    ("What revenue did each product category bring in shipped orders? Return the category and the revenue, highest revenue first.",
     "SELECT p.category, SUM(oi.quantity * oi.unit_price) AS revenue FROM order_items oi JOIN products p ON p.id = oi.product_id JOIN orders o ON o.id = oi.order_id WHERE o.status = 'shipped' GROUP BY p.category ORDER BY revenue DESC;", True),
    ("Which products have a list price between 30 and 60 euros inclusive? Give their names.",
     "SELECT name FROM products WHERE price >= 30 AND price <= 60;", False),
    ("For every customer who ordered, how many days passed between signing up and the first order? Give the name and the days.",
     "SELECT c.name, CAST(julianday(MIN(o.order_date)) - julianday(c.signup_date) AS INTEGER) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name;", False),
]

# (instruction, query) — other questions about the same shop, for instance generation, response generation and
# quality enhancement. None of them is a test question.
SEEDS = [
    ("How many products does the shop sell?", "SELECT COUNT(*) FROM products;"),
    ("List the names and cities of the customers from Italy.", "SELECT name, city FROM customers WHERE country = 'Italy';"),
    ("Which products cost less than 30 euros? Give their names and prices.", "SELECT name, price FROM products WHERE price < 30;"),
    ("What is the highest list price in the fitness category?", "SELECT MAX(price) FROM products WHERE category = 'fitness';"),
    ("How many orders were cancelled?", "SELECT COUNT(*) FROM orders WHERE status = 'cancelled';"),
    ("List the order ids placed by Alice Martin.", "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = 'Alice Martin';"),
    ("What is the total number of units in order 5?", "SELECT SUM(quantity) FROM order_items WHERE order_id = 5;"),
    ("Which customers signed up before March 2023? Give their names.", "SELECT name FROM customers WHERE signup_date < '2023-03-01';"),
    ("For each country, how many customers are there?", "SELECT country, COUNT(*) FROM customers GROUP BY country;"),
    ("What is the value of order 12 (quantity times unit price, summed)?", "SELECT SUM(quantity * unit_price) FROM order_items WHERE order_id = 12;"),
    ("Which products have fewer than 10 units in stock? Give their names and stock.", "SELECT name, stock FROM products WHERE stock < 10;"),
    ("List the distinct statuses that orders can have.", "SELECT DISTINCT status FROM orders;"),
    ("What is the cheapest product in the electronics category?", "SELECT name FROM products WHERE category = 'electronics' ORDER BY price LIMIT 1;"),
    ("How many different products did Bruno Keller order?", "SELECT COUNT(DISTINCT oi.product_id) FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN customers c ON c.id = o.customer_id WHERE c.name = 'Bruno Keller';"),
    ("Which orders were placed in the second half of 2024? Give their ids and dates.", "SELECT id, order_date FROM orders WHERE order_date >= '2024-07-01';"),
    ("What is the average unit price paid in the order lines of shipped orders?", "SELECT AVG(oi.unit_price) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.status = 'shipped';"),
    ("List the products of order 17 with their quantities.", "SELECT p.name, oi.quantity FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 17;"),
    ("How many customers signed up in each year?", "SELECT substr(signup_date, 1, 4) AS year, COUNT(*) FROM customers GROUP BY year;"),
    ("Which customers come from Berlin or Munich?", "SELECT name FROM customers WHERE city IN ('Berlin', 'Munich');"),
    ("What is the total quantity of headlamps sold across all orders?", "SELECT SUM(oi.quantity) FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE p.name = 'Headlamp';"),
    ("Which categories have an average list price above 50 euros?", "SELECT category FROM products GROUP BY category HAVING AVG(price) > 50;"),
    ("For each order status, how many orders are there?", "SELECT status, COUNT(*) FROM orders GROUP BY status;"),
    ("Give the name of the customer who signed up first.", "SELECT name FROM customers ORDER BY signup_date LIMIT 1;"),
    ("Which products were ordered in order 8 and at what unit price?", "SELECT p.name, oi.unit_price FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 8;"),
    ("How many order lines sold more than one unit?", "SELECT COUNT(*) FROM order_items WHERE quantity > 1;"),
    ("List the customers from Norway with the number of orders each placed.", "SELECT c.name, COUNT(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.country = 'Norway' GROUP BY c.id, c.name;"),
    ("What is the total revenue of pending orders?", "SELECT SUM(oi.quantity * oi.unit_price) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.status = 'pending';"),
    ("Which products in the outdoor category are in stock? Give their names.", "SELECT name FROM products WHERE category = 'outdoor' AND stock > 0;"),
    ("What was the first order date in 2024 for a customer from Spain?", "SELECT MIN(o.order_date) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.country = 'Spain';"),
    ("List the three most recent orders with their customer names, newest first.", "SELECT o.id, c.name, o.order_date FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.order_date DESC LIMIT 3;"),
]

CHECK = '''import sqlite3

SHOP = r"""
{shop}"""
GOLD = r"""{gold}"""
ORDERED = {ordered}


def rows(query):
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(SHOP)
        return [tuple(r) for r in db.execute(query).fetchall()]
    finally:
        db.close()


expected = rows(GOLD)
try:
    got = rows(answer)
except (sqlite3.Error, sqlite3.Warning, ValueError) as e:
    raise AssertionError("the query does not run on the shop database: %s" % e)
if not ORDERED:
    expected, got = sorted(expected, key=repr), sorted(got, key=repr)
assert got == expected, "expected %d row(s) %r, got %d row(s) %r" % (len(expected), expected[:5], len(got), got[:5])
'''


def shop_text():
    with open(os.path.join(HERE, "shop.sql"), encoding="utf-8") as f:
        text = f.read()
    if '"""' in text or "\\" in text:
        raise SystemExit("shop.sql must not contain triple quotes or backslashes (it is embedded in raw strings)")
    return text


def fenced(query):
    return "```sql\n" + query + "\n```"


def build():
    shop = shop_text()
    tests = []
    for question, gold, ordered in TESTS:
        check = CHECK.format(shop=shop, gold=gold, ordered=ordered)
        tests.append({"question": question, "sql": gold, "ordered": ordered, "check": check})
    seeds = [{"instruction": q, "response": fenced(s), "config": "shop-sql"} for q, s in SEEDS]
    write_jsonl(os.path.join(HERE, "test.jsonl"), tests)
    write_jsonl(os.path.join(HERE, "seeds.jsonl"), seeds)


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def passes(check, answer):
    try:
        exec(compile(check, "<check>", "exec"), {"answer": answer, "response": fenced(answer)})
        return True
    except AssertionError:
        return False


def verify():
    shop = shop_text()
    db = sqlite3.connect(":memory:")
    db.executescript(shop)
    problems = []
    seeds = read_jsonl(os.path.join(HERE, "seeds.jsonl"))
    tests = read_jsonl(os.path.join(HERE, "test.jsonl"))
    for i, s in enumerate(seeds, 1):
        body = s["response"].strip()
        if not (body.startswith("```sql\n") and body.endswith("\n```")):
            problems.append(f"seeds.jsonl line {i}: the response is not one ```sql block")
            continue
        try:
            if not db.execute(body[7:-4]).fetchall():
                problems.append(f"seeds.jsonl line {i}: the query returns no rows")
        except sqlite3.Error as e:
            problems.append(f"seeds.jsonl line {i}: {e}")
    questions = [t["question"] for t in tests] + [s["instruction"] for s in seeds]
    for a in questions:
        for b in questions:
            if a != b and a.lower() in b.lower():
                problems.append(f"question {a!r} is contained in {b!r}")
    if len(set(q.lower() for q in questions)) != len(questions):
        problems.append("two questions are the same")
    results = []
    for i, t in enumerate(tests, 1):
        try:
            r = db.execute(t["sql"]).fetchall()
        except sqlite3.Error as e:
            problems.append(f"test.jsonl line {i}: the gold query fails: {e}")
            r = None
        if r is not None and not r:
            problems.append(f"test.jsonl line {i}: the gold query returns no rows")
        results.append(None if r is None else (r if t["ordered"] else sorted(r, key=repr)))
        for j, u in enumerate(tests, 1):
            if i != j and u["sql"] in t["sql"]:
                problems.append(f"test.jsonl line {i}: its gold query contains the one of line {j}")
    for i, t in enumerate(tests, 1):
        if not passes(t["check"], t["sql"]):
            problems.append(f"test.jsonl line {i}: the check fails with its own gold query")
        if passes(t["check"], "SELEC name FROM nowhere"):
            problems.append(f"test.jsonl line {i}: the check passes a query that does not run")
        for j, u in enumerate(tests, 1):
            if i != j and passes(t["check"], u["sql"]):
                problems.append(f"test.jsonl line {i}: the check passes the gold query of line {j}")
    return problems, len(seeds), len(tests)


def main():
    if "--check" not in sys.argv[1:]:
        build()
    problems, n_seeds, n_tests = verify()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{n_seeds} seeds and {n_tests} test questions: every query runs; each check passes its gold query "
          f"and fails the {n_tests - 1} other gold queries and a broken one")
    return 0


if __name__ == "__main__":
    sys.exit(main())

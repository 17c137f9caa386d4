-- A small shop: customers, products, orders and their lines. SQLite; every test question is asked about these rows.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL,
  signup_date TEXT NOT NULL          -- ISO date, YYYY-MM-DD
);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  price REAL NOT NULL,               -- list price in euros
  stock INTEGER NOT NULL
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  order_date TEXT NOT NULL,          -- ISO date
  status TEXT NOT NULL               -- 'shipped', 'pending' or 'cancelled'
);
CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL,
  unit_price REAL NOT NULL,          -- the price paid per unit
  PRIMARY KEY (order_id, product_id)
);

INSERT INTO customers VALUES
  (1, 'Alice Martin', 'Paris', 'France', '2023-01-14'),
  (2, 'Bruno Keller', 'Berlin', 'Germany', '2023-02-03'),
  (3, 'Chiara Rossi', 'Milan', 'Italy', '2023-03-22'),
  (4, 'Daniel Novak', 'Prague', 'Czechia', '2023-05-09'),
  (5, 'Emma Larsen', 'Oslo', 'Norway', '2023-06-30'),
  (6, 'Felix Wagner', 'Munich', 'Germany', '2023-08-17'),
  (7, 'Greta Lind', 'Stockholm', 'Sweden', '2023-10-02'),
  (8, 'Hugo Petit', 'Lyon', 'France', '2024-01-11'),
  (9, 'Ines Garcia', 'Madrid', 'Spain', '2024-02-25'),
  (10, 'Jonas Berg', 'Oslo', 'Norway', '2024-04-08'),
  (11, 'Klara Vogel', 'Berlin', 'Germany', '2024-05-19'),
  (12, 'Luca Bianchi', 'Rome', 'Italy', '2024-07-01');

INSERT INTO products VALUES
  (1, 'Trail Backpack', 'outdoor', 89.0, 14),
  (2, 'Camping Stove', 'outdoor', 45.5, 8),
  (3, 'Headlamp', 'outdoor', 19.9, 40),
  (4, 'Espresso Maker', 'kitchen', 129.0, 5),
  (5, 'Chef Knife', 'kitchen', 64.0, 12),
  (6, 'Cast Iron Pan', 'kitchen', 38.0, 0),
  (7, 'Wireless Mouse', 'electronics', 24.99, 55),
  (8, 'Mechanical Keyboard', 'electronics', 99.0, 9),
  (9, 'USB-C Hub', 'electronics', 34.5, 0),
  (10, 'Noise-Cancelling Headphones', 'electronics', 249.0, 3),
  (11, 'Yoga Mat', 'fitness', 29.0, 22),
  (12, 'Kettlebell 12kg', 'fitness', 54.0, 6);

INSERT INTO orders VALUES
  (1, 1, '2024-01-05', 'shipped'),
  (2, 2, '2024-01-18', 'shipped'),
  (3, 1, '2024-02-02', 'shipped'),
  (4, 3, '2024-02-14', 'cancelled'),
  (5, 4, '2024-03-01', 'shipped'),
  (6, 5, '2024-03-09', 'shipped'),
  (7, 2, '2024-03-27', 'pending'),
  (8, 6, '2024-04-12', 'shipped'),
  (9, 7, '2024-04-30', 'shipped'),
  (10, 8, '2024-05-06', 'cancelled'),
  (11, 9, '2024-05-21', 'shipped'),
  (12, 3, '2024-06-03', 'shipped'),
  (13, 1, '2024-06-15', 'pending'),
  (14, 10, '2024-07-02', 'shipped'),
  (15, 11, '2024-07-19', 'shipped'),
  (16, 6, '2024-08-08', 'shipped'),
  (17, 2, '2024-08-25', 'shipped'),
  (18, 9, '2024-09-10', 'pending'),
  (19, 5, '2024-09-28', 'shipped'),
  (20, 7, '2024-10-14', 'cancelled');

INSERT INTO order_items VALUES
  (1, 1, 1, 89.0), (1, 3, 2, 19.9),
  (2, 8, 1, 99.0), (2, 7, 1, 24.99),
  (3, 4, 1, 120.0),
  (4, 10, 1, 249.0),
  (5, 2, 2, 45.5), (5, 3, 1, 19.9), (5, 11, 1, 29.0),
  (6, 5, 1, 64.0), (6, 6, 2, 38.0),
  (7, 9, 3, 34.5),
  (8, 10, 1, 229.0), (8, 7, 2, 24.99),
  (9, 11, 2, 29.0), (9, 12, 1, 54.0),
  (10, 4, 1, 129.0),
  (11, 1, 1, 89.0), (11, 2, 1, 45.5),
  (12, 8, 1, 99.0), (12, 9, 1, 34.5), (12, 7, 1, 24.99),
  (13, 5, 2, 64.0),
  (14, 12, 2, 54.0), (14, 11, 1, 29.0),
  (15, 3, 4, 19.9), (15, 1, 1, 85.0),
  (16, 8, 1, 95.0),
  (17, 6, 1, 38.0), (17, 5, 1, 64.0), (17, 4, 1, 129.0),
  (18, 7, 3, 24.99),
  (19, 10, 1, 249.0), (19, 9, 2, 34.5),
  (20, 2, 1, 45.5);

"""Independent reference for Arena-Hard's bootstrap (arena-hard-auto show_result.py, v0.1), in plain Python.

Reads judgments as JSON Lines {"question", "model_a", "model_b", "verdict"} (verdict one of A>>B, A>B, A=B, B>A,
B>>A), every game between a model and the baseline, from stdin; argv: baseline, rounds, seed. Writes one JSON object
per model to stdout: {"model", "score", "lower", "upper"}, the score and its 95% interval in percent win rate against
the baseline.

Method (as the official script): a strong verdict becomes 3 battle rows with the same winner, any other verdict one
row (a tie is a row won by neither); ratings are the maximum-likelihood Bradley-Terry fit on the Elo scale (400 points
= 10:1 odds, ties half a win, no penalty) with the baseline anchored at 1000 -- when every game is against the
baseline this maximum is closed-form, strength = wins / losses per model; the bootstrap resamples the rows with
replacement (the official pandas sample(frac=1, replace=True)); the interval is the win rate at the 2.5th and 97.5th
percentiles (numpy's linear interpolation) of the bootstrap ratings.
"""
import json
import math
import random
import sys


def expand(judgments, baseline):
    rows = []
    for j in judgments:
        a, b, v = j["model_a"], j["model_b"], j["verdict"]
        model = b if a == baseline else a
        if baseline not in (a, b) or a == b:
            raise SystemExit("every game must be a model against the baseline")
        winner = {"A>>B": a, "A>B": a, "A=B": None, "B>A": b, "B>>A": b}[v]
        share = 0.5 if winner is None else 1.0 if winner == model else 0.0
        rows.extend([(model, share)] * (3 if v in ("A>>B", "B>>A") else 1))
    return rows


def ratings(rows, models):
    wins = {m: 0.0 for m in models}
    games = {m: 0 for m in models}
    for model, share in rows:
        wins[model] += share
        games[model] += 1
    return {m: 1000 + 400 * math.log10(wins[m] / (games[m] - wins[m])) for m in models}


def percentile(values, q):
    s = sorted(values)
    pos = q / 100 * (len(s) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (pos - lo) * (s[hi] - s[lo])


def win_rate(rating):
    return 100 / (1 + 10 ** ((1000 - rating) / 400))


def main():
    baseline, rounds, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    judgments = [json.loads(line) for line in sys.stdin if line.strip()]
    rows = expand(judgments, baseline)
    models = sorted({m for m, _ in rows})
    point = ratings(rows, models)
    rng = random.Random(seed)
    samples = {m: [] for m in models}
    for _ in range(rounds):
        for m, r in ratings(rng.choices(rows, k=len(rows)), models).items():
            samples[m].append(r)
    for m in models:
        lower, upper = percentile(samples[m], 2.5), percentile(samples[m], 97.5)
        print(json.dumps({"model": m, "score": win_rate(point[m]), "lower": win_rate(lower), "upper": win_rate(upper)}))


if __name__ == "__main__":
    main()

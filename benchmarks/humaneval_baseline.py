#!/usr/bin/env python3
"""Whole-process HumanEval grading, this build against an earlier build of the CLI (alternating runs).

For each input set (he_data.py's canonical: 164 canonical solutions; k10: 164 x 10 mixed samples) it runs
`agorabench grade --benchmark humaneval` of both builds in turn (current, baseline, then the order swapped every other
pair; one warm-up pair not counted). Each run is a whole process: wall time, CPU (user + sys of the process and every
descendant it waited for, from wait4), peak RSS, and the 1-minute load average when it started. It checks that both
builds give the same verdicts (and says in how many pairs they differed) and prints medians, the paired ratios current / baseline (median of the per-pair
ratios), CPU per program, and the marginal CPU per program ((CPU k10 - CPU canonical) / 1476, which leaves out
start-up).

usage: python3 benchmarks/humaneval_baseline.py --cli CURRENT --baseline-cli BASELINE --problems HumanEval.jsonl
           [--sets canonical,k10] [--runs 5] [--timeout 3]
"""
import argparse, json, os, shlex, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd):
    load = os.getloadavg()[0]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')}")
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024, "load": load}


def verdicts(path):
    with open(path) as f:
        return {it["id"]: it.get("samples_correct", 1 if it.get("correct") else 0) for it in json.load(f)["items"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--baseline-cli", required=True)
    ap.add_argument("--problems", required=True)
    ap.add_argument("--sets", default="canonical,k10")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", default="10", help="seconds per program (generous: a time-out on a loaded machine is not a speed figure)")
    args = ap.parse_args()
    shared = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(args.problems))))
    work = tempfile.mkdtemp(prefix="he-baseline-")
    subprocess.run([sys.executable, os.path.join(shared, "peers", "he_data.py"), args.problems, work], check=True,
                   stdout=subprocess.DEVNULL)
    sides = {"current": shlex.split(args.cli), "baseline": shlex.split(args.baseline_cli)}
    print(f"{os.cpu_count()} cores; {args.runs} alternating runs per side after one warm-up pair; "
          f"timeout {args.timeout} s per program")
    cpu_median = {}
    for name in args.sets.split(","):
        preds = os.path.join(work, f"{name}.preds.jsonl")
        programs = sum(len(json.loads(l).get("outputs", [None])) for l in open(preds))
        runs = {"current": [], "baseline": []}
        differing = 0
        for i in range(args.runs + 1):
            order = ["current", "baseline"] if i % 2 == 0 else ["baseline", "current"]
            for side in order:
                out = os.path.join(work, f"{name}.{side}.json")
                r = timed(sides[side] + ["grade", "--benchmark", "humaneval", "--problems", args.problems,
                                         "--predictions", preds, "--k", "1", "--timeout", args.timeout, "--out", out])
                if i > 0:
                    runs[side].append(r)
            if verdicts(os.path.join(work, f"{name}.current.json")) != verdicts(os.path.join(work, f"{name}.baseline.json")):
                differing += 1
        med = {s: {k: statistics.median(r[k] for r in runs[s]) for k in ("wall", "cpu", "rss")} for s in runs}
        pair = {k: statistics.median(c[k] / b[k] for c, b in zip(runs["current"], runs["baseline"])) for k in ("wall", "cpu")}
        loads = [r["load"] for s in runs for r in runs[s]]
        cpu_median[name] = (med["current"]["cpu"], med["baseline"]["cpu"], programs)
        same = "identical verdicts" if differing == 0 else f"verdicts DIFFERED in {differing} of {args.runs + 1} pairs"
        print(f"{name} ({programs} programs, {same}; load average {min(loads):.1f}-{max(loads):.1f}):")
        for s in ("current", "baseline"):
            print(f"  {s:8}  wall {med[s]['wall']:.2f} s  cpu {med[s]['cpu']:.2f} s ({med[s]['cpu'] / programs * 1000:.1f} ms per program)"
                  f"  peak {med[s]['rss']:.0f} MiB")
        print(f"  current/baseline: wall {pair['wall']:.3f}, cpu {pair['cpu']:.3f} (paired medians)")
    if "canonical" in cpu_median and "k10" in cpu_median:
        (cc, bc, pc), (ck, bk, pk) = cpu_median["canonical"], cpu_median["k10"]
        mc, mb = (ck - cc) / (pk - pc), (bk - bc) / (pk - pc)
        print(f"marginal cpu per program (k10 - canonical): current {mc * 1000:.2f} ms, baseline {mb * 1000:.2f} ms, ratio {mc / mb:.3f}")


if __name__ == "__main__":
    main()

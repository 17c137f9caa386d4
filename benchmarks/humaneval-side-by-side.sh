#!/usr/bin/env bash
# Whole-process HumanEval grading, side by side: `agorabench grade` of this checkout against
#   - the fresh-interpreter grader in ../shared/peers (he_compare.py: identical verdicts checked, paired speed-up), and
#   - optionally an earlier build of the CLI (BASELINE_CLI=path), alternating runs timed with GNU time.
# Usage: benchmarks/humaneval-side-by-side.sh [RUNS]   (from the project root; needs ../shared and python3)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
problems=$shared/datasets/humaneval/HumanEval.jsonl
if [[ ! -f $problems || ! -f $shared/peers/he_compare.py ]]; then
    echo "needs $shared/datasets/humaneval and $shared/peers (set SHARED=...)" >&2
    exit 2
fi
cli=${CLI:-$root/artifacts/cli/agorabench}
if [[ ! -x $cli ]]; then
    dotnet build "$root/src/AgoraBench.Cli" -c Release -o "$root/artifacts/cli" >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
python3 "$shared/peers/he_compare.py" --cli "$cli" --problems "$problems" --sets canonical,k10 --runs "$runs" \
    --json "$work/humaneval.json"

if [[ -n ${BASELINE_CLI:-} ]]; then
    python3 "$shared/peers/he_data.py" "$problems" "$work/he" >/dev/null
    for set in canonical k10; do
        for i in $(seq 0 "$runs"); do  # run 0 is a warm-up
            for side in current baseline; do
                [[ $((i % 2)) == 1 ]] && side=$([[ $side == current ]] && echo baseline || echo current)
                exe=$cli; [[ $side == baseline ]] && exe=$BASELINE_CLI
                /usr/bin/time -f "$set $side $i %e %U %S" -a -o "$work/times" \
                    $exe grade --benchmark humaneval --problems "$problems" --predictions "$work/he/$set.preds.jsonl" \
                    --k 1 --timeout 3 --out "$work/out.json" >/dev/null
            done
        done
        python3 - "$work/times" "$set" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.startswith(sys.argv[2] + " ") and l.split()[2] != "0"]
def med(side, col):
    return statistics.median(float(r[col]) for r in rows if r[1] == side)
cur, base = med("current", 3), med("baseline", 3)
print(f"{sys.argv[2]}: wall median current {cur:.2f} s, baseline {base:.2f} s, current/baseline {cur / base:.2f}; "
      f"cpu current {med('current', 4) + med('current', 5):.2f} s, baseline {med('baseline', 4) + med('baseline', 5):.2f} s")
PY
    done
fi

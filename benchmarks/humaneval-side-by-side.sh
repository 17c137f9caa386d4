#!/usr/bin/env bash
# Whole-process HumanEval grading, side by side (one command; prints the ratios and the load average):
#   - `agorabench grade` of this checkout against the fresh-interpreter grader in ../shared/peers (he_compare.py:
#     identical verdicts checked, paired speed-up peer / agorabench), on 164 canonical and 164 x 10 mixed samples;
#   - against an earlier build of the CLI (humaneval_baseline.py: alternating runs, paired wall and CPU ratios,
#     CPU per program), when BASELINE_CLI=path or BASELINE_REF=commit (built in a temporary worktree) is given.
# Usage: benchmarks/humaneval-side-by-side.sh [RUNS]   (from the project root; needs ../shared, python3, dotnet)
#   e.g. BASELINE_REF=29f7c1c benchmarks/humaneval-side-by-side.sh 5   (29f7c1c: the harness before the isolation)
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
    "$root/benchmarks/build-cli.sh" "$(dirname "$cli")" >/dev/null
fi
work=$(mktemp -d)
cleanup() {
    if [[ -d $work/baseline-src ]]; then git -C "$root" worktree remove --force "$work/baseline-src" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
if [[ -z ${BASELINE_CLI:-} && -n ${BASELINE_REF:-} ]]; then
    git -C "$root" worktree add --detach "$work/baseline-src" "$BASELINE_REF" >/dev/null
    dotnet build "$work/baseline-src/src/AgoraBench.Cli" -c Release -o "$work/baseline-cli" >/dev/null
    BASELINE_CLI=$work/baseline-cli/agorabench
fi
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
python3 "$shared/peers/he_compare.py" --cli "$cli" --problems "$problems" --sets canonical,k10 --runs "$runs" \
    --json "$work/humaneval.json"
if [[ -n ${BASELINE_CLI:-} ]]; then
    python3 "$root/benchmarks/humaneval_baseline.py" --cli "$cli" --baseline-cli "$BASELINE_CLI" --problems "$problems" \
        --sets canonical,k10 --runs "$runs"
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"

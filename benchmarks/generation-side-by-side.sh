#!/usr/bin/env bash
# Whole-process generation client, side by side: `agorabench generate --method instance-generation --domain math` of
# this checkout against the asyncio + aiohttp peer in ../shared/peers (gen_compare.py: alternating runs, each against a
# fresh loopback server with 100 ms latency), at 1,000 requests x concurrency 64 and 10,000 x 256. Prints the medians,
# the paired ratios and every acceptance line of the generation-client performance issue with PASS/FAIL.
# Usage: benchmarks/generation-side-by-side.sh [RUNS]   (from the project root; needs ../shared and python3-aiohttp)
# CLI=path uses another build; SETS="1k" or "10k" runs one comparison only.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
seed=$shared/datasets/gsm8k/train.jsonl
if [[ ! -f $seed || ! -f $shared/peers/gen_compare.py ]]; then
    echo "needs $shared/datasets/gsm8k and $shared/peers (set SHARED=...)" >&2
    exit 2
fi
# The peers need aiohttp; Debian's python3-aiohttp lives in the system interpreter.
py=${PYTHON:-python3}
if ! "$py" -c 'import aiohttp' 2>/dev/null; then
    py=/usr/bin/python3
fi
cli=${CLI:-$root/artifacts/cli/agorabench}
if [[ ! -x $cli ]]; then
    "$root/benchmarks/build-cli.sh" "$(dirname "$cli")" >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;" \
     "$(uname -sr); .NET $(dotnet --list-runtimes | awk '/NETCore.App/{v=$2} END{print v}'); $("$py" --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sets=${SETS:-1k 10k}
for set in $sets; do
    case $set in
        1k) args=(--count 1000 --concurrency 64) ;;
        10k) args=(--count 10000 --concurrency 256) ;;
        *) echo "unknown set $set" >&2; exit 2 ;;
    esac
    if ! "$py" "$shared/peers/gen_compare.py" --cli "$cli" --seed "$seed" "${args[@]}" --latency-ms 100 --runs "$runs" \
        --json "$work/$set.json" 2>"$work/$set.log"; then
        echo "gen_compare.py failed on $set; its last lines:" >&2
        tail -n 20 "$work/$set.log" >&2
        exit 1
    fi
    echo "load average after $set: $(cut -d' ' -f1-3 /proc/loadavg)"
done
"$py" - "$work" $sets <<'PY'
import json, os, sys
work, sets = sys.argv[1], sys.argv[2:]
failed = 0
def line(ok, text):
    global failed
    failed += not ok
    print(f"  {'PASS' if ok else 'FAIL'}  {text}")
for s in sets:
    d = json.load(open(os.path.join(work, s + ".json")))
    a, p, r = d["summary"]["agorabench"], d["summary"]["aiohttp-peer"], d["summary"]["ratios"]
    runs = d["runs"]
    pairs = [(x, y) for x, y in zip([x for x in runs if x["client"] == "agorabench"], [y for y in runs if y["client"] == "aiohttp-peer"])]
    tp = sorted(x["throughput"] / y["throughput"] for x, y in pairs)
    tp_ratio = tp[len(tp) // 2] if len(tp) % 2 else (tp[len(tp) // 2 - 1] + tp[len(tp) // 2]) / 2
    print(f"{s}: acceptance (medians of {len(pairs)} alternating pairs; ratios are medians of per-pair ratios)")
    line(a["all_ok"], f"every run exited 0 with all {d['summary']['count']} instances written")
    if s == "1k":
        line(a["of_ideal"] >= 0.90, f"throughput {a['of_ideal']:.1%} of ideal >= 90% (peer {p['of_ideal']:.1%})")
        line(tp_ratio >= 1.0, f"throughput / peer {tp_ratio:.2f} >= 1")
        line(r["wall_s"] <= 1.1, f"wall / peer {r['wall_s']:.2f} <= 1.1 ({a['wall_s']:.2f} s vs {p['wall_s']:.2f} s)")
        line(r["cpu_s"] <= 1.2, f"client CPU / peer {r['cpu_s']:.2f} <= 1.2 ({a['cpu_s']:.2f} s vs {p['cpu_s']:.2f} s)")
        line(a["peak_mib"] <= 100, f"peak RSS {a['peak_mib']:.0f} MiB <= 100 (peer {p['peak_mib']:.0f})")
        line(a["first_request_s"] <= 0.5, f"first request {a['first_request_s']:.3f} s after start <= 0.5 (peer {p['first_request_s']:.3f})")
    else:
        line(tp_ratio >= 1.0, f"throughput / peer {tp_ratio:.2f} >= 1 ({a['of_ideal']:.1%} vs {p['of_ideal']:.1%} of ideal)")
        line(r["cpu_ms_per_request"] <= 1.2, f"client CPU per request / peer {r['cpu_ms_per_request']:.2f} <= 1.2 ({a['cpu_ms_per_request']:.2f} vs {p['cpu_ms_per_request']:.2f} ms)")
sys.exit(1 if failed else 0)
PY

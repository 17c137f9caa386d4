#!/usr/bin/env python3
"""Where the server-side window of a generation run goes, per client (a diagnostic beside gen_compare.py).

gen_compare.py reports throughput over the server-side window (first request in, last answer out). This script runs
the same clients, alternating, against an instrumented loopback server that behaves like ../shared/peers/gen_server.py
(each request is held `latency` from the moment its handler starts, the time spent reading the body included, then
answered with a valid math instance-generation completion) and records every request: when its handler started, when
its body was read, when its answer left and on which connection. The window's slot time (concurrency x window) is then
split into:

  ramp        idle slot time before each connection's first request (connection set-up, the first prompts)
  hold        time requests were held: latency + body read beyond it + timer lateness (the server's own event loop)
  turnaround  idle slot time between an answer leaving and the next request arriving on that connection (the client
              reading, recording and sending, plus the server's loop accepting the new request)
  tail        idle slot time after each connection's last answer (work running out)

Usage (from the project root; needs python3 with aiohttp):
  benchmarks/generation_window_breakdown.py --cli artifacts/cli/agorabench [--count 1000] [--concurrency 64] [--runs 3]
"""
import argparse, asyncio, json, os, shlex, signal, socket, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared"))

CONTENT = ("A baker packs 18 trays of 24 rolls and gives away 150 rolls. How many rolls does she keep? "
           "Give the answer as a whole number.\n"
           "OUTPUT: She packs 18 * 24 = 432 rolls. After giving away 150, 432 - 150 = 282 rolls are left.\n"
           "[RESULT] 282 [/RESULT]\n")
BODY = json.dumps({
    "id": "chatcmpl-breakdown", "object": "chat.completion", "created": 1700000000, "model": "gen",
    "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                 "message": {"role": "assistant", "content": CONTENT}}],
    "usage": {"prompt_tokens": 600, "completion_tokens": 60, "total_tokens": 660}}).encode()


def serve(latency, port_file, log_file):
    from aiohttp import web
    log = []

    async def chat(request):
        start = time.monotonic()
        await request.read()
        read = time.monotonic()
        await asyncio.sleep(latency - (read - start))
        answered = time.monotonic()
        log.append((start, read, answered, request.transport.get_extra_info("peername")[1]))
        return web.Response(body=BODY, content_type="application/json")

    async def main():
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/chat/completions", chat)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(4096)
        await web.SockSite(runner, sock, backlog=4096).start()
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        with open(port_file + ".tmp", "w") as f:
            f.write(str(sock.getsockname()[1]))
        os.replace(port_file + ".tmp", port_file)
        await stop.wait()
        with open(log_file, "w") as f:
            json.dump(log, f)
        await runner.cleanup()

    asyncio.run(main())


def breakdown(log, concurrency, latency):
    log.sort()
    t0 = log[0][0]
    end = max(r[2] for r in log)
    window = end - t0
    by_conn = {}
    for r in log:
        by_conn.setdefault(r[3], []).append(r)
    ramp = sum(rs[0][0] - t0 for rs in by_conn.values())
    tail = sum(end - rs[-1][2] for rs in by_conn.values())
    turn = [b[0] - a[2] for rs in by_conn.values() for a, b in zip(rs, rs[1:])]
    first_turn = [rs[1][0] - rs[0][2] for rs in by_conn.values() if len(rs) > 1]
    later_turn = [b[0] - a[2] for rs in by_conn.values() for a, b in zip(rs[1:], rs[2:])]
    n = len(log)
    return {
        "requests": n,
        "of_ideal": n / window / (concurrency / latency),
        "ramp_ms_per_connection": 1000 * ramp / len(by_conn),
        "turnaround_ms_mean": 1000 * sum(turn) / max(1, len(turn)),
        "turnaround_ms_p50": 1000 * statistics.median(turn) if turn else 0.0,
        "turnaround_ms_p90": 1000 * statistics.quantiles(turn, n=10)[-1] if len(turn) > 1 else 0.0,
        "first_turnaround_ms_mean": 1000 * sum(first_turn) / max(1, len(first_turn)),
        "later_turnaround_ms_mean": 1000 * sum(later_turn) / max(1, len(later_turn)),
        "body_read_ms_mean": 1000 * sum(r[1] - r[0] for r in log) / n,
        "hold_beyond_latency_ms_mean": 1000 * sum(r[2] - r[0] - latency for r in log) / n,
        "tail_ms_per_connection": 1000 * tail / len(by_conn),
        "lost_slot_share": {
            "ramp": ramp / (concurrency * window),
            "hold": sum(r[2] - r[0] - latency for r in log) / (concurrency * window),
            "turnaround": sum(turn) / (concurrency * window),
            "tail": tail / (concurrency * window),
        },
    }


def run_once(a, client, root):
    work = tempfile.mkdtemp(dir=root)
    port_file, log_file = os.path.join(work, "port"), os.path.join(work, "log.json")
    server = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve", "--latency-ms", str(a.latency_ms),
                               "--port-file", port_file, "--log-file", log_file])
    deadline = time.monotonic() + 20
    while not os.path.exists(port_file):
        if time.monotonic() > deadline or server.poll() is not None:
            raise SystemExit("the instrumented server did not start")
        time.sleep(0.02)
    base = f"http://127.0.0.1:{open(port_file).read()}/v1"
    out = os.path.join(work, "out.jsonl")
    if client == "agorabench":
        cmd = shlex.split(a.cli) + ["generate", "--method", "instance-generation", "--domain", "math", "--seed", a.seed,
                                    "--count", str(a.count), "--model", "gen", "--endpoint", base,
                                    "--concurrency", str(a.concurrency), "--out", out]
    else:
        cmd = [sys.executable, os.path.join(SHARED, "peers", "gen_peer_aiohttp.py"), "--endpoint", base, "--seed", a.seed,
               "--count", str(a.count), "--concurrency", str(a.concurrency), "--out", out]
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    if rc != 0:
        raise SystemExit(f"{client} exited with {rc}")
    with open(log_file) as f:
        return breakdown(json.load(f), a.concurrency, a.latency_ms / 1000)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--port-file", help=argparse.SUPPRESS)
    ap.add_argument("--log-file", help=argparse.SUPPRESS)
    ap.add_argument("--cli", help="the agorabench command")
    ap.add_argument("--seed", default=os.path.join(SHARED, "datasets", "gsm8k", "train.jsonl"))
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--latency-ms", type=float, default=100.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", help="write every run here")
    a = ap.parse_args()
    if a.serve:
        serve(a.latency_ms / 1000, a.port_file, a.log_file)
        return 0
    if not a.cli:
        ap.error("--cli is required")
    runs = {"agorabench": [], "aiohttp-peer": []}
    with tempfile.TemporaryDirectory() as root:
        for i in range(a.runs):
            order = ["agorabench", "aiohttp-peer"] if i % 2 == 0 else ["aiohttp-peer", "agorabench"]
            for client in order:
                runs[client].append(run_once(a, client, root))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(runs, f, indent=2)
    keys = ["of_ideal", "ramp_ms_per_connection", "turnaround_ms_mean", "turnaround_ms_p50", "turnaround_ms_p90",
            "first_turnaround_ms_mean", "later_turnaround_ms_mean", "body_read_ms_mean",
            "hold_beyond_latency_ms_mean", "tail_ms_per_connection"]
    print(f"{a.count} requests, concurrency {a.concurrency}, {a.latency_ms:g} ms; medians of {a.runs} alternating runs")
    print("client        " + " ".join(f"{k:>14.14}" for k in keys) + "   lost slot share: ramp/hold/turnaround/tail")
    for client, rs in runs.items():
        med = {k: statistics.median(r[k] for r in rs) for k in keys}
        share = {k: statistics.median(r["lost_slot_share"][k] for r in rs) for k in ("ramp", "hold", "turnaround", "tail")}
        cells = [f"{100 * med['of_ideal']:13.1f}%"] + [f"{med[k]:14.2f}" for k in keys[1:]]
        print(f"{client:13} " + " ".join(cells) + "   " + "/".join(f"{100 * v:.1f}%" for v in share.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

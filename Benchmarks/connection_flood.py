#!/usr/bin/env python3
"""Hostile connections against `tts-replay serve`: does the API still answer, and how long do they live?

Not part of `swift test`. Starts `tts-replay serve` on loopback (default scenario, default
limits), then:
  1. idle flood: opens N connections that never send a byte, then times signed requests
     from a well-behaved client on new connections, and counts the flood connections the
     server has closed;
  2. slowloris flood: the same with N connections that each send an unfinished head and then
     one more header line every second;
  3. lifetimes (with --lifetimes): how long one idle connection, one slowloris head and one
     stalled body live.
Prints a Markdown summary. Stops everything it starts.

    swift build --product tts-replay && python3 Benchmarks/connection_flood.py [--connections 19000] [--lifetimes]

Options: --binary PATH (default: the release build under Benchmarks/.build, else .build/debug),
--connections N (default: as many as the open-file limit allows, at most 20,000), --lifetimes.
"""
import argparse, hashlib, hmac, json, pathlib, resource, select, socket, statistics, subprocess, sys, time, urllib.error, urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
APP_KEY, APP_SECRET = "6a1c2e9f3b7d", "5f0e8d2c9a4b7e1f3c6d"
PATH = "/authorization/202309/shops"


def binary(given):
    for candidate in [given] if given else [ROOT / "Benchmarks/.build/release/tts-replay", ROOT / ".build/debug/tts-replay"]:
        if candidate and pathlib.Path(candidate).exists():
            return str(candidate)
    sys.exit("no tts-replay binary: run `swift build --product tts-replay` first, or pass --binary")


def signed_request(info):
    query = {"app_key": info["app_key"], "timestamp": str(int(time.time()))}
    base = info["app_secret"] + PATH + "".join(k + v for k, v in sorted(query.items())) + info["app_secret"]
    query["sign"] = hmac.new(info["app_secret"].encode(), base.encode(), hashlib.sha256).hexdigest()
    url = info["base_url"] + PATH + "?" + "&".join(f"{k}={v}" for k, v in sorted(query.items()))
    return urllib.request.Request(url, headers={"x-tts-access-token": info["access_token"], "Connection": "close"})


def well_behaved(info, count=20):
    """Times `count` signed requests, each on a new connection: (statuses, latencies in ms)."""
    statuses, latencies = [], []
    for _ in range(count):
        started = time.monotonic()
        try:
            with urllib.request.urlopen(signed_request(info), timeout=30) as response:
                response.read()
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
        except OSError as error:
            statuses.append(type(error).__name__)
        latencies.append((time.monotonic() - started) * 1000)
    return statuses, latencies


def open_flood(port, count, first_bytes):
    sockets, failures = [], 0
    for _ in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            if first_bytes:
                s.sendall(first_bytes)
            s.setblocking(False)
            sockets.append(s)
        except OSError:
            failures += 1
    return sockets, failures


def closed_by_server(sockets):
    """How many of `sockets` the server has closed (readable with EOF or reset)."""
    closed = 0
    poller = select.poll()
    by_fd = {s.fileno(): s for s in sockets}
    for fd in by_fd:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    for fd, _ in poller.poll(0):
        try:
            if by_fd[fd].recv(1024) == b"":
                closed += 1
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
    return closed


def trickle(sockets):
    for s in sockets:
        try:
            s.send(b"X-Trickle: 1\r\n")
        except OSError:
            pass


def lifetime(port, first_bytes, trickle_every=None, limit=120):
    s = socket.create_connection(("127.0.0.1", port))
    started = time.monotonic()
    if first_bytes:
        s.sendall(first_bytes)
    s.settimeout(trickle_every or limit)
    while time.monotonic() - started < limit:
        try:
            if s.recv(1024) == b"":
                break
        except socket.timeout:
            try:
                s.sendall(b"X-Trickle: 1\r\n")
            except OSError:
                break
        except OSError:
            break
    s.close()
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--connections", type=int)
    parser.add_argument("--lifetimes", action="store_true")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    count = args.connections if args.connections is not None else min(20_000, hard - 200)
    process = subprocess.Popen([binary(args.binary), "serve", "--log-level", "error"], stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(process.stdout.readline())
        port = int(info["base_url"].rsplit(":", 1)[1])
        rows = []
        baseline = well_behaved(info)
        rows.append(("no flood", 0, 0, baseline))
        for name, first in [("idle", b""), ("slowloris head", b"GET " + PATH.encode() + b" HTTP/1.1\r\nHost: x\r\n")]:
            started = time.monotonic()
            sockets, failures = open_flood(port, count, first)
            opened = time.monotonic() - started
            if first:
                trickle(sockets)
            result = well_behaved(info)
            closed = closed_by_server(sockets)
            rows.append((f"{name}: {len(sockets):,} opened in {opened:.1f} s, {failures} refused by the system", len(sockets), closed, result))
            for s in sockets:
                s.close()
            time.sleep(1)
        print(f"| flood | well-behaved answers | p50 / max latency (ms) | flood connections closed by the server |")
        print("|---|---|---|---|")
        for name, opened, closed, (statuses, latencies) in rows:
            answered = sum(1 for s in statuses if s == 200)
            others = sorted({str(s) for s in statuses if s != 200})
            print(f"| {name} | {answered}/{len(statuses)} 200{' (' + ', '.join(others) + ')' if others else ''} | "
                  f"{statistics.median(latencies):.1f} / {max(latencies):.1f} | {closed:,} of {opened:,} |")
        if args.lifetimes:
            print()
            print(f"- an idle connection lived {lifetime(port, b''):.1f} s")
            head = b"GET " + PATH.encode() + b" HTTP/1.1\r\nHost: x\r\n"
            print(f"- a slowloris head (a header line a second) lived {lifetime(port, head, trickle_every=1):.1f} s")
            stalled = b"POST " + PATH.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"
            print(f"- a body that stalls after its first byte lived {lifetime(port, stalled):.1f} s (answered 408)")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Soak: the large-answer load with kill -9 at random moments; what does a kill lose?

For each journal durability mode, runs wrk (2 threads, 64 connections) on Get Categories v2 of
the largest market (about 70 KB answers) against a release `tts-replay serve`, kills the server
with SIGKILL at a random moment 1.5-6 s into the load, and starts again with a fresh journal,
until the load has run for --seconds in total. wrk records the request_id of every answer it
received whole; after each kill the journal file is opened and every answered request_id looked
up in it. Also sampled: the server's peak RSS (VmHWM just before the kill), and how long
GET /__admin/health takes under the load.

Usage: python3 Benchmarks/soak.py [--seconds 30] [--binary PATH] [--modes commit-before-answer,answer-before-commit]
Needs wrk, and a release build (`swift build -c release` at the package root). Writes its
section of Benchmarks/RESULTS.md (between the soak markers), replacing the previous one.
"""
import argparse, datetime, json, os, pathlib, random, signal, sqlite3, statistics, subprocess, sys, tempfile, threading, time, urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run import ROOT, CIPHER, TOKEN, signed_url, rss_mib  # noqa: E402

BEGIN, END = "<!-- soak:begin -->", "<!-- soak:end -->"


def binary(path):
    for candidate in ([path] if path else [ROOT / ".build" / "release" / "tts-replay", ROOT / "Benchmarks" / ".build" / "release" / "tts-replay"]):
        if candidate and pathlib.Path(candidate).exists():
            return pathlib.Path(candidate)
    sys.exit("no release tts-replay: run `swift build -c release` first, or pass --binary")


def largest_market():
    sizes = {m: (ROOT / "catalogue" / m / "v2" / "categories.json").stat().st_size for m in os.listdir(ROOT / "catalogue")}
    return max(sizes, key=sizes.get)


def wrk_script(workdir, path):
    """Sends one signed path; keeps the request_id of every whole answer, written out at the end."""
    script = workdir / "soak.lua"
    ids = workdir / "answered.txt"
    script.write_text(f"""
local threads = {{}}
setup = function(thread) table.insert(threads, thread) end
init = function(args) ids = {{}} end
wrk.method = "GET"
wrk.headers["x-tts-access-token"] = "{TOKEN}"
request = function() return wrk.format(nil, {json.dumps(path)}) end
response = function(status, headers, body)
  local id = string.match(string.sub(body, -80), '"request_id":"(%w+)"')
  if id then ids[#ids + 1] = id end
end
done = function(summary, latency, requests)
  local out = io.open({json.dumps(str(ids))}, "w")
  for _, thread in ipairs(threads) do
    for _, id in ipairs(thread:get("ids")) do out:write(id, "\\n") end
  end
  out:close()
end
""")
    return script, ids


def peak_rss_mib(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def health_latencies(admin_url, stop, out):
    """Times GET /__admin/health every 200 ms until told to stop."""
    while not stop.is_set():
        started = time.time()
        try:
            urllib.request.urlopen(admin_url + "/health", timeout=30).read()
            out.append((time.time() - started) * 1000)
        except OSError:
            return
        stop.wait(0.2)


def one_kill(exe, scenario, workdir, mode, index, kill_after):
    journal = workdir / f"{mode}-{index}.sqlite"
    server = subprocess.Popen([str(exe), "serve", "--scenario", str(scenario), "--journal", str(journal), "--journal-durability", mode,
                               "--log-level", "error"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    info = json.loads(server.stdout.readline())
    path = signed_url("", "/product/202309/categories", {"category_version": "v2"})
    script, ids_file = wrk_script(workdir, path)
    wrk = subprocess.Popen(["wrk", "-t2", "-c64", f"-d{int(kill_after) + 2}s", "-s", str(script), info["base_url"]],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stop, latencies = threading.Event(), []
    prober = threading.Thread(target=health_latencies, args=(info["admin_url"], stop, latencies))
    prober.start()
    rss_samples = []
    deadline = time.time() + kill_after
    while time.time() < deadline:
        rss_samples.append(rss_mib(server))
        time.sleep(0.1)
    peak = max(peak_rss_mib(server.pid), max(rss_samples, default=0))
    server.send_signal(signal.SIGKILL)
    server.wait()
    stop.set()
    prober.join()
    wrk.communicate()
    answered = [line.strip() for line in ids_file.read_text().splitlines() if line.strip()]
    with sqlite3.connect(journal) as db:
        journaled = {row[0] for row in db.execute("SELECT request_id FROM request")}
    lost = [i for i in answered if i not in journaled]
    return {
        "mode": mode, "kill_after": kill_after, "answered": len(answered), "journaled": len(journaled), "lost": len(lost),
        "rss_peak": peak, "rps": len(answered) / kill_after, "health_max_ms": max(latencies, default=0.0),
        "health_p50_ms": statistics.median(latencies) if latencies else 0.0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30, help="total load time per mode")
    parser.add_argument("--binary", help="the tts-replay executable (default: the release build)")
    parser.add_argument("--modes", default="commit-before-answer,answer-before-commit")
    parser.add_argument("--seed", type=int, default=None, help="for the random kill moments")
    args = parser.parse_args()
    exe = binary(args.binary)
    rng = random.Random(args.seed)
    market = largest_market()
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="tts-replay-soak-"))
    scenario = workdir / "soak.yaml"
    scenario.write_text(f"name: soak\nshops:\n  - {{id: \"1\", region: {market}, cipher: {CIPHER}}}\n")
    rows = []
    try:
        for mode in args.modes.split(","):
            loaded, index = 0.0, 0
            while loaded < args.seconds:
                kill_after = min(rng.uniform(1.5, 6.0), max(1.5, args.seconds - loaded))
                row = one_kill(exe, scenario, workdir, mode, index, kill_after)
                rows.append(row)
                loaded += kill_after
                index += 1
                print(f"{mode} kill {index} after {kill_after:.1f} s: answered {row['answered']:,}, journaled {row['journaled']:,}, "
                      f"lost {row['lost']:,}; RSS peak {row['rss_peak']:.0f} MiB; {row['rps']:,.0f} answers/s; "
                      f"health p50 {row['health_p50_ms']:.1f} ms, max {row['health_max_ms']:.1f} ms", flush=True)
    finally:
        for file in workdir.iterdir():
            file.unlink()
        workdir.rmdir()
    write_section(rows, market, args)


def write_section(rows, market, args):
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = [
        BEGIN, "## Soak: kill -9 under the large-answer load", "",
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, commit `{commit}`, by "
        f"`Benchmarks/soak.py --seconds {args.seconds:g}`: wrk (2 threads, 64 connections) on Get Categories v2 of {market} "
        "(about 70 KB answers), kill -9 at a random moment 1.5-6 s into the load, a fresh journal each time. "
        "Lost = answers wrk received whole whose request_id is not in the journal after the kill.", "",
        "| durability | kill after (s) | answered | journaled | lost | RSS peak (MiB) | answers/s | health p50 / max (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['mode']} | {r['kill_after']:.1f} | {r['answered']:,} | {r['journaled']:,} | {r['lost']:,} | {r['rss_peak']:.0f} | "
                     f"{r['rps']:,.0f} | {r['health_p50_ms']:.1f} / {r['health_max_ms']:.1f} |")
    lines.append("")
    for mode in sorted({r["mode"] for r in rows}):
        mine = [r for r in rows if r["mode"] == mode]
        lines.append(f"- {mode}: {len(mine)} kills, {sum(r['lost'] for r in mine):,} of {sum(r['answered'] for r in mine):,} answered requests lost "
                     f"(at most {max(r['lost'] for r in mine):,} in one kill), RSS peak {max(r['rss_peak'] for r in mine):.0f} MiB, "
                     f"median {statistics.median(r['rps'] for r in mine):,.0f} answers/s, health at most {max(r['health_max_ms'] for r in mine):.0f} ms")
    lines.append(END)
    section = "\n".join(lines) + "\n"
    results = ROOT / "Benchmarks" / "RESULTS.md"
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results.write_text(text)
    print(section)
    print(f"written to {results.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

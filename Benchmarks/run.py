#!/usr/bin/env python3
"""tts-replay against nginx serving the same bytes, on this machine, in the same run.

Run from a clean clone with `Benchmarks/run.sh` (it installs nginx and wrk when missing, the
Pact stub server into Benchmarks/.venv, builds release, and stops everything it starts). For
each workload it measures, in alternation and three rounds, wrk (2 threads, 64 connections,
10 s, after a 3 s warm-up) against tts-replay and against nginx serving the recorded answer as
a static file on another loopback port, and prints requests per second, the ratio to nginx,
and p50/p99 latency. Workload 1 is also measured against the Pact stub server (`pact stub`,
from PyPI's pact-python-cli) replaying the same answer bytes from a pact file, the tool a
contract-testing team would pick: it matches path and query, and signs, checks and journals
nothing. Results go to Benchmarks/RESULTS.md.

Options: --seconds N (per wrk run, default 10), --rounds N (default 3), --only w1,w2,...,
--soak N (after workload 1, go on until N requests are journaled; default 1,000,000, 0 for none)
"""
import argparse, datetime, hashlib, hmac, json, os, pathlib, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = ROOT / "Benchmarks" / ".build" / "release"
PACT = ROOT / "Benchmarks" / ".venv" / "bin" / "pact"  # run.sh installs it; PACT=path overrides
APP_KEY, APP_SECRET = "6a1c2e9f3b7d", "5f0e8d2c9a4b7e1f3c6d"
CIPHER = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"
TOKEN = "TTP_replay_6a1c2e9f3b7d"  # the token of a scenario that names none
STARTED = []  # processes to stop


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sign(path, query, body=""):
    base = APP_SECRET + path + "".join(k + v for k, v in sorted(query.items()) if k not in ("sign", "access_token")) + body + APP_SECRET
    return hmac.new(APP_SECRET.encode(), base.encode(), hashlib.sha256).hexdigest()


def signed_url(base, path, query, body="", cipher=True):
    query = dict(query, app_key=APP_KEY, timestamp=str(int(time.time())))
    if cipher:
        query["shop_cipher"] = CIPHER
    query["sign"] = sign(path, query, body)
    return base + path + "?" + "&".join(f"{k}={v}" for k, v in sorted(query.items()))


def serve(scenario, workdir, name, arguments=(), environment=None):
    """`tts-replay serve` of the scenario, with `arguments` after the usual ones and `environment` added to this one's."""
    journal = workdir / f"{name}.sqlite"
    extra = os.environ.get("TTS_REPLAY_SERVE_ARGS", "").split()  # e.g. "--journal-durability answer-before-commit"
    return start_announced([str(BIN / "tts-replay"), "serve", "--scenario", str(scenario), "--journal", str(journal), "--log-level", "error",
                            *extra, *arguments], f"tts-replay serve {scenario}", environment)


def start_announced(command, name, environment=None):
    """Starts a server that prints one JSON line (its `base_url`) once it listens; (process, that JSON)."""
    env = {**os.environ, **environment} if environment else None
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    STARTED.append(process)
    line = process.stdout.readline()
    if not line:
        sys.exit(f"{name} printed nothing")
    return process, json.loads(line)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
    if process in STARTED:
        STARTED.remove(process)


def rss_mib(process):
    for line in open(f"/proc/{process.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def fetch(url, method="GET", body=None):
    request = urllib.request.Request(url, method=method, data=body.encode() if body else None,
                                     headers={"x-tts-access-token": TOKEN, "content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return response.read()


def start_nginx(workdir, static):
    # nginx's workers drop root: the work folder (mkdtemp makes it 0700) must be readable to
    # them, or every answer is a 403 page.
    workdir.chmod(0o755)
    port = free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(f"""
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type application/json;
    client_body_temp_path {workdir}/nginx-body;
    proxy_temp_path {workdir}/nginx-proxy;
    fastcgi_temp_path {workdir}/nginx-fastcgi;
    uwsgi_temp_path {workdir}/nginx-uwsgi;
    scgi_temp_path {workdir}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {static};
        location / {{ error_page 405 =200 $uri; }}
    }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    STARTED.append(process)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return process, f"http://127.0.0.1:{port}"


def wait_listening(port, process, name):
    for _ in range(200):
        if process.poll() is not None:
            sys.exit(f"{name} stopped at start (exit {process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"{name} did not listen on port {port} within 10 s")


def pact_file(workdir, path, query, answer):
    """A pact with one interaction: the signed GET of `path` whose query holds these names
    (sign and timestamp matched by pattern, as they change on every call), answered with
    `answer`, byte for byte (a JSON string body is served as written)."""
    interaction = {
        "description": f"GET {path}",
        "request": {
            "method": "GET", "path": path,
            "query": {name: [value] for name, value in sorted(query.items())},
            "matchingRules": {"query": {
                "sign": {"matchers": [{"match": "regex", "regex": "^[0-9a-f]{64}$"}]},
                "timestamp": {"matchers": [{"match": "regex", "regex": "^[0-9]+$"}]},
            }},
        },
        "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": answer.decode()},
    }
    pact = {"consumer": {"name": "client"}, "provider": {"name": "tiktok-shop"}, "interactions": [interaction],
            "metadata": {"pactSpecification": {"version": "3.0.0"}}}
    target = workdir / "w1-pact.json"
    target.write_text(json.dumps(pact))
    return target


def start_pact(pact):
    """The Pact stub server on a free loopback port, serving `pact`; stopped by pid like the rest."""
    binary = os.environ.get("PACT") or str(PACT)
    if not os.access(binary, os.X_OK):
        sys.exit(f"the Pact stub server is missing ({binary}): Benchmarks/run.sh installs it, or set PACT=path/to/pact")
    port = free_port()
    process = subprocess.Popen([binary, "stub", "-f", str(pact), "-p", str(port), "-l", "error"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    STARTED.append(process)
    wait_listening(port, process, "the Pact stub server")
    return process, f"http://127.0.0.1:{port}"


def lua(workdir, name, method, requests, body=""):
    """A wrk script sending the given paths in turn, with the token header and a body."""
    paths = ",".join(json.dumps(p) for p in requests)
    script = workdir / f"{name}.lua"
    script.write_text(f"""
local paths = {{{paths}}}
local i = 0
wrk.method = "{method}"
wrk.body = {json.dumps(body)}
wrk.headers["x-tts-access-token"] = "TTP_replay_6a1c2e9f3b7d"
wrk.headers["content-type"] = "application/json"
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
""")
    return script


def wrk(base, script, seconds):
    output = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "-s", str(script), base],
                            capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    def latency(label):
        match = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": latency("50"), "p99": latency("99"), "errors": int(non2xx.group(1)) if non2xx else 0}


def compare(name, title, replay_base, nginx_base, method, make_requests, body, seconds, rounds, workdir, pact_base=None):
    """wrk against tts-replay, nginx (and the Pact stub server) in alternation; fresh signatures before each run."""
    targets = {"tts-replay": replay_base, "nginx": nginx_base}
    if pact_base:
        targets["pact"] = pact_base
    results = {target: [] for target in targets}
    def run(target, base, warm=False):
        requests = make_requests()
        script = lua(workdir, f"{name}-{target}", method, requests, body)
        return wrk(base, script, 3 if warm else seconds)
    for target, base in targets.items():
        run(target, base, warm=True)
    for _ in range(rounds):
        for target, base in targets.items():
            results[target].append(run(target, base))
    for target in targets:
        if target != "tts-replay" and any(r["errors"] for r in results[target]):
            sys.exit(f"{title}: {target} answered non-2xx, so it is not serving the same bytes; no ratio to it is written")
    replay = statistics.median(r["rps"] for r in results["tts-replay"])
    reference = statistics.median(r["rps"] for r in results["nginx"])
    row = {
        "workload": title, "replay_rps": replay, "nginx_rps": reference, "ratio": replay / reference,
        "replay_p50": statistics.median(r["p50"] for r in results["tts-replay"]),
        "replay_p99": statistics.median(r["p99"] for r in results["tts-replay"]),
        "nginx_p50": statistics.median(r["p50"] for r in results["nginx"]),
        "nginx_p99": statistics.median(r["p99"] for r in results["nginx"]),
        "errors": sum(r["errors"] for r in results["tts-replay"]),
        "rounds": [round(r["rps"]) for r in results["tts-replay"]],
        "nginx_rounds": [round(r["rps"]) for r in results["nginx"]],
    }
    pact_text = ""
    if pact_base:
        pact = statistics.median(r["rps"] for r in results["pact"])
        row.update({"pact_rps": pact, "pact_ratio": replay / pact, "pact_rounds": [round(r["rps"]) for r in results["pact"]],
                    "pact_p50": statistics.median(r["p50"] for r in results["pact"]),
                    "pact_p99": statistics.median(r["p99"] for r in results["pact"]),
                    "pact_errors": sum(r["errors"] for r in results["pact"])})
        pact_text = (f"; Pact stub {pact:,.0f} req/s (rounds {row['pact_rounds']}), {row['pact_ratio']:.2f} x Pact stub, "
                     f"Pact p50/p99 {row['pact_p50']:.2f}/{row['pact_p99']:.2f} ms, Pact non-2xx {row['pact_errors']}")
    print(f"{title}: tts-replay {replay:,.0f} req/s (rounds {row['rounds']}), nginx {reference:,.0f} req/s (rounds {row['nginx_rounds']}), "
          f"ratio {row['ratio']:.2f}; p50 {row['replay_p50']:.2f} ms, p99 {row['replay_p99']:.2f} ms (nginx {row['nginx_p50']:.2f}/{row['nginx_p99']:.2f} ms); "
          f"non-2xx {row['errors']}{pact_text}", flush=True)
    return row


def scenario_file(workdir, name, text):
    path = workdir / f"{name}.yaml"
    path.write_text(text)
    return path


def static_copy(static, path, data):
    target = static / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


# Workload 1's recorded answer: Get Authorized Shops of one GB shop.
SHOPS_ANSWER = {"code": 0, "message": "Success", "request_id": "202611020900004D299F0370E6186B0001",
                "data": {"shops": [{"cipher": CIPHER, "code": "GBLCMT7K2Q9A", "id": "7495540735365777507", "name": "Maple & Thread UK", "region": "GB", "seller_type": "LOCAL"}]}}


def cassette_hit_scenario(workdir):
    """Workload 1's scenario: one cassette interaction (Get Authorized Shops), cassettes answering."""
    cassette = workdir / "w1-cassette.yaml"
    cassette.write_text(cassette_text([("GET", "/authorization/202309/shops", {}, SHOPS_ANSWER)]))
    return scenario_file(workdir, "w1", f"name: bench-w1\ncassettes: [{cassette}]\nanswer_order: [cassettes]\n")


def cassette_text(interactions):
    lines = ["format: 1", "interactions:"]
    for method, path, query, response in interactions:
        q = ", ".join(f"{k}: '{v}'" for k, v in query.items())
        lines.append(f"  - {{request: {{method: {method}, path: {path}, query: {{{q}}}}}, response: {{body: {json.dumps(response)}}}}}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="w1,w2,w3,w4,w5,w6")
    parser.add_argument("--soak", type=int, default=1_000_000, help="after workload 1, go on until this many requests are journaled (0: no)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="tts-replay-bench-"))
    static = workdir / "static"
    static.mkdir()
    rows, notes = [], []
    try:
        if "w1" in only:
            scenario = cassette_hit_scenario(workdir)
            server, info = serve(scenario, workdir, "w1")
            body = fetch(signed_url(info["base_url"], "/authorization/202309/shops", {}, cipher=False))
            static_copy(static, "/authorization/202309/shops", body)
            nginx, nginx_base = start_nginx(workdir, static)
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(signed_url("", "/authorization/202309/shops", {}, cipher=False)).query)
            pact, pact_base = start_pact(pact_file(workdir, "/authorization/202309/shops", {k: v[0] for k, v in query.items()}, body))
            if fetch(signed_url(pact_base, "/authorization/202309/shops", {}, cipher=False)) != body:
                sys.exit("the Pact stub server does not answer workload 1 with the same bytes as tts-replay")
            rows.append(compare("w1", "1. cassette replay hit (gateway checks, journal on)", info["base_url"], nginx_base, "GET",
                                lambda: [signed_url("", "/authorization/202309/shops", {}, cipher=False)], "", args.seconds, args.rounds, workdir,
                                pact_base=pact_base))
            stop(pact)
            health = json.loads(urllib.request.urlopen(info["admin_url"] + "/health").read())
            notes.append(f"after workload 1 the tts-replay process held {rss_mib(server):.0f} MiB RSS with {health['requests']:,} requests journaled")
            if args.soak:
                # Go on to 1,000,000 journaled requests: memory must stay flat, the journal is on disk.
                script = lua(workdir, "w1-soak", "GET", [signed_url("", "/authorization/202309/shops", {}, cipher=False)])
                while health["requests"] < args.soak:
                    wrk(info["base_url"], script, 10)
                    health = json.loads(urllib.request.urlopen(info["admin_url"] + "/health").read())
                journal_mib = sum(f.stat().st_size for f in workdir.glob("w1.sqlite*")) / 1048576
                notes.append(f"after {health['requests']:,} journaled requests (workload 1 run on) the tts-replay process held {rss_mib(server):.0f} MiB RSS; the journal file held {journal_mib:,.0f} MiB on disk")
            stop(server); stop(nginx)
        if "w2" in only:
            products = "".join(f"  - {{id: \"17296{index:014d}\", title: Product {index}, category_id: \"601226\", live_for: 3d}}\n" for index in range(10_000))
            scenario = scenario_file(workdir, "w2", "name: bench-w2\nproducts:\n" + products)
            server, info = serve(scenario, workdir, "w2")
            path, body = "/product/202502/products/search", '{"category_version":"v1","status":"ACTIVATE"}'
            make = lambda: [signed_url("", path, {"page_size": "50"}, body)]
            answer = fetch(info["base_url"] + make()[0], "POST", body)
            static_copy(static, path, answer)
            nginx, nginx_base = start_nginx(workdir, static)
            rows.append(compare("w2", "2. Search Products, shop of 10,000 products, page of 50", info["base_url"], nginx_base, "POST", make, body, args.seconds, args.rounds, workdir))
            stop(server); stop(nginx)
        if "w3" in only:
            sizes = {m: (ROOT / "catalogue" / m / "v2" / "categories.json").stat().st_size for m in os.listdir(ROOT / "catalogue")}
            market = max(sizes, key=sizes.get)
            scenario = scenario_file(workdir, "w3", f"name: bench-w3\nshops:\n  - {{id: \"1\", region: {market}, cipher: {CIPHER}}}\n")
            server, info = serve(scenario, workdir, "w3")
            path = "/product/202309/categories"
            make = lambda: [signed_url("", path, {"category_version": "v2"})]
            answer = fetch(info["base_url"] + make()[0])
            static_copy(static, path, answer)
            nginx, nginx_base = start_nginx(workdir, static)
            rows.append(compare("w3", f"3. Get Categories v2, largest tree ({market}, {len(answer) // 1024} KiB)", info["base_url"], nginx_base, "GET", make, "", args.seconds, args.rounds, workdir))
            stop(server); stop(nginx)
        if "w4" in only:
            for count in (100, 100_000):
                answer = {"code": 0, "message": "Success", "request_id": "202611020900004D299F0370E6186B0001", "data": {"id": "x"}}
                interactions = [("GET", f"/product/202309/products/{1729000000000000000 + i}", {"shop_cipher": CIPHER}, answer) for i in range(count)]
                cassette = workdir / f"w4-{count}-cassette.yaml"
                cassette.write_text(cassette_text(interactions))
                scenario = scenario_file(workdir, f"w4-{count}", f"name: bench-w4-{count}\ncassettes: [{cassette}]\nanswer_order: [cassettes]\n")
                started = time.time()
                server, info = serve(scenario, workdir, f"w4-{count}")
                load = time.time() - started
                hot = [f"/product/202309/products/{1729000000000000000 + i * (count // 100)}" for i in range(100)]
                for path in hot:
                    static_copy(static, path, fetch(signed_url(info["base_url"], path, {})))
                nginx, nginx_base = start_nginx(workdir, static)
                rows.append(compare(f"w4-{count}", f"4. cassette lookup, {count:,} interactions (100 requests in turn)", info["base_url"], nginx_base, "GET",
                                    lambda: [signed_url("", p, {}) for p in hot], "", args.seconds, args.rounds, workdir))
                notes.append(f"{count:,} interactions: the server took {load:.1f} s from start to listening (YAML load and index) and held {rss_mib(server):.0f} MiB RSS after its runs")
                stop(server); stop(nginx)
        if "w5" in only:
            output = subprocess.run([str(BIN / "tts-replay-benchmarks"), "startup", "20"], capture_output=True, text=True).stdout.strip()
            print(output, flush=True)
            notes.append(output)
        if "w6" in only:
            times = []
            for _ in range(5):
                started = time.time()
                result = subprocess.run([str(BIN / "tts-replay"), "run", "--scenario", "slow-webhook", "--", "python3", str(ROOT / "examples" / "reference_client.py")],
                                        capture_output=True, text=True)
                times.append(time.time() - started)
                if result.returncode != 0:
                    sys.exit(f"the reference client failed on slow-webhook (exit {result.returncode}):\n{result.stderr}")
            line = (f"6. full contract run of slow-webhook with examples/reference_client.py (tts-replay run, real seconds): "
                    f"median {statistics.median(times):.2f} s, min {min(times):.2f}, max {max(times):.2f} over 5 runs, every one PASSED")
            print(line, flush=True)
            notes.append(line)
    finally:
        for process in list(STARTED):
            stop(process)
        shutil.rmtree(workdir, ignore_errors=True)
    write_results(rows, notes, args)


def write_results(rows, notes, args):
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    memory = next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")) 
    lines = [
        "# Benchmark results", "",
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, {int(memory) // 1024 // 1024} GiB, commit `{commit}`, "
        f"by `Benchmarks/run.sh` (wrk 2 threads, 64 connections, {args.seconds} s per run, 3 s warm-up, {args.rounds} rounds in alternation, medians).", "",
        "| workload | tts-replay req/s | nginx req/s | × nginx | Pact stub req/s | × Pact stub | tts-replay p50 / p99 (ms) | nginx p50 / p99 (ms) | Pact stub p50 / p99 (ms) | non-2xx |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        pact = (f"{r['pact_rps']:,.0f} | {r['pact_ratio']:.2f}", f"{r['pact_p50']:.2f} / {r['pact_p99']:.2f}") if "pact_rps" in r else ("— | —", "—")
        lines.append(f"| {r['workload']} | {r['replay_rps']:,.0f} | {r['nginx_rps']:,.0f} | {r['ratio']:.2f} | {pact[0]} | {r['replay_p50']:.2f} / {r['replay_p99']:.2f} | "
                     f"{r['nginx_p50']:.2f} / {r['nginx_p99']:.2f} | {pact[1]} | {r['errors']} |")
    by = {r["workload"][:2]: r for r in rows}
    lookups = [r for r in rows if r["workload"].startswith("4.")]
    if len(lookups) == 2:
        lines += ["", f"Workload 4: 100,000 interactions at {lookups[1]['replay_rps'] / lookups[0]['replay_rps']:.2f} x the throughput of 100."]
    lines += [""] + [f"- {note}" for note in notes]
    lines += [f"- rounds (req/s, in order): " + "; ".join(
        f"{r['workload'][:2]} tts-replay {r['rounds']}, nginx {r['nginx_rounds']}" + (f", Pact stub {r['pact_rounds']}" if "pact_rounds" in r else "")
        for r in rows)] if rows else []
    complete = args.only == "w1,w2,w3,w4,w5,w6"
    target = ROOT / "Benchmarks" / ("RESULTS.md" if complete else "RESULTS-partial.md")
    target.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"written to {target.relative_to(ROOT)}" + ("" if complete else " (a partial run never replaces RESULTS.md)"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start to listening with a large cassette: `tts-replay serve` on a scenario that replays one
cassette of N interactions (run.py's workload-4 file, one flow mapping a line, about 27 MB for
100,000), timed from the start of the process to the line it prints once it listens, with its
resident memory then and after one answered request. Give several binaries to compare them
(an A/B against another commit's build): they run in alternation, and medians are printed.

    Benchmarks/cassette_load.py [--interactions 100000] [--rounds 3] [--layout flow|block] BINARY [BINARY...]

--layout block writes the cassette in the layout `tts-replay record` writes (block mappings,
`- request:` items) instead. Everything started is stopped by pid; the files go to a temporary
folder that is removed at the end.
"""
import argparse, json, pathlib, shutil, signal, statistics, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import run  # noqa: E402  (the signing helpers and the workload-4 cassette of run.py)


def block_text(interactions):
    """The layout `tts-replay record` writes, for the same interactions."""
    lines = ["# A tts-replay cassette; the format is described in docs/cassettes.md.", "format: 1", "interactions:"]
    for method, path, query, response in interactions:
        lines += ["- request:", f"    method: {method}", f"    path: {path}", "    query:"]
        lines += [f"      {k}: {v}" for k, v in query.items()]
        lines += ["  response:", "    status: 200", "    body:"]
        lines += [f"      {k}: {json.dumps(v)}" for k, v in sorted(response.items())]
    return "\n".join(lines) + "\n"


def start(binary, scenario, workdir, name):
    started = time.monotonic()
    process = subprocess.Popen([binary, "serve", "--scenario", str(scenario), "--journal", str(workdir / f"{name}.sqlite"), "--log-level", "error"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    listening = time.monotonic() - started
    if not line:
        process.kill()
        sys.exit(f"{binary} serve printed nothing")
    return process, json.loads(line), listening


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interactions", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--layout", choices=["flow", "block"], default="flow")
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="tts-replay-cassette-load-"))
    try:
        answer = {"code": 0, "message": "Success", "request_id": "202611020900004D299F0370E6186B0001", "data": {"id": "x"}}
        interactions = [("GET", f"/product/202309/products/{1729000000000000000 + i}", {"shop_cipher": run.CIPHER}, answer)
                        for i in range(args.interactions)]
        cassette = workdir / "cassette.yaml"
        cassette.write_text(run.cassette_text(interactions) if args.layout == "flow" else block_text(interactions))
        scenario = run.scenario_file(workdir, "scenario", f"name: cassette-load\ncassettes: [{cassette}]\nanswer_order: [cassettes]\n")
        print(f"{args.interactions:,} interactions, {args.layout} layout, {cassette.stat().st_size / 1e6:.1f} MB of YAML", flush=True)
        results = {binary: [] for binary in args.binaries}
        path = f"/product/202309/products/{1729000000000000000 + args.interactions // 2}"
        for round in range(args.rounds):
            for number, binary in enumerate(args.binaries):
                process, info, listening = start(binary, scenario, workdir, f"journal-{round}-{number}")
                rss = run.rss_mib(process)
                body = json.loads(run.fetch(run.signed_url(info["base_url"], path, {})))
                if body.get("code") != 0:
                    sys.exit(f"{binary} did not replay {path}: {body}")
                results[binary].append((listening, rss, run.rss_mib(process)))
                stop(process)
                print(f"round {round + 1}: {binary}: listening after {listening:.2f} s, {rss:.0f} MiB resident, "
                      f"{results[binary][-1][2]:.0f} MiB after one answer", flush=True)
        for binary, runs in results.items():
            print(f"{binary}: median {statistics.median(r[0] for r in runs):.2f} s to listening (min {min(r[0] for r in runs):.2f}, "
                  f"max {max(r[0] for r in runs):.2f}), median {statistics.median(r[2] for r in runs):.0f} MiB resident after one answer")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Two tts-replay binaries on workloads 1, 2 and 3 of run.py, in alternation, with nginx beside them.

The machine's noise is large, so a change is judged by A/B in the same minutes: for each
workload, each binary serves the same scenario on its own port (both started before the first
run), nginx serves the same answer bytes, and wrk (2 threads, 64 connections) runs against
the two binaries and nginx in turn, --rounds times, after a warm-up of each. The binaries swap
places every round (A then B, then B then A), so that the machine's drift within a round does
not favour one. Prints the rounds and the medians, the ratio of each binary to nginx, and the
server's CPU per request (user and system time of its process over the run, from /proc,
divided by the requests wrk counted): steadier than req/s when the machine is shared. For the
two binaries it is split by thread, medians over the rounds: the event loops, the journal's
writer (counted as "other" in a binary built before commit 007f04c, which does not name its
thread) and the other threads (the dispatch workers, the journal's checkpointer among them).
With --floor, a
plain SwiftNIO HTTP/1 server (`tts-replay-benchmarks nio-floor`: NIO's pipeline and one
handler, answering the same bytes, built by `Benchmarks/run.sh` or `swift build -c release
--product tts-replay-benchmarks` in Benchmarks/) runs in the rotation too, with its CPU per
request: the floor under any server on this stack; `--floor pipeline,codec,bytes` runs
nio-floor in each of its modes (NIO's decoder and encoder alone; no HTTP at all, for workloads
without a body). Stops everything it starts.

    python3 Benchmarks/ab.py --a /path/to/baseline/tts-replay --b .build/release/tts-replay [--only w1,w3] [--rounds 5] [--seconds 10] [--floor [pipeline,codec,bytes]]

A and B may be one binary run two ways: --a-args/--b-args add arguments to its `serve`
(`--b-args "--journal-durability answer-before-commit"`), --a-env/--b-env set environment
variables (`--b-env NIO_SINGLETON_GROUP_LOOP_COUNT=1`: one event loop instead of one per core).

Workload 1 is a cassette replay hit (Get Authorized Shops, gateway checks and journal on);
workload 2 Search Products over a shop of 10,000 products, a page of 50 (the first page, as
run.py asks it); workload 3 Get Categories v2 of the largest tree.
"""
import argparse, json, os, pathlib, shlex, shutil, statistics, sys, tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import run  # noqa: E402
from run import ROOT, CIPHER, cassette_hit_scenario, fetch, lua, scenario_file, signed_url, start_nginx, static_copy, stop, wrk  # noqa: E402


def serve(binary, scenario, workdir, name, arguments=(), environment=None):
    """`tts-replay serve` of one binary (run.serve reads the binary from run.BIN)."""
    run.BIN = pathlib.Path(binary).resolve().parent
    return run.serve(scenario, workdir, name, arguments, environment)


def environment(assignments):
    """NAME=VALUE arguments as a dictionary."""
    pairs = [assignment.split("=", 1) for assignment in assignments or []]
    if any(len(pair) != 2 or not pair[0] for pair in pairs):
        sys.exit(f"an environment variable is given as NAME=VALUE, not {assignments}")
    return dict(pairs)


def start_floor(answer_file, mode="pipeline"):
    """The plain NIO server of `tts-replay-benchmarks nio-floor` in a mode, answering with the file's bytes."""
    binary = ROOT / "Benchmarks" / ".build" / "release" / "tts-replay-benchmarks"
    if not binary.exists():
        sys.exit(f"--floor needs {binary}: build it with `swift build -c release --product tts-replay-benchmarks` in Benchmarks/")
    process, info = run.start_announced([str(binary), "nio-floor", str(answer_file), mode], "tts-replay-benchmarks nio-floor")
    return process, info["base_url"]


def cpu_seconds(process):
    """User and system time of a process so far, in seconds."""
    fields = pathlib.Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# The threads of a tts-replay server, by the names they give themselves.
THREAD_GROUPS = (("event loops", lambda name: name.startswith("NIO-")), ("journal writer", lambda name: name == "journal-writer"))


def thread_cpu_seconds(process):
    """User and system time so far of each group of a process's threads (THREAD_GROUPS, then
    "other": the dispatch workers, among them the journal's checkpointer), in seconds. A thread
    that ends during a run takes its time with it: the groups may sum to less than the process."""
    groups = {}
    for task in pathlib.Path(f"/proc/{process.pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended
        group = next((label for label, matches in THREAD_GROUPS if matches(name)), "other")
        groups[group] = groups.get(group, 0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return groups


def workloads(workdir):
    """(title, scenario, method, path, query, body, with the shop cipher) of workloads 1, 2 and 3."""
    products = "".join(f"  - {{id: \"17296{index:014d}\", title: Product {index}, category_id: \"601226\", live_for: 3d}}\n" for index in range(10_000))
    sizes = {m: (ROOT / "catalogue" / m / "v2" / "categories.json").stat().st_size for m in os.listdir(ROOT / "catalogue")}
    market = max(sizes, key=sizes.get)
    return {
        "w1": ("1. cassette replay hit (gateway checks, journal on)", cassette_hit_scenario(workdir),
               "GET", "/authorization/202309/shops", {}, "", False),
        "w2": ("2. Search Products, shop of 10,000 products, page of 50",
               scenario_file(workdir, "w2", "name: bench-w2\nproducts:\n" + products),
               "POST", "/product/202502/products/search", {"page_size": "50"}, '{"category_version":"v1","status":"ACTIVATE"}', True),
        "w3": (f"3. Get Categories v2, largest tree ({market})",
               scenario_file(workdir, "w3", f"name: bench-w3\nshops:\n  - {{id: \"1\", region: {market}, cipher: {CIPHER}}}\n"),
               "GET", "/product/202309/categories", {"category_version": "v2"}, "", True),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True, help="the baseline binary")
    parser.add_argument("--b", required=True, help="the binary under test")
    for side in ("a", "b"):
        parser.add_argument(f"--{side}-args", default="", metavar="ARGUMENTS",
                            help=f"more arguments for `tts-replay serve` of --{side}, in one string (e.g. \"--journal-durability answer-before-commit\")")
        parser.add_argument(f"--{side}-env", action="append", metavar="NAME=VALUE",
                            help=f"an environment variable for the server of --{side} (repeatable; e.g. NIO_SINGLETON_GROUP_LOOP_COUNT=1)")
    parser.add_argument("--only", default="w1,w2,w3")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--floor", nargs="?", const="pipeline", default=None,
                        help="measure plain SwiftNIO servers answering the same bytes too: a comma-separated list of "
                             "nio-floor's modes (pipeline, codec, bytes; bytes for workloads without a body), pipeline when none is given")
    args = parser.parse_args()
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="tts-replay-ab-"))
    try:
        for name, (title, scenario, method, path, query, body, cipher) in workloads(workdir).items():
            if name not in args.only.split(","):
                continue
            url = lambda base: signed_url(base, path, query, body, cipher=cipher)  # noqa: E731
            sides = (("A", args.a, args.a_args, args.a_env), ("B", args.b, args.b_args, args.b_env))
            servers = {label: serve(binary, scenario, workdir, f"{name}-{label}", shlex.split(extra), environment(assignments))
                       for label, binary, extra, assignments in sides}
            answers = {label: fetch(url(info["base_url"]), method, body or None) for label, (_, info) in servers.items()}
            data = {label: json.loads(answer)["data"] for label, answer in answers.items()}
            for page in data.values():
                page.pop("next_page_token", None)  # opaque: an offset before the cursor tokens, a cursor since
            if data["A"] != data["B"]:
                print(f"{title}: the two binaries answer different data", flush=True)
            static = workdir / f"static-{name}"
            static_copy(static, path, answers["B"])
            nginx, nginx_base = start_nginx(workdir, static)
            bases = {"A": servers["A"][1]["base_url"], "B": servers["B"][1]["base_url"], "nginx": nginx_base}
            processes = {label: process for label, (process, _) in servers.items()}
            floors = []
            if args.floor:
                answer_file = workdir / f"floor-{name}.json"
                answer_file.write_bytes(answers["B"])
                for mode in args.floor.split(","):
                    label = "NIO" if mode == "pipeline" else f"NIO-{mode}"
                    processes[label], bases[label] = start_floor(answer_file, mode)
                    floors.append(label)
                bases["nginx"] = bases.pop("nginx")  # the references last, nginx the very last
            results = {label: [] for label in bases}
            for turn in range(args.rounds + 1):
                # Round 0 warms each up; the binaries swap places every round.
                order = (["A", "B"] if turn % 2 else ["B", "A"]) + floors + ["nginx"]
                for label in order:
                    script = lua(workdir, f"{name}-{label}", method, [url("")], body)
                    before = cpu_seconds(processes[label]) if label in processes else None
                    threads_before = thread_cpu_seconds(processes[label]) if label in servers else None
                    result = wrk(bases[label], script, 3 if turn == 0 else args.seconds)
                    if turn == 0:
                        continue
                    if before is not None and result["rps"] > 0:
                        requests = result["rps"] * args.seconds
                        result["cpu_us"] = (cpu_seconds(processes[label]) - before) / requests * 1e6
                        if threads_before is not None:
                            threads_after = thread_cpu_seconds(processes[label])
                            result["threads_us"] = {group: (seconds - threads_before.get(group, 0)) / requests * 1e6
                                                    for group, seconds in threads_after.items()}
                    results[label].append(result)
            if any(r["errors"] for r in results["nginx"]):
                sys.exit(f"{title}: nginx answered non-2xx: it is not serving the answer bytes")
            print(f"{title}, {args.rounds} rounds of {args.seconds} s in alternation:", flush=True)
            reference = statistics.median(r["rps"] for r in results["nginx"])
            for label, rounds in results.items():
                rps = statistics.median(r["rps"] for r in rounds)
                cpu = [r["cpu_us"] for r in rounds if "cpu_us" in r]
                cpu_text = f", server CPU {statistics.median(cpu):.1f} µs/request {[round(c, 1) for c in cpu]}" if cpu else ""
                split = [r["threads_us"] for r in rounds if "threads_us" in r]
                if split:
                    groups = [label for label, _ in THREAD_GROUPS if any(label in s for s in split)] + (["other"] if any("other" in s for s in split) else [])
                    cpu_text += " (" + ", ".join(f"{group} {statistics.median(s.get(group, 0) for s in split):.1f}" for group in groups) + ")"
                print(f"  {label:9} median {rps:9,.0f} req/s ({rps / reference:.3f} x nginx), p50 {statistics.median(r['p50'] for r in rounds):.2f} ms, "
                      f"p99 {statistics.median(r['p99'] for r in rounds):.2f} ms, non-2xx {sum(r['errors'] for r in rounds)}; "
                      f"rounds {[round(r['rps']) for r in rounds]}{cpu_text}", flush=True)
            for process in processes.values():
                stop(process)
            stop(nginx)
    finally:
        for process in list(run.STARTED):
            stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

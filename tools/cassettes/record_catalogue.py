#!/usr/bin/env python3
"""Record the shipped catalogue cassettes (cassettes/catalogue-<market>.yaml) with tts-replay itself.

For each L7 market it starts `tts-replay serve --scenario happy-path-<market>` as the upstream and
`tts-replay record` in front of it, then sends the read-only catalogue calls a client makes: the
authorized shops, Get Categories on v1 and v2, Get Attributes and Get Category Rules for each
product's v1 leaf and its v2 successor, and the first page of Get Brands on both versions.

Usage: python3 tools/cassettes/record_catalogue.py [--binary PATH] [MARKET ...]
(the default binary is the debug build: run `swift build` first).
"""
import argparse
import json
import os
import pathlib
import signal
import subprocess
import sys
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))
from signed_request import sign  # noqa: E402

MARKETS = ["GB", "DE", "FR", "IT", "ES", "IE", "JP"]


def start(arguments):
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    if not line:
        sys.exit(f"{' '.join(arguments)} printed nothing")
    return process, json.loads(line)


def call(base_url, credentials, method, path, query=None, shop_scoped=True):
    import time

    query = dict(query or {})
    query["app_key"] = credentials["app_key"]
    query["timestamp"] = str(int(time.time()))
    if shop_scoped:
        query["shop_cipher"] = credentials["shop_cipher"]
    query["sign"] = sign(path, query, "", credentials["app_secret"])
    url = base_url + path + "?" + urllib.parse.urlencode(sorted(query.items()))
    request = urllib.request.Request(url, method=method, headers={"x-tts-access-token": credentials["access_token"], "content-type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        return json.load(error)


def scenario_categories(market):
    text = (ROOT / "scenarios" / f"happy-path-{market.lower()}.yaml").read_text()
    return sorted({line.split('"')[1] for line in text.splitlines() if "category_id:" in line})


def record(binary, market):
    cassette = ROOT / "cassettes" / f"catalogue-{market.lower()}.yaml"
    serve, credentials = start([binary, "serve", "--scenario", f"happy-path-{market.lower()}", "--log-level", "error",
                                "--journal", f"/tmp/record-catalogue-{market}-{os.getpid()}.sqlite"])
    recorder = None
    try:
        recorder, line = start([binary, "record", "--upstream", credentials["base_url"], "--cassette", str(cassette), "--overwrite",
                                "--log-level", "error", "--redact", credentials["app_secret"], "--description",
                                f"The read-only catalogue answers of the {market} shop of happy-path-{market.lower()}: authorized shops, "
                                f"categories on v1 and v2, attributes and rules of each product's leaf and its v2 successor, "
                                f"and the first page of brands on both versions."])
        base = line["base_url"]
        mapping = json.loads((ROOT / "catalogue" / market / "v1-to-v2.json").read_text())
        call(base, credentials, "GET", "/authorization/202309/shops", shop_scoped=False)
        for version in ("v1", "v2"):
            call(base, credentials, "GET", "/product/202309/categories", {"category_version": version})
        for leaf in scenario_categories(market):
            for version, category in (("v1", leaf), ("v2", mapping.get(leaf))):
                if category is None:
                    continue
                for what in ("attributes", "rules"):
                    call(base, credentials, "GET", f"/product/202309/categories/{category}/{what}", {"category_version": version})
        for version in ("v1", "v2"):
            call(base, credentials, "GET", "/product/202309/brands", {"category_version": version, "page_size": "100"})
    finally:
        for process in (recorder, serve):
            if process is not None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"/tmp/record-catalogue-{market}-{os.getpid()}.sqlite{suffix}").unlink(missing_ok=True)
    print(f"{cassette.relative_to(ROOT)}: {cassette.stat().st_size // 1024} KiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "tts-replay"))
    parser.add_argument("markets", nargs="*", default=MARKETS)
    arguments = parser.parse_args()
    for market in arguments.markets:
        record(arguments.binary, market.upper())


if __name__ == "__main__":
    main()

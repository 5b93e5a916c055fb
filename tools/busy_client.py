#!/usr/bin/env python3
"""A busy client for measuring the HTML report: runs examples/reference_client.py (the upgrade
flow, webhooks, 429s, clock moves), then makes N more calls (default 10,000) of a mix of
operations, some with v1 (a contract violation) and some unsigned (a gateway error), moving the
scenario clock a minute every 100 calls so the timeline spreads.

    tts-replay run --scenario rate-limited --html big.html -- python3 tools/busy_client.py 10000
"""
import hashlib, hmac, json, os, subprocess, sys, time, urllib.error, urllib.parse, urllib.request

ENV = os.environ
HERE = os.path.dirname(os.path.abspath(__file__))
subprocess.run([sys.executable, os.path.join(HERE, "..", "examples", "reference_client.py")], check=True)


def call(method, path, query, body=None, sign=True):
    query = dict(query, app_key=ENV["TTS_APP_KEY"], timestamp=str(int(time.time())), shop_cipher=ENV["TTS_SHOP_CIPHER"])
    raw = json.dumps(body) if body is not None else ""
    base = ENV["TTS_APP_SECRET"] + path + "".join(k + v for k, v in sorted(query.items())) + raw + ENV["TTS_APP_SECRET"]
    query["sign"] = hmac.new(ENV["TTS_APP_SECRET"].encode(), base.encode(), hashlib.sha256).hexdigest() if sign else "0" * 64
    request = urllib.request.Request(ENV["TTS_BASE_URL"] + path + "?" + urllib.parse.urlencode(query), data=raw.encode() or None,
                                     method=method, headers={"x-tts-access-token": ENV["TTS_ACCESS_TOKEN"], "content-type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            response.read()
    except urllib.error.HTTPError as error:
        error.read()


def advance(seconds):
    request = urllib.request.Request(ENV["TTS_ADMIN_URL"] + "/clock/advance", data=json.dumps({"seconds": seconds}).encode(), method="POST")
    urllib.request.urlopen(request).read()


for number in range(int(sys.argv[1]) if len(sys.argv) > 1 else 10000):
    kind = number % 10
    if kind < 5:
        call("GET", "/product/202309/categories", {"category_version": "v1" if kind == 4 else "v2"})
    elif kind < 8:
        call("POST", "/product/202502/products/search", {"page_size": "20"}, {"category_version": "v2", "status": "ACTIVATE"})
    elif kind == 8:
        call("GET", "/product/202309/products/1729700000000000101", {}, sign=False)
    else:
        call("GET", "/product/202309/products/1729700000000000101", {})
    if number % 100 == 99:
        advance(60)

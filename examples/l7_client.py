#!/usr/bin/env python3
"""A 30-line TikTok Shop client for `tts-replay run`: lists the shop's 7-level categories and
finds products not yet upgraded. Pass --v1 to make the mistake the contract catches.

    swift run tts-replay run --scenario happy-path-gb -- python3 examples/l7_client.py
"""
import hashlib, hmac, json, os, sys, time, urllib.parse, urllib.request

ENV = os.environ
VERSION = "v1" if "--v1" in sys.argv else "v2"


def call(method, path, query=None, body=None):
    query = dict(query or {}, app_key=ENV["TTS_APP_KEY"], timestamp=str(int(time.time())), shop_cipher=ENV["TTS_SHOP_CIPHER"])
    raw = json.dumps(body) if body is not None else ""
    base = ENV["TTS_APP_SECRET"] + path + "".join(k + v for k, v in sorted(query.items())) + raw + ENV["TTS_APP_SECRET"]
    query["sign"] = hmac.new(ENV["TTS_APP_SECRET"].encode(), base.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(ENV["TTS_BASE_URL"] + path + "?" + urllib.parse.urlencode(query), data=raw.encode() or None, method=method,
                                     headers={"x-tts-access-token": ENV["TTS_ACCESS_TOKEN"], "content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


categories = call("GET", "/product/202309/categories", {"category_version": VERSION})["data"]["categories"]
print(f"{len(categories)} categories on {VERSION}, {sum(c['is_leaf'] for c in categories)} leaves")
left = call("POST", "/product/202502/products/search", {"page_size": "50"}, {"category_version": "v1", "status": "ACTIVATE"})
print(f"{left['data']['total_count']} products still on the 3-level tree")

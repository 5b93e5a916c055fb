#!/usr/bin/env python3
"""Send one signed request to a running tts-replay server, the way a real client would.

Usage:
    python3 examples/signed_request.py < serve.json          # the JSON line `tts-replay serve` printed
    python3 examples/signed_request.py serve.json [PATH]     # PATH defaults to /authorization/202309/shops

Signing, per TikTok Shop's "sign your API request": the query parameters except `sign` and
`access_token`, sorted by name, concatenated as name+value after the path, then the raw body,
wrapped in the app secret on both sides, HMAC-SHA256 keyed with the app secret, lowercase hex.
The access token goes in the `x-tts-access-token` header, never in the query.
"""
import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def sign(path, query, body, secret):
    text = path + "".join(f"{k}{v}" for k, v in sorted(query.items()) if k not in ("sign", "access_token"))
    text = secret + text + body + secret
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()


def read_line(path, wait_seconds=120):
    """The first line of the file `serve` writes, waiting while the server is still starting."""
    deadline = time.time() + wait_seconds
    while True:
        try:
            with open(path) as file:
                line = file.readline()
            if line.endswith("\n"):
                return line
        except FileNotFoundError:
            pass
        if time.time() > deadline:
            sys.exit(f"{path} holds no line from `tts-replay serve` after {wait_seconds} s")
        time.sleep(0.2)


def main():
    args = sys.argv[1:]
    server = json.loads(read_line(args[0])) if args else json.loads(sys.stdin.readline())
    path = args[1] if len(args) > 1 else "/authorization/202309/shops"
    query = {"app_key": server["app_key"], "timestamp": str(int(time.time()))}
    if not path.startswith("/authorization/"):
        query["shop_cipher"] = server["shop_cipher"]  # shop-scoped operations name the shop
    query["sign"] = sign(path, query, "", server["app_secret"])
    url = server["base_url"] + path + "?" + urllib.parse.urlencode(query)
    request = urllib.request.Request(url, headers={
        "x-tts-access-token": server["access_token"],
        "content-type": "application/json",
    })
    try:
        with urllib.request.urlopen(request) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    print(f"HTTP {status}")
    print(json.dumps(json.loads(body), indent=2, ensure_ascii=False))
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())

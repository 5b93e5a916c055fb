#!/usr/bin/env python3
"""Send one signed request to a running tts-replay server, the way a real client would.

Usage:
    python3 examples/signed_request.py SERVE_JSON [PATH] [--method POST] [--body JSON] [--query k=v ...]

SERVE_JSON is the file holding the line `tts-replay serve` printed (`-` reads standard input);
PATH defaults to /authorization/202309/shops. Examples:

    python3 examples/signed_request.py /tmp/tts-replay.json
    python3 examples/signed_request.py /tmp/tts-replay.json /product/202309/categories --query category_version=v2
    python3 examples/signed_request.py /tmp/tts-replay.json /product/202407/products/category_upgrade_task --method POST

Signing, per TikTok Shop's "sign your API request": the query parameters except `sign` and
`access_token`, sorted by name, concatenated as name+value after the path, then the raw body,
wrapped in the app secret on both sides, HMAC-SHA256 keyed with the app secret, lowercase hex.
The access token goes in the `x-tts-access-token` header, never in the query.
"""
import argparse
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
    parser = argparse.ArgumentParser(description="Send one signed request to a tts-replay server.")
    parser.add_argument("serve_json", help="the file holding the line `tts-replay serve` printed, or - for standard input")
    parser.add_argument("path", nargs="?", default="/authorization/202309/shops")
    parser.add_argument("--method", default="GET")
    parser.add_argument("--body", default="", help="a JSON body, sent and signed as is")
    parser.add_argument("--query", nargs="*", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()

    server = json.loads(sys.stdin.readline() if args.serve_json == "-" else read_line(args.serve_json))
    query = dict(item.split("=", 1) for item in args.query)
    query.update({"app_key": server["app_key"], "timestamp": str(int(time.time()))})
    if not args.path.startswith("/authorization/"):
        query["shop_cipher"] = server["shop_cipher"]  # shop-scoped operations name the shop
    query["sign"] = sign(args.path, query, args.body, server["app_secret"])
    url = server["base_url"] + args.path + "?" + urllib.parse.urlencode(query)
    request = urllib.request.Request(url, method=args.method.upper(), data=args.body.encode() or None, headers={
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
    return 0 if status == 200 and json.loads(body).get("code") == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

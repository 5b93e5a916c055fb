#!/usr/bin/env python3
"""A reference L7 client in Python (standard library only), for `tts-replay run`: it registers a
webhook receiver that checks signatures and deduplicates, reads the catalogue on v2, triggers
the Category Upgrade Task, confirms every notified product with Get Product, and comes back
for what is left after 24 hours (products that were too new). Editing a product that keeps
failing to a 7-level leaf is shown by the Swift reference client in Tests/ContractTests.
Business time passes through the admin API's clock, so a run takes a second, not a day.

    swift run tts-replay run --scenario slow-webhook -- python3 examples/reference_client.py
"""
import hashlib, hmac, http.server, json, os, threading, time, urllib.parse, urllib.request

ENV = os.environ
KEY, SECRET = ENV["TTS_APP_KEY"], ENV["TTS_APP_SECRET"]
seen, to_confirm, lock = set(), [], threading.Lock()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        expected = hmac.new(SECRET.encode(), KEY.encode() + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("authorization", "")):
            self.send_response(401); self.end_headers(); return
        note = json.loads(body)
        with lock:
            if note["tts_notification_id"] not in seen:
                seen.add(note["tts_notification_id"]); to_confirm.append(note["data"]["product_id"])
        self.send_response(200); self.end_headers()

    def log_message(self, *args):
        pass


def call(method, path, query=None, body=None, cipher=True):
    query = dict(query or {}, app_key=KEY, timestamp=str(int(time.time())))
    if cipher:
        query["shop_cipher"] = ENV["TTS_SHOP_CIPHER"]
    raw = json.dumps(body) if body is not None else ""
    base = SECRET + path + "".join(k + v for k, v in sorted(query.items())) + raw + SECRET
    query["sign"] = hmac.new(SECRET.encode(), base.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(ENV["TTS_BASE_URL"] + path + "?" + urllib.parse.urlencode(query), data=raw.encode() or None,
                                     method=method, headers={"x-tts-access-token": ENV["TTS_ACCESS_TOKEN"], "content-type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        if error.code == 429:  # honour Retry-After on the scenario clock, then try again
            admin("/clock/advance", {"seconds": float(error.headers.get("retry-after", "1"))})
            return call(method, path, query={k: v for k, v in query.items() if k not in ("app_key", "timestamp", "sign", "shop_cipher")}, body=body, cipher=cipher)
        return json.load(error)


def admin(path, body):
    request = urllib.request.Request(ENV["TTS_ADMIN_URL"] + path, data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def let_time_pass(duration):
    """Moves the scenario clock, waits for the webhooks it releases, then confirms them."""
    admin("/clock/advance", {"by": duration})
    admin("/await", {"timeout_seconds": 10})
    with lock:
        products, to_confirm[:] = list(to_confirm), []
    for product in products:
        call("GET", f"/product/202309/products/{product}")


def left_on_v1():
    answer = call("POST", "/product/202502/products/search", {"page_size": "100"}, {"category_version": "v1", "status": "ACTIVATE"})
    return answer.get("data", {}).get("products", []) if answer.get("code") == 0 else []


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
call("PUT", "/event/202309/webhooks", body={"address": f"http://127.0.0.1:{server.server_port}/webhooks", "event_type": "PRODUCT_CATEGORY_CHANGE"})
call("GET", "/product/202309/categories", {"category_version": "v2"})
if call("POST", "/product/202407/products/category_upgrade_task").get("code") == 0:
    let_time_pass("2h1m")
    if left_on_v1():
        let_time_pass("24h")  # products too new are old enough now
        call("POST", "/product/202407/products/category_upgrade_task")
        let_time_pass("2h1m")
    let_time_pass("1h")  # late webhooks arrive
print(f"{len(seen)} notifications handled, {len(left_on_v1())} products left on the 3-level tree")
server.shutdown()

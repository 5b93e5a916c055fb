#!/usr/bin/env python3
"""A reference L7 client in Python (standard library only), for `tts-replay run`: it registers a
webhook receiver that checks signatures and deduplicates, reads the catalogue on v2, triggers
the Category Upgrade Task in every shop it is authorized for (a cross-border seller has one
per market, each named by its own shop_cipher), confirms every notified product with Get
Product in its shop, comes back for
what is left after 24 hours (products that were too new), and edits what still fails to the
recommended 7-level leaf: with the attributes the leaf requires (always, or because a value
the product has meets a `requirement_conditions` entry of Get Attributes), the certifications
and size chart Get Category Rules requires, and in the EU a registered manufacturer and
responsible person. An edit is audited before it is published, so the client waits for the
audit's end (webhook 37) before it reads the product back, and sends an edit the audit refused
once more. Business time passes through the admin API's clock, so a run takes a second, not a
day.

    swift run tts-replay run --scenario slow-webhook -- python3 examples/reference_client.py
"""
import hashlib, hmac, http.server, json, os, threading, time, urllib.parse, urllib.request

ENV = os.environ
KEY, SECRET = ENV["TTS_APP_KEY"], ENV["TTS_APP_SECRET"]
seen, to_confirm, audit_results, lock = set(), [], {}, threading.Lock()
CIPHERS = {}  # shop id -> shop_cipher, from Get Authorized Shops


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        expected = hmac.new(SECRET.encode(), KEY.encode() + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("authorization", "")):
            self.send_response(401); self.end_headers(); return
        note = json.loads(body)
        product, audit = str(note["data"]["product_id"]), note["data"].get("audit", {}).get("status")
        with lock:
            # An audit's start (AUDITING) changes nothing to confirm yet; its end does.
            if note["tts_notification_id"] not in seen and audit != "AUDITING":
                seen.add(note["tts_notification_id"]); to_confirm.append((product, str(note.get("shop_id", ""))))
                if audit:
                    audit_results[product] = audit
        self.send_response(200); self.end_headers()

    def log_message(self, *args):
        pass


def call(method, path, query=None, body=None, cipher=True):
    """A signed call; `cipher` is a shop's cipher, True for the shop the run names, False for none."""
    query = dict(query or {}, app_key=KEY, timestamp=str(int(time.time())))
    if cipher:
        query["shop_cipher"] = ENV["TTS_SHOP_CIPHER"] if cipher is True else cipher
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
    for product, shop in products:
        call("GET", f"/product/202309/products/{product}", cipher=CIPHERS.get(shop, True))


def left_on_v1(cipher):
    answer = call("POST", "/product/202502/products/search", {"page_size": "100"}, {"category_version": "v1", "status": "ACTIVATE"}, cipher=cipher)
    return answer.get("data", {}).get("products", []) if answer.get("code") == 0 else []


def attribute_values(kept, leaf_attributes):
    """The product's values the new leaf knows (its product attributes and their values), then a
    value for every attribute the leaf requires: always (is_requried) or because a chosen value
    meets a requirement condition."""
    known = {a["id"]: a for a in leaf_attributes if a.get("type", "PRODUCT_PROPERTY") == "PRODUCT_PROPERTY"}
    chosen = {}
    for attribute in kept:
        leaf_attribute = known.get(attribute["id"])
        if not leaf_attribute:
            continue  # the old leaf's attribute is not the new leaf's: TikTok refuses it
        ids = {v["id"] for v in leaf_attribute.get("values") or []}
        values = [{"id": v["id"]} if "id" in v else v for v in attribute.get("values", [])
                  if v.get("id") in ids or ("id" not in v and leaf_attribute.get("is_customizable"))]
        if values:
            chosen[attribute["id"]] = values if leaf_attribute.get("is_multiple_selection") else values[:1]
    def met(condition):
        return any(v.get("id") == condition.get("attribute_value_id") for v in chosen.get(condition.get("attribute_id"), []))
    for attribute in known.values():
        required = attribute.get("is_requried") or any(met(c) for c in attribute.get("requirement_conditions") or [])
        if attribute["id"] not in chosen and required:
            values = attribute.get("values") or []
            chosen[attribute["id"]] = [{"id": values[0]["id"]}] if values else [{"name": "1"}]
    return [{"id": key, "values": values} for key, values in chosen.items()]


COMPLIANCE = {
    "manufacturer": ("/product/202409/compliance/manufacturers", "/product/202501/compliance/manufacturers/search", "manufacturers",
                     "manufacturer_id", {"name": "Reference Manufacturing GmbH", "email": "compliance@reference.example",
                                         "phone_number": {"country_code": "+49", "local_number": "3012345678"},
                                         "address": "Musterstraße 1, 10115 Berlin, DE"}),
    "responsible_person": ("/product/202409/compliance/responsible_persons", "/product/202501/compliance/responsible_persons/search",
                           "responsible_persons", "responsible_person_id",
                           {"name": "Reference EU Representative GmbH", "email": "eu-rep@reference.example",
                            "phone_number": {"country_code": "+49", "local_number": "3012345678"},
                            "address": {"street_address_line1": "Musterstraße 2", "postal_code": "10115", "country": "DE"}}),
}


def compliance_id(kind):
    """The seller's first manufacturer or responsible person; registered if it has none."""
    create, search, key, id_key, record = COMPLIANCE[kind]
    found = call("POST", search, {"page_size": "1"}, {}, cipher=False).get("data") or {}
    if found.get(key):
        return found[key][0]["id"]
    return call("POST", create, body=record, cipher=False)["data"][id_key]


def v2_leaf(product, cipher):
    """The recommended 7-level leaf; else the available leaf of the same name as the product's
    current one; else the first available leaf under the same top-level category."""
    recommended = call("POST", "/product/202309/categories/recommend", body={"product_title": product["title"], "category_version": "v2"},
                       cipher=cipher)
    if (recommended.get("data") or {}).get("leaf_category_id"):
        return recommended["data"]["leaf_category_id"]
    categories = call("GET", "/product/202309/categories", {"category_version": "v2"}, cipher=cipher)["data"]["categories"]
    by_id = {c["id"]: c for c in categories}
    def root(category):
        while category.get("parent_id") in by_id:
            category = by_id[category["parent_id"]]
        return category
    leaves = [c for c in categories if c["is_leaf"] and c["permission_statuses"] == ["AVAILABLE"]]
    chain = product.get("category_chains") or [{}]
    same = [c for c in leaves if c["local_name"] == chain[-1].get("local_name")]
    under = [c for c in leaves if root(c)["local_name"] == chain[0].get("local_name")]
    return (same or under or [{}])[0].get("id")


def edit_to_v2_leaf(product_id, cipher):
    product = call("GET", f"/product/202309/products/{product_id}", cipher=cipher)["data"]
    leaf = v2_leaf(product, cipher)
    if not leaf:
        return False
    attributes = call("GET", f"/product/202309/categories/{leaf}/attributes", {"category_version": "v2"}, cipher=cipher)["data"]["attributes"]
    rules = call("GET", f"/product/202309/categories/{leaf}/rules", {"category_version": "v2"}, cipher=cipher)["data"]
    body = {
        "title": product["title"], "description": product["description"], "category_id": leaf, "category_version": "v2",
        "main_images": [{"uri": image["uri"]} for image in product["main_images"]],
        "product_attributes": attribute_values(product.get("product_attributes", []), attributes),
        "certifications": [{"id": c["id"], "images": [{"uri": "tos-certificate"}]}
                           for c in rules.get("product_certifications", []) if c.get("is_required")],
        "skus": [{"id": sku["id"], "seller_sku": sku["seller_sku"], "inventory": sku["inventory"],
                  "price": {"amount": sku["price"]["sale_price"], "currency": sku["price"]["currency"]}} for sku in product["skus"]],
    }
    if (rules.get("size_chart") or {}).get("is_required"):
        body["size_chart"] = {"image": {"uri": "tos-size-chart"}}
    for kind in ("manufacturer", "responsible_person"):
        if (rules.get(kind) or {}).get("is_required"):
            body[kind + "_ids"] = [compliance_id(kind)]
    return call("PUT", f"/product/202309/products/{product_id}", body=body, cipher=cipher).get("code") == 0


def await_audits(edited):
    """Lets time pass until each edited product's audit ends (its webhook 37 says so), reading it
    back then, not before: while the audit runs the shop still shows the old category. An edit
    the audit refused is sent once more. `edited` maps each product to its shop's cipher."""
    waiting, resent = set(edited), set()
    for _ in range(24):  # at most 6 hours of scenario time
        if not waiting:
            return
        let_time_pass("15m")
        with lock:
            ended = dict(audit_results)
            audit_results.clear()
        for product, status in ended.items():
            if product in waiting and status == "FAILED" and product not in resent:
                resent.add(product); edit_to_v2_leaf(product, edited[product])
            else:
                waiting.discard(product)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
shops = call("GET", "/authorization/202309/shops", cipher=False).get("data", {}).get("shops") or [{"id": "", "cipher": True}]
CIPHERS.update({str(shop["id"]): shop["cipher"] for shop in shops})
for shop in shops:  # each shop has its own webhooks, tree and task
    for event_type in ("PRODUCT_CATEGORY_CHANGE", "PRODUCT_AUDIT_STATUS_CHANGE"):
        call("PUT", "/event/202309/webhooks", body={"address": f"http://127.0.0.1:{server.server_port}/webhooks", "event_type": event_type},
             cipher=shop["cipher"])
    call("GET", "/product/202309/categories", {"category_version": "v2"}, cipher=shop["cipher"])
ciphers = [shop["cipher"] for shop in shops]
started = [c for c in ciphers if call("POST", "/product/202407/products/category_upgrade_task", cipher=c).get("code") == 0]
if started:
    let_time_pass("2h1m")
    left = [c for c in ciphers if left_on_v1(c)]
    if left:
        let_time_pass("24h")  # products too new are old enough now
        for cipher in left:
            call("POST", "/product/202407/products/category_upgrade_task", cipher=cipher)
        let_time_pass("2h1m")
        # The task keeps failing these: edit them to a 7-level leaf and wait for the audits.
        await_audits({product["id"]: c for c in left for product in left_on_v1(c) if edit_to_v2_leaf(product["id"], c)})
    let_time_pass("1h")  # late webhooks arrive
print(f"{len(seen)} notifications handled, {sum(len(left_on_v1(c)) for c in ciphers)} products left on the 3-level tree")
server.shutdown()

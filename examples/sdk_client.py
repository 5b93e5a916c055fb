#!/usr/bin/env python3
"""A client written against the public TikTok Shop SDK for Python (`tiktok-shop-api` on PyPI),
for `tts-replay run`: it calls, through the SDK, every product operation a listing and
migration client uses, and checks that the SDK's own response models read every answer.

An answer counts as read when the SDK accepts its envelope, its model parses `data`, and
writing the parsed model back gives the same JSON (so no field was dropped, mistyped or
outside an enum the SDK knows). The run prints one line per operation and exits 1 when any
answer was not read.

    python3 -m venv .venv && .venv/bin/pip install tiktok-shop-api==0.1.0
    swift run tts-replay run --scenario eu-compliance-de -- .venv/bin/python examples/sdk_client.py
"""
import io, json, os, sys, urllib.request

import httpx
from tiktok_shop_api import TikTokShop
from tiktok_shop_api.generated import models
from tiktok_shop_api.generated.types import File



class Recording(httpx.HTTPTransport):
    """Keeps the bytes of the last answer, to compare with what the SDK's model makes of them."""
    last = b""

    def handle_request(self, request):
        response = super().handle_request(request)
        Recording.last = response.read()
        return response


ENV = os.environ
shop = TikTokShop(ENV["TTS_APP_KEY"], ENV["TTS_APP_SECRET"], ENV["TTS_ACCESS_TOKEN"], ENV["TTS_SHOP_CIPHER"], base_url=ENV["TTS_BASE_URL"],
                  transport=Recording())
products = shop.products
unread = []


def check(name, call):
    """Calls an SDK method, then checks that its response model reads the answer whole."""
    try:
        response = call()
    except Exception as error:  # the SDK refused the answer: an error envelope, or one it cannot read
        unread.append(name)
        print(f"{name:34} NOT READ: {type(error).__name__}: {error}")
        return None
    sent = json.loads(Recording.last).get("data") or {}
    data = response.data.to_dict() if response.data else {}
    if data != sent:
        unread.append(name)
        lost = sorted(set(sent) ^ set(data)) or [k for k in sent if sent[k] != data.get(k)]
        print(f"{name:34} NOT READ: the model does not give back what was sent (differs at: {', '.join(lost)[:200]})")
    else:
        print(f"{name:34} read ({type(response).__name__}, {len(json.dumps(data))} bytes of data)")
    return response.data


def admin(path, body):
    request = urllib.request.Request(ENV["TTS_ADMIN_URL"] + path, data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def png(width, height):
    """The header of a PNG of this size: what the fake reads of an image."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00" + bytes(64)


def image(use_case):
    body = models.UploadProductImageRequest(data=File(payload=io.BytesIO(png(800, 800)), file_name="jumper.png", mime_type="image/png"),
                                            use_case=models.UploadProductImageRequestUseCase(use_case))
    uploaded = check(f"upload_product_image ({use_case})", lambda: products.upload_product_image(body=body))
    return {"uri": uploaded.uri} if uploaded else None


shops = check("get_authorized_shops", lambda: shop.authorization.get_authorized_shops())
categories = check("get_categories", lambda: products.get_categories(category_version="v2"))
leaves = [c for c in categories.categories if c.is_leaf and c.permission_statuses == ["AVAILABLE"]]
leaf, title = leaves[0].id, f"{leaves[0].local_name} - {leaves[0].local_name}, navy"
rules = check("get_category_rules", lambda: products.get_category_rules(leaf, category_version="v2"))
attributes = check("get_attributes", lambda: products.get_category_attributes(leaf, category_version="v2"))
check("get_brands", lambda: products.get_brands(page_size=20, category_id=leaf, category_version="v2"))
check("recommend_category", lambda: products.recommend_category(
    body=models.RecommendCategoryRequest.from_dict({"product_title": title, "category_version": "v2"})))
check("get_global_categories", lambda: products.get_global_categories(category_version="v2"))
check("get_global_attributes", lambda: products.get_global_attributes(leaf, category_version="v2"))
check("get_global_category_rules", lambda: products.get_global_category_rules(leaf, category_version="v2"))
check("recommend_global_categories", lambda: products.recommend_global_categories(
    body=models.RecommendGlobalCategoriesRequest.from_dict({"product_title": title, "category_version": "v2"})))
check("check_listing_prerequisites", lambda: products.check_listing_prerequisites())
check("search_size_charts", lambda: products.search_size_charts(page_size=20, body=models.SearchSizeChartsRequest.from_dict({})))
pdf = models.UploadProductFileRequest(data=File(payload=io.BytesIO(b"%PDF-1.7\n%certificate\n"), file_name="certificate.pdf"), name="certificate.pdf")
check("upload_product_file", lambda: products.upload_product_file(body=pdf))

# The product a careful client builds from the category's rules and attributes.
CURRENCIES = {"GB": "GBP", "JP": "JPY", "US": "USD", "ID": "IDR"}
this_shop = next(s for s in shops.shops if s.cipher == ENV["TTS_SHOP_CIPHER"])
region = this_shop.region
product = {
    "title": title, "description": "<p>A warm jumper.</p>", "category_id": leaf, "category_version": "v2",
    "main_images": [image("MAIN_IMAGE")], "package_weight": {"value": "0.4", "unit": "KILOGRAM"},
    "package_dimensions": {"length": "30", "width": "20", "height": "5", "unit": "CENTIMETER"},
    "skus": [{"seller_sku": "JUMPER-NAVY-M", "price": {"amount": "4900" if region == "JP" else "49.00", "currency": CURRENCIES.get(region, "EUR")},
              "inventory": [{"warehouse_id": "7068517275539719942", "quantity": 10}]}],
    "product_attributes": [{"id": a.id, "values": [{"id": a.values[0].id}]} for a in attributes.attributes if a.values and a.type_ == "PRODUCT_PROPERTY"],
}
if rules.size_chart and rules.size_chart.is_required:
    product["size_chart"] = {"image": image("SIZE_CHART_IMAGE")}
if rules.manufacturer and rules.manufacturer.is_required:
    made = check("create_manufacturer", lambda: products.create_manufacturer(body=models.CreateManufacturerRequest.from_dict({
        "name": "Lakeside Knitwear GmbH", "email": "compliance@example.com", "address": "Seestrasse 1, 10115 Berlin",
        "phone_number": {"country_code": "+49", "local_number": "301234567"}})))
    product["manufacturer_ids"] = [made.manufacturer_id] if made else []
    check("search_manufacturers", lambda: products.search_manufacturers(page_size=20))
if rules.responsible_person and rules.responsible_person.is_required:
    person = check("create_responsible_person", lambda: products.create_responsible_person(body=models.CreateResponsiblePersonRequest.from_dict({
        "name": "Anna Schmidt", "email": "rp@example.com", "phone_number": {"country_code": "+49", "local_number": "301234568"},
        "address": {"street_address_line1": "Seestrasse 1", "city": "Berlin", "postal_code": "10115", "country": "DE"}})))
    product["responsible_person_ids"] = [person.responsible_person_id] if person else []
    check("search_responsible_persons", lambda: products.search_responsible_persons(page_size=20))
for certification in (rules.product_certifications or []):
    if certification.is_required:
        product.setdefault("certifications", []).append({"id": certification.id, "images": [image("CERTIFICATION_IMAGE")]})

check("check_product_listing", lambda: products.check_product_listing(body=models.CheckProductListingRequest.from_dict(product)))
# A cross-border seller cannot create local products (12052701): it lists through global products.
cross_border = this_shop.seller_type == "CROSS_BORDER"
created = None if cross_border else check("create_product", lambda: products.create_product(body=models.CreateProductRequest.from_dict(product)))
if created:
    product_id = created.product_id
    admin("/clock/advance", {"by": "2h"})  # the audit passes on the scenario clock
    got = check("get_product", lambda: products.get_product(product_id))
    check("search_products", lambda: products.search_products(page_size=50, body=models.SearchProductsRequest.from_dict({"category_version": "v2"})))
    check("partial_edit_product", lambda: products.partial_edit_product(product_id, body=models.PartialEditProductRequest.from_dict(
        {"title": "Merino wool jumper, crew neck, dark navy"})))
    check("get_product (under review)", lambda: products.get_product(product_id, return_under_review_version=True))
    sku = got.skus[0].id if got else ""
    check("update_price", lambda: products.update_price(product_id, body=models.UpdatePriceRequest.from_dict(
        {"skus": [{"id": sku, "price": {"amount": "45.00", "currency": product["skus"][0]["price"]["currency"]}}]})))
    check("update_inventory", lambda: products.update_inventory(product_id, body=models.UpdateInventoryRequest.from_dict(
        {"skus": [{"id": sku, "inventory": [{"warehouse_id": "7068517275539719942", "quantity": 12}]}]})))
    edit = dict(product, title="Merino wool jumper, crew neck, navy blue")
    check("edit_product", lambda: products.edit_product(product_id, body=models.EditProductRequest.from_dict(edit)))
    admin("/clock/advance", {"by": "2h"})
    check("deactivate_products", lambda: products.deactivate_products(body=models.DeactivateProductsRequest.from_dict({"product_ids": [product_id]})))
    check("activate_products", lambda: products.activate_products(body=models.ActivateProductsRequest.from_dict({"product_ids": [product_id]})))
    check("delete_products", lambda: products.delete_products(body=models.DeleteProductsRequest.from_dict({"product_ids": [product_id]})))
    check("recover_products", lambda: products.recover_products(body=models.RecoverProductsRequest.from_dict({"product_ids": [product_id]})))
check("create_category_upgrade_task", lambda: products.create_category_upgrade_task())
check("get_shop_webhooks", lambda: shop.event.get_shop_webhooks())

print(f"{len(unread)} answers not read by the SDK" + (f": {', '.join(unread)}" if unread else ""))
sys.exit(1 if unread else 0)

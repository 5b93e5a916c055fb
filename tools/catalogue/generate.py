#!/usr/bin/env python3
"""Generate catalogue/<REGION>/*.json from tools/catalogue/taxonomy.yaml.

    python3 tools/catalogue/generate.py          write every market, check it, print a summary
    python3 tools/catalogue/generate.py --check  only check that the files on disk are up to date

Deterministic: the same taxonomy gives byte-identical files. Standard library and PyYAML only.
Every structural rule of the catalogue is checked on each run; any failure stops the run with
the full list of problems and writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TAXONOMY = HERE / "taxonomy.yaml"
OUT = HERE.parent.parent / "catalogue"

STATUSES = ["AVAILABLE", "INVITE_ONLY", "NON_MAIN_CATEGORY", "PROHIBITED"]
PROPERTY_TYPES = ["SALES_PROPERTY", "PRODUCT_PROPERTY"]
MAX_MARKET_BYTES = 400 * 1024
V1_NODES = range(250, 351)
V2_NODES = range(400, 601)
FIXED_GB_V1_LEAVES = {"601226": "Women's Jumpers", "600942": "Mugs", "600958": "Chopping Boards", "601452": "Baby Bodysuits"}

problems: list[str] = []


def problem(message: str) -> None:
    problems.append(message)


def stop_if_problems() -> None:
    if problems:
        print(f"generate.py: {len(problems)} problem(s):", file=sys.stderr)
        for message in problems:
            print(f"  - {message}", file=sys.stderr)
        sys.exit(1)


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


# ───────────────────────────── markets and text ─────────────────────────────


@dataclass
class Market:
    code: str
    locale: str
    currency: str
    lang: str
    us: bool
    eu: bool
    cod: bool
    image: str


class Text:
    """Names and keywords in a market's language, with the British → American map for US."""

    def __init__(self, spelling: dict[str, str], languages: list[str]):
        self.spelling = spelling
        self.languages = languages
        keys = sorted(spelling, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(k) for k in keys) + r")(?![A-Za-z])") if keys else None

    def american(self, text: str) -> str:
        if not self.pattern:
            return text
        return self.pattern.sub(lambda m: self.spelling[m.group(1)], text)

    @staticmethod
    def split(raw) -> tuple[str, list[str] | None]:
        """'Name | kw, kw' → (name, [kw, kw]); 'Name' → (name, None)."""
        raw = str(raw)
        if " | " in raw:
            name, words = raw.split(" | ", 1)
            return name.strip(), [w.strip().lower() for w in words.split(", ") if w.strip()]
        return raw.strip(), None

    def node(self, node: dict, market: Market, where: str) -> tuple[str, list[str] | None]:
        if market.us and "us" in node:
            name, words = self.split(node["us"])
            if words is None and "en" in node:
                words = self.split(node["en"])[1]
                words = [self.american(w) for w in words] if words is not None else None
        else:
            raw = node.get(market.lang)
            if raw is None:
                problem(f"{where}: no '{market.lang}' text for {market.code}")
                return f"?{node.get('id')}", None
            name, words = self.split(raw)
            if market.us:
                name = self.american(name)
                words = [self.american(w) for w in words] if words is not None else None
        return name, (dedupe(words) if words is not None else None)

    def column(self, names: list, market: Market) -> str:
        """A list in `languages` order (then US English if it differs), or [name] for one name everywhere."""
        names = [str(n) for n in names]
        if len(names) == 1:
            return names[0]
        if market.us:
            us = len(self.languages)
            return names[us] if len(names) > us else self.american(names[0])
        return names[self.languages.index(market.lang)]

    def mapping(self, names: dict, market: Market) -> str:
        """A {lang: name} map, falling back to en."""
        if market.lang in names and not market.us:
            return str(names[market.lang])
        return self.american(str(names["en"])) if market.us else str(names["en"])


def dedupe(items):
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


# ───────────────────────────── category trees ─────────────────────────────


@dataclass
class Node:
    id: int
    name: str
    keywords: list[str] | None
    statuses: list[str]
    profile: str | None
    depth: int
    parent: "Node | None"
    src: dict
    children: list["Node"] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self):
        return [n for n in self.walk() if n.is_leaf]

    def ancestor(self, depth: int) -> "Node":
        node = self
        while node.depth > depth:
            node = node.parent
        return node


class Catalogue:
    def __init__(self, data: dict):
        self.data = data
        self.text = Text({str(k): str(v) for k, v in (data.get("us_spelling") or {}).items()}, list(data["languages"]))
        self.groups = {k: list(v) for k, v in (data.get("region_groups") or {}).items()}
        self.markets = {}
        for code, m in sorted(data["markets"].items()):
            image = data["image_hosts"][m["image_host"]]
            self.markets[code] = Market(code, m["locale"], m["currency"], m["lang"], bool(m.get("us_spelling")), bool(m["eu"]), bool(m["cod"]), image)
        self.root_ids = {root["key"]: root["id"] for root in data["tree"]}
        self.check_global_ids()

    def regions(self, spec) -> set[str]:
        """'GB IE', ['GB', 'EU'], 'all' → a set of market codes."""
        if spec in (None, []):
            return set()
        if spec == "all":
            return set(self.markets)
        parts = spec.split() if isinstance(spec, str) else [p for item in spec for p in str(item).split()]
        out = set()
        for part in parts:
            if part in self.groups:
                out |= set(self.groups[part])
            elif part in self.markets:
                out.add(part)
            else:
                problem(f"unknown region '{part}'")
        return out

    def region_map(self, mapping: dict, market: Market):
        """The value of a {regions: value} map for a market, or None."""
        found = [v for k, v in mapping.items() if market.code in self.regions(k)]
        if len(found) > 1:
            problem(f"{market.code} is named twice in {list(mapping)}")
        return found[0] if found else None

    def check_global_ids(self) -> None:
        """Every id in the taxonomy names one concept: no id is used twice, in either tree."""
        seen: dict[int, str] = {}

        def note(value, what):
            if not isinstance(value, int) or not 100000 <= value <= 999999:
                problem(f"{what}: id {value!r} is not a 6-digit number")
                return
            if value in seen:
                problem(f"id {value} is used twice: {seen[value]} and {what}")
            seen[value] = what

        known = {"id", "key", "v1", "v1p", "v1only", "to", "pr", "p", "px", "only", "skip", "c", "us", *self.text.languages}

        def visit(node, depth, path):
            label = (path + " > " if path else "") + str(node.get("en", "?")).split(" | ")[0]
            note(node.get("id"), f"node {label}")
            for unknown in sorted(set(node) - known):
                problem(f"{label}: unknown key '{unknown}'")
            if "v1" in node:
                note(node["v1"], f"v1 leaf {label}")
                if not 600000 <= node["v1"] <= 609999:
                    problem(f"{label}: v1 id {node['v1']} is outside 600000-609999")
            node_id = node.get("id", 0)
            if depth <= 2 and not (600000 <= node_id <= 609999 or 700000 <= node_id <= 799999):
                problem(f"{label}: id {node_id} is outside 600000-609999 and 700000-799999")
            if depth > 2 and not 700000 <= node_id <= 799999:
                problem(f"{label}: a new v2 node needs an id in 700000-799999, not {node_id}")
            if depth == 1 and not 600000 <= node_id <= 609999:
                problem(f"{label}: roots keep their v1 id (600000-609999), not {node_id}")
            for extra in node.get("v1only", []):
                note(extra["id"], f"v1-only level-2 node {extra.get('en')}")
                if not 600000 <= extra["id"] <= 609999:
                    problem(f"v1-only node {extra.get('en')}: id {extra['id']} is outside 600000-609999")
            for child in node.get("c", []):
                visit(child, depth + 1, label)

        for root in self.data["tree"]:
            visit(root, 1, "")

    # -- v2 --

    def v2_tree(self, market: Market) -> list[Node]:
        roots = []
        for root in self.data["tree"]:
            node = self.build(root, market, None, 1, ("AVAILABLE", {}), None)
            if node:
                roots.append(node)
        return roots

    def included(self, node: dict, market: Market) -> bool:
        if "only" in node and market.code not in self.regions(node["only"]):
            return False
        return market.code not in self.regions(node.get("skip"))

    def statuses(self, node: dict, inherited: tuple[str, dict], market: Market) -> tuple[list[str], tuple[str, dict]]:
        if "p" in node:
            state = (node["p"], dict(node.get("px") or {}))
        else:
            state = (inherited[0], {**inherited[1], **(node.get("px") or {})})
        value = state[0]
        for regions, override in state[1].items():
            if market.code in self.regions(regions):
                value = override
        statuses = str(value).split("+")
        for status in statuses:
            if status not in STATUSES:
                problem(f"node {node.get('id')}: unknown permission status '{status}'")
        return statuses, state

    def build(self, src: dict, market: Market, parent: Node | None, depth: int, inherited, profile) -> Node | None:
        if not self.included(src, market):
            return None
        statuses, state = self.statuses(src, inherited, market)
        profile = src.get("pr", profile)
        name, words = self.text.node(src, market, f"node {src.get('id')}")
        node = Node(src["id"], name, words, statuses, profile, depth, parent, src)
        for child in src.get("c", []):
            built = self.build(child, market, node, depth + 1, state, profile)
            if built:
                node.children.append(built)
        return node

    # -- v1 --

    def v1_tree(self, market: Market, v2_roots: list[Node]):
        """(v1 roots with their level-2 children and leaves, v1 leaf id → v2 leaf id, v1 leaf → source node)."""
        roots, upgrade, tagged_by_leaf = [], {}, {}
        for root in v2_roots:
            v1_root = Node(root.id, root.name, None, root.statuses, root.profile, 1, None, root.src)
            extra = {}
            for spec in root.src.get("v1only", []):
                name, _ = self.text.node(spec, market, f"v1-only node {spec.get('id')}")
                statuses, _ = self.statuses(spec, ("AVAILABLE", {}), market)
                extra[spec["key"]] = Node(spec["id"], name, None, statuses, root.profile, 2, v1_root, spec)
            level2: dict[int, Node] = {}
            for node in root.walk():
                if "v1" not in node.src:
                    continue
                where = f"{market.code} v1 leaf {node.src['v1']} ({node.name})"
                if node.depth < 3:
                    problem(f"{where}: a v1 leaf must sit below a level-2 node (it is at level {node.depth})")
                    continue
                ancestors, up = [], node.parent
                while up:
                    ancestors.append(up)
                    up = up.parent
                if any("v1" in a.src for a in ancestors):
                    problem(f"{where}: v1 leaves cannot be nested inside another v1 leaf")
                if "v1p" in node.src:
                    parent = extra.get(node.src["v1p"])
                    if parent is None:
                        problem(f"{where}: no v1-only level-2 node '{node.src['v1p']}'")
                        continue
                else:
                    l2 = node.ancestor(2)
                    if l2.id >= 700000:
                        problem(f"{where}: its level-2 ancestor {l2.id} is new in v2; give it v1p")
                        continue
                    parent = level2.get(l2.id) or Node(l2.id, l2.name, None, l2.statuses, l2.profile, 2, v1_root, l2.src)
                level2.setdefault(parent.id, parent)
                words = node.keywords if node.keywords is not None else gather(node.leaves())
                leaf = Node(node.src["v1"], node.name, words, node.statuses, node.profile, 3, parent, node.src)
                parent.children.append(leaf)
                tagged_by_leaf[leaf.id] = node
                if "to" in node.src:
                    target = next((l for l in node.leaves() if l.id == node.src["to"]), None)
                    if target is None:
                        problem(f"{where}: 'to' {node.src['to']} is not a v2 leaf below it")
                        continue
                else:
                    target = node.leaves()[0]
                upgrade[str(leaf.id)] = str(target.id)
            for key, node in extra.items():
                if node.id not in level2:
                    problem(f"{market.code}: v1-only level-2 node '{key}' has no v1 leaf")
            for l2 in root.children:
                if l2.id < 700000 and l2.id not in level2:
                    problem(f"{market.code}: level-2 node {l2.id} ({l2.name}) keeps a v1 id but has no v1 leaf")
            v1_root.children = list(level2.values())
            roots.append(v1_root)
        return roots, dict(sorted(upgrade.items())), tagged_by_leaf


def gather(leaves: list[Node], limit: int = 6) -> list[str]:
    """Keywords for a v1 leaf from the v2 leaves that replace it: the first of each, then the second..."""
    out, i = [], 0
    while len(out) < limit and any(l.keywords and i < len(l.keywords) for l in leaves):
        for leaf in leaves:
            if leaf.keywords and i < len(leaf.keywords) and leaf.keywords[i] not in out and len(out) < limit:
                out.append(leaf.keywords[i])
        i += 1
    return out


def flat(roots: list[Node]) -> list[dict]:
    out = []
    for root in roots:
        for node in root.walk():
            out.append(
                {
                    "id": str(node.id),
                    "parent_id": str(node.parent.id) if node.parent else "0",
                    "local_name": node.name,
                    "is_leaf": node.is_leaf,
                    "permission_statuses": node.statuses,
                }
            )
    return out


# ───────────────────────────── attributes, rules, brands ─────────────────────────────


def profiles_json(cat: Catalogue, market: Market) -> dict:
    data, text = cat.data, cat.text
    values, attributes = data["values"], data["attributes"]
    out = {}
    for pname, profile in data["profiles"].items():
        items = []
        for spec in profile["attributes"]:
            if isinstance(spec, str):
                spec = {"a": spec.rstrip("!"), "required": spec.endswith("!")}
            key = spec["a"]
            attr = attributes.get(key)
            if attr is None:
                problem(f"profile {pname}: no attribute '{key}'")
                continue
            numeric = bool(attr.get("numeric"))
            keys = spec.get("values", attr.get("values", []))
            if isinstance(keys, dict):
                keys = cat.region_map(keys, market) or []
            item = {
                "id": str(attr["id"]),
                "name": text.column(attr["name"], market),
                "type": spec.get("type", attr["type"]),
                "is_requried": bool(spec.get("required", False)),
                "values": [],
            }
            for vkey in keys:
                value = values.get(str(vkey))
                if value is None:
                    problem(f"attribute {key}: no value '{vkey}'")
                    continue
                item["values"].append({"id": str(value[0]), "name": text.column(value[1:], market)})
            if numeric:
                item["value_data_format"] = "POSITIVE_INT_OR_DECIMAL"
            item["is_customizable"] = bool(attr.get("customizable", numeric))
            item["is_multiple_selection"] = bool(attr.get("multiple", False))
            item["requirement_conditions"] = []
            items.append(item)
        for key, when in (profile.get("conditions") or {}).items():
            conditional = next((i for i in items if i["id"] == str(attributes.get(key, {}).get("id"))), None)
            if conditional is None or conditional["type"] != "PRODUCT_PROPERTY" or conditional["is_requried"]:
                problem(f"profile {pname}: condition on '{key}', which is not an optional product property of the profile")
                continue
            for other, vkey in when.items():
                parent = next((i for i in items if i["id"] == str(attributes.get(other, {}).get("id"))), None)
                value = values.get(str(vkey))
                if parent is None or value is None or str(value[0]) not in {v["id"] for v in parent["values"]}:
                    problem(f"profile {pname}: condition '{other}: {vkey}' names no value of the profile's attributes")
                    continue
                conditional["requirement_conditions"].append(
                    {"condition_type": "VALUE_ID_MATCH", "attribute_id": parent["id"], "attribute_value_id": str(value[0])}
                )
        out[pname] = {"attributes": items, "rules": rules_json(cat, market, pname, profile)}
    return out


def rules_json(cat: Catalogue, market: Market, pname: str, profile: dict) -> dict:
    data, text = cat.data, cat.text
    certs = []
    for regions, keys in (profile.get("certs") or {}).items():
        if market.code not in cat.regions(regions):
            continue
        for raw in keys:
            key, optional = raw.rstrip("?"), raw.endswith("?")
            cert = data["certifications"].get(key)
            if cert is None:
                problem(f"profile {pname}: no certification '{key}'")
                continue
            name = text.mapping(cert["name"], market)
            template = data["certification_texts"][cert["kind"]]
            details = template.get(market.lang, template["en"]).format(name=name)
            certs.append(
                {
                    "id": str(cert["id"]),
                    "name": name,
                    "is_required": not optional,
                    "document_details": text.american(details) if market.us else details,
                    "sample_image_url": market.image,
                    "requirement_conditions": [],
                    "expiration_date": {"is_required": bool(cert.get("expires"))},
                }
            )
    size_chart = bool(profile.get("size_chart"))
    deposit = market.code in cat.regions(profile.get("deposit"))
    return {
        "product_certifications": certs,
        "size_chart": {"is_supported": size_chart, "is_required": size_chart},
        "cod": {"is_supported": market.cod},
        "package_dimension": {"is_required": True},
        "epr": {"is_required": market.eu},
        "responsible_person": {"is_required": market.eu},
        "manufacturer": {"is_required": market.eu or market.code in cat.regions(profile.get("manufacturer"))},
        "allowed_special_product_types": list(profile.get("special", ["PRE_ORDER"])),
        "fees": [{"type": "PFAND", "is_required": True}] if deposit else [],
        "seller_sku": {"is_required": bool(profile.get("seller_sku"))},
    }


def brand_id(name: str) -> str:
    digest = hashlib.sha256(f"tts-replay brand {name}".encode()).hexdigest()
    return "7" + str(int(digest[:16], 16) % 10**18).zfill(18)


def brands_json(cat: Catalogue, market: Market) -> list[dict]:
    listed = [b for b in cat.data["brands"] if "only" not in b or market.code in cat.regions(b["only"])]

    def regions(value):
        return set(cat.markets) if value == "all" else cat.regions(value)

    forced = [b for b in listed if market.code in regions(b.get("authorized"))]
    unavailable = {b["name"] for b in listed if market.code in regions(b.get("unavailable"))}
    never = {b["name"] for b in listed if market.code in regions(b.get("unauthorized"))} | unavailable
    authorized = {b["name"] for b in forced}
    candidates = sorted(
        (b for b in listed if b["name"] not in authorized and b["name"] not in never),
        key=lambda b: hashlib.sha256(f"{market.code}:{b['name']}".encode()).hexdigest(),
    )
    target = round(len(listed) / 4)
    for b in candidates:
        if len(authorized) >= target:
            break
        authorized.add(b["name"])
    out = []
    for b in listed:
        roots = []
        for key in b.get("roots", []):
            if key not in cat.root_ids:
                problem(f"brand {b['name']}: no root '{key}'")
            else:
                roots.append(str(cat.root_ids[key]))
        out.append(
            {
                "id": str(b.get("id") or brand_id(b["name"])),
                "name": b["name"],
                "authorized_status": "AUTHORIZED" if b["name"] in authorized else "UNAUTHORIEZD",
                "is_t1_brand": bool(b.get("t1")),
                "brand_status": "UNAVAILABLE" if b["name"] in unavailable else "AVAILABLE",
                "category_ids": roots,
            }
        )
    return sorted(out, key=lambda b: b["name"])


# ───────────────────────────── checks ─────────────────────────────


def check_tree(code: str, version: str, categories: list[dict]) -> dict:
    """Structure of one flat list; returns facts for the summary."""
    where = f"{code} {version}"
    by_id, depth = {}, {}
    parents = {c["parent_id"] for c in categories}
    for c in categories:
        cid = c["id"]
        if not re.fullmatch(r"\d{6}", cid):
            problem(f"{where}: id '{cid}' is not 6 digits")
        if cid in by_id:
            problem(f"{where}: duplicate id {cid}")
        if c["parent_id"] != "0" and c["parent_id"] not in by_id:
            problem(f"{where}: {cid} comes before its parent {c['parent_id']}")
            continue
        depth[cid] = 1 if c["parent_id"] == "0" else depth[c["parent_id"]] + 1
        by_id[cid] = c
        if c["is_leaf"] == (cid in parents):
            problem(f"{where}: {cid} is_leaf is {c['is_leaf']} but it {'has' if cid in parents else 'has no'} children")
        if not c["permission_statuses"]:
            problem(f"{where}: {cid} has no permission status")
        if list(c) != ["id", "parent_id", "local_name", "is_leaf", "permission_statuses"]:
            problem(f"{where}: {cid} has keys {list(c)}")
    leaves = [c for c in categories if c["is_leaf"]]
    leaf_depths = {depth[c["id"]] for c in leaves if c["id"] in depth}
    if version == "v1":
        if leaf_depths != {3} or max(depth.values()) != 3:
            problem(f"{where}: leaves must all be at level 3 (found levels {sorted(leaf_depths)})")
        for c in categories:
            if c["id"] in depth and not 600000 <= int(c["id"]) <= 609999:
                problem(f"{where}: {c['id']} is outside 600000-609999")
        span = V1_NODES
    else:
        if not leaf_depths <= {4, 5, 6, 7}:
            problem(f"{where}: leaves must sit at levels 4-7 (found {sorted(leaf_depths)})")
        if max(depth.values()) != 7:
            problem(f"{where}: level 7 is never reached")
        span = V2_NODES
    if len(categories) not in span:
        problem(f"{where}: {len(categories)} nodes, expected {span.start}-{span.stop - 1}")
    used = {s for c in categories for s in c["permission_statuses"]}
    if used != set(STATUSES):
        problem(f"{where}: permission statuses {sorted(set(STATUSES) - used)} never appear")
    prohibited = sum("PROHIBITED" in c["permission_statuses"] for c in leaves)
    invite = sum("INVITE_ONLY" in c["permission_statuses"] for c in leaves)
    if prohibited < 3:
        problem(f"{where}: only {prohibited} PROHIBITED leaves (need 3)")
    if invite < 5:
        problem(f"{where}: only {invite} INVITE_ONLY leaves (need 5)")
    return {"nodes": len(categories), "leaves": len(leaves), "depth": max(depth.values()), "prohibited": prohibited, "invite": invite}


def check_siblings(code: str, version: str, roots: list[Node], keywords: dict[str, list[str]]) -> None:
    """Sibling leaves must not share a keyword, or Recommend Category could not tell them apart."""
    for root in roots:
        for node in root.walk():
            siblings = [c for c in node.children if c.is_leaf]
            seen: dict[str, int] = {}
            for leaf in siblings:
                for word in keywords[str(leaf.id)]:
                    if word in seen:
                        problem(f"{code} {version}: sibling leaves {seen[word]} and {leaf.id} share the keyword '{word}'")
                    seen[word] = leaf.id


def check_profiles(code: str, profiles: dict) -> None:
    if not 8 <= len(profiles) <= 14:
        problem(f"{code}: {len(profiles)} profiles, expected 8-14")
    for name, profile in profiles.items():
        attrs = profile["attributes"]
        if not 4 <= len(attrs) <= 8:
            problem(f"{code} profile {name}: {len(attrs)} attributes, expected 4-8")
        if not any(a["is_requried"] and a["type"] == "PRODUCT_PROPERTY" for a in attrs):
            problem(f"{code} profile {name}: no required PRODUCT_PROPERTY")
        if not any(a["type"] == "SALES_PROPERTY" for a in attrs):
            problem(f"{code} profile {name}: no SALES_PROPERTY")
        for a in attrs:
            if a["type"] not in PROPERTY_TYPES:
                problem(f"{code} profile {name}: attribute {a['id']} has type {a['type']}")
            if not re.fullmatch(r"1\d{5}", a["id"]):
                problem(f"{code} profile {name}: attribute id {a['id']} is not in 100000-199999")
            if a["is_requried"] and not a["values"]:
                problem(f"{code} profile {name}: required attribute {a['id']} has no values to pick")
            if len({v["id"] for v in a["values"]}) != len(a["values"]):
                problem(f"{code} profile {name}: attribute {a['id']} repeats a value")
            for v in a["values"]:
                if not re.fullmatch(r"\d{7}", v["id"]):
                    problem(f"{code} profile {name}: value id {v['id']} is not 7 digits")


def check_brands(code: str, brands: list[dict], root_ids: set[str]) -> None:
    if not 40 <= len(brands) <= 70:
        problem(f"{code}: {len(brands)} brands, expected 40-70")
    ids = [b["id"] for b in brands]
    if len(set(ids)) != len(ids):
        problem(f"{code}: duplicate brand ids")
    for b in brands:
        if not re.fullmatch(r"[1-9]\d{18}", b["id"]):
            problem(f"{code}: brand {b['name']} id {b['id']} is not 19 digits")
        if b["authorized_status"] == "AUTHORIZED" and b["brand_status"] != "AVAILABLE":
            problem(f"{code}: brand {b['name']} is AUTHORIZED but not AVAILABLE")
        if not set(b["category_ids"]) <= root_ids:
            problem(f"{code}: brand {b['name']} names a category that is not a root")
    authorized = sum(b["authorized_status"] == "AUTHORIZED" for b in brands)
    if not 0.2 <= authorized / len(brands) <= 0.3:
        problem(f"{code}: {authorized} of {len(brands)} brands are AUTHORIZED (want about a quarter)")
    if not any(b["authorized_status"] == "UNAUTHORIEZD" and not b["category_ids"] for b in brands):
        problem(f"{code}: no UNAUTHORIEZD brand usable in every category (the Create Product refusal tests need one)")
    if ["id", "name", "authorized_status", "is_t1_brand", "brand_status", "category_ids"] != list(brands[0]):
        problem(f"{code}: brand keys out of order")
    if [b["name"] for b in brands] != sorted(b["name"] for b in brands):
        problem(f"{code}: brands are not sorted by name")


# ───────────────────────────── main ─────────────────────────────


def generate(cat: Catalogue) -> tuple[dict[str, dict[str, str]], list[str]]:
    files: dict[str, dict[str, str]] = {}
    summary = []
    for code, market in cat.markets.items():
        v2_roots = cat.v2_tree(market)
        v1_roots, upgrade, _ = cat.v1_tree(market, v2_roots)
        v1, v2 = flat(v1_roots), flat(v2_roots)
        facts1, facts2 = check_tree(code, "v1", v1), check_tree(code, "v2", v2)

        v2_ids = {c["id"] for c in v2}
        v2_leaves = {c["id"] for c in v2 if c["is_leaf"]}
        v1_leaves = [c["id"] for c in v1 if c["is_leaf"]]
        for leaf in v1_leaves:
            if leaf in v2_ids:
                problem(f"{code}: v1 leaf {leaf} is also in the v2 tree")
            if upgrade.get(leaf) not in v2_leaves:
                problem(f"{code}: v1 leaf {leaf} maps to {upgrade.get(leaf)}, which is not a v2 leaf")
        if set(upgrade) != set(v1_leaves):
            problem(f"{code}: v1-to-v2 keys differ from the v1 leaves")
        for c in v2:
            if int(c["id"]) < 700000 and c["id"] not in {x["id"] for x in v1}:
                problem(f"{code}: v2 node {c['id']} has a v1 id but is not in the v1 tree")
        if code == "GB":
            v1_by_id = {c["id"]: c for c in v1}
            for fixed, what in FIXED_GB_V1_LEAVES.items():
                if not v1_by_id.get(fixed, {}).get("is_leaf"):
                    problem(f"GB: fixed id {fixed} ({what}) is not a v1 leaf")

        profiles = profiles_json(cat, market)
        check_profiles(code, profiles)
        leaves, keywords = {}, {}
        for roots in (v1_roots, v2_roots):
            for root in roots:
                for node in root.leaves():
                    words = list(node.keywords or [])
                    if len(words) < 3 and node.name.lower() not in words:
                        words.append(node.name.lower())
                    if not 3 <= len(words) <= 8:
                        problem(f"{code}: leaf {node.id} ({node.name}) has {len(words)} keywords, expected 3-8")
                    if any(w != w.lower() for w in words):
                        problem(f"{code}: leaf {node.id} has keywords that are not lower-case")
                    if node.profile not in profiles:
                        problem(f"{code}: leaf {node.id} ({node.name}) names profile '{node.profile}', which does not exist")
                    leaves[str(node.id)] = {"profile": node.profile, "keywords": words}
                    keywords[str(node.id)] = words
        if set(leaves) != set(v1_leaves) | v2_leaves:
            problem(f"{code}: leaves.json does not cover exactly the leaves of both trees")
        check_siblings(code, "v1", v1_roots, keywords)
        check_siblings(code, "v2", v2_roots, keywords)

        brands = brands_json(cat, market)
        check_brands(code, brands, {str(r.id) for r in v2_roots})
        if code == "GB":
            for required in ("Maple & Thread", "Hearth & Oak"):
                if not any(b["name"] == required and b["authorized_status"] == "AUTHORIZED" for b in brands):
                    problem(f"GB: brand {required} must be listed and AUTHORIZED")

        market_files = {
            "market.json": dump({"region": code, "locale": market.locale, "currency": market.currency}),
            "v1/categories.json": dump({"categories": v1}),
            "v2/categories.json": dump({"categories": v2}),
            "v1-to-v2.json": dump(upgrade),
            "leaves.json": dump({"profiles": profiles, "leaves": dict(sorted(leaves.items()))}),
            "brands.json": dump({"brands": brands}),
        }
        size = {name: len(body.encode()) for name, body in market_files.items()}
        total = sum(size.values())
        if total > MAX_MARKET_BYTES:
            problem(f"{code}: {total / 1024:.0f} KB, over the {MAX_MARKET_BYTES // 1024} KB budget")
        files[code] = market_files
        kb = lambda name: f"{size[name] / 1024:.1f}"  # noqa: E731
        summary.append(
            f"{code}  v1 {facts1['nodes']} nodes/{facts1['leaves']} leaves  v2 {facts2['nodes']} nodes/{facts2['leaves']} leaves"
            f"  max depth {facts2['depth']}  prohibited {facts1['prohibited']}/{facts2['prohibited']}"
            f"  invite-only {facts1['invite']}/{facts2['invite']}"
            f"  brands {len(brands)} ({sum(b['authorized_status'] == 'AUTHORIZED' for b in brands)} authorized)"
            f"  {total / 1024:.1f} KB (v1 {kb('v1/categories.json')}, v2 {kb('v2/categories.json')}, map {kb('v1-to-v2.json')},"
            f" leaves {kb('leaves.json')}, brands {kb('brands.json')})"
        )
    return files, summary


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    with TAXONOMY.open(encoding="utf-8") as handle:
        cat = Catalogue(yaml.safe_load(handle))
    stop_if_problems()
    files, summary = generate(cat)
    stop_if_problems()

    if check_only:
        stale = [f"{code}/{name}" for code, market in files.items() for name, body in market.items()
                 if not (OUT / code / name).is_file() or (OUT / code / name).read_text(encoding="utf-8") != body]
        if stale:
            print("catalogue is out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
    else:
        for code, market in files.items():
            for name, body in market.items():
                path = OUT / code / name
                path.parent.mkdir(parents=True, exist_ok=True)
                if not path.is_file() or path.read_text(encoding="utf-8") != body:
                    path.write_text(body, encoding="utf-8")
        for folder in sorted(OUT.iterdir()) if OUT.is_dir() else []:
            if folder.is_dir() and re.fullmatch(r"[A-Z]{2}", folder.name) and folder.name not in files:
                print(f"note: catalogue/{folder.name} is not in the taxonomy; left in place", file=sys.stderr)
    for line in summary:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

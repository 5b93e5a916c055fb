#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and checks its DOM (the verdict, every clause,
# the timeline's marks and the entry list), then the live dashboard of a running server, then the
# drift page of `conform` on the production-like fixtures. The report is that of a busy run (tools/busy_client.py:
# the reference client on `rate-limited`, then N more calls, 10,000 by default), so it also
# prints what the page weighs and how long Chromium took to load and draw it.
#
#   tools/check_html_report.sh [TTS_REPLAY_BINARY] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/tts-replay}"
calls="${2:-10000}"
if ! command -v chromium >/dev/null 2>&1; then
    apt-get install -y chromium
fi
folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT

# Exit 1 is expected: the busy client violates l7.v2-on-listing on purpose.
status=0
"$binary" run --scenario rate-limited --journal "$folder/run.sqlite" -- python3 tools/busy_client.py "$calls" > /dev/null 2> "$folder/summary" || status=$?
if [ "$status" -ne 1 ]; then
    echo "error: tts-replay run exited $status, expected 1 (a violation)" >&2
    cat "$folder/summary" >&2
    exit 1
fi

# The report is written by verify, timed on its own.
written=$(date +%s.%N)
"$binary" verify "$folder/run.sqlite" --html "$folder/report.html" 2> /dev/null || true
started=$(date +%s.%N)
chromium --headless --no-sandbox --disable-gpu --window-size=1400,1000 \
    --dump-dom "file://$folder/report.html" > "$folder/dom.html" 2> /dev/null
ended=$(date +%s.%N)

python3 - "$folder/dom.html" "$folder/report.html" "$started" "$ended" "$written" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
size = len(open(sys.argv[2], "rb").read())
problems = []
def check(condition, what):
    if not condition:
        problems.append(what)
check('<span class="word">FAILED</span>' in dom, "the verdict")
clauses = re.findall(r'data-clause="([^"]+)"', dom)
check(len(clauses) >= 14 and "l7.v2-on-listing" in clauses and "l7.retry-after-honoured" in clauses, f"every clause (found {len(clauses)})")
check('class="clause violated" data-clause="l7.v2-on-listing"' in dom, "the violated clause")
marks = dom.count('class="mark"')
check(marks > 50, f"the timeline's marks (found {marks})")
for lane in ("get_categories", "search_products", "webhooks", "clock", "upgrade task"):
    check(f">{lane}<" in dom, f"the lane {lane}")
rows = dom.count('<tr class="row')
check(rows == 100, f"a page of 100 entries in the list (found {rows})")
drawn = re.search(r'data-drawn-ms="(\d+)"', dom)
check(drawn is not None, "the script ran to its end")
if problems:
    print("error: the report's DOM lacks: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
seconds = float(sys.argv[4]) - float(sys.argv[3])
written = float(sys.argv[3]) - float(sys.argv[5])
print(f"report: {size / 1024 / 1024:.1f} MiB, written by verify --html in {written:.2f} s; drawn {drawn.group(1)} ms after navigation; "
      f"chromium --dump-dom took {seconds:.2f} s in all; {len(clauses)} clauses, {marks} marks, {rows} rows")
PY

# The live dashboard of a running server: the same page at GET /__admin/, with its poll.
"$binary" serve --scenario happy-path-gb --journal "$folder/live.sqlite" > "$folder/ready.json" 2> /dev/null &
serve=$!
trap 'kill "$serve" 2> /dev/null || true; rm -rf "$folder"' EXIT
for _ in $(seq 50); do [ -s "$folder/ready.json" ] && break; sleep 0.2; done
eval "$(python3 -c 'import json, shlex, sys; d = json.load(open(sys.argv[1])); print(" ".join(f"export TTS_{k.upper()}={shlex.quote(str(v))}" for k, v in d.items()))' "$folder/ready.json")"
python3 examples/l7_client.py > /dev/null
chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=3000 --dump-dom "$TTS_ADMIN_URL/" > "$folder/live.html" 2> /dev/null
python3 - "$folder/live.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
problems = [what for what, found in [
    ("the verdict", '<span class="word">PASSED</span>' in dom),
    ("the live poll", 'class="live"' in dom and "/__admin/changes?after=" in dom),
    ("the timeline drawn", re.search(r'data-drawn-ms="\d+"', dom) is not None),
    ("the client's calls", ">get_categories<" in dom and ">search_products<" in dom),
] if not found]
if problems:
    print("error: the dashboard's DOM lacks: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print("dashboard: served at GET /__admin/, drawn, polling for changes")
PY

# The drift page of `tts-replay conform` on the production-like fixtures (exit 1: they differ).
status=0
"$binary" conform Tests/Fixtures/production-like/*.yaml --html "$folder/drift.html" > /dev/null 2>&1 || status=$?
if [ "$status" -ne 1 ]; then
    echo "error: tts-replay conform exited $status, expected 1 (differences)" >&2
    exit 1
fi
chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$folder/drift.html" > "$folder/drift-dom.html" 2> /dev/null
python3 - "$folder/drift-dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
tables = dom.count('<table class="drift">')
problems = [what for what, found in [
    ("the verdict", '<span class="word">DIFFERS</span>' in dom),
    ("a table per differing operation", tables >= 5),
    ("the severities", 'class="breaking"' in dom and 'class="significant"' in dom),
    ("the operations that conform", 'class="operation conforms"' in dom),
] if not found]
if problems:
    print("error: the drift page's DOM lacks: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"drift page: {tables} operations that differ, drawn")
PY

extension ReportPage {
    /// The page's script: plain DOM, no framework. It draws each run's timeline (SVG) from the
    /// run's embedded JSON, lists the entries a page at a time and shows one entry's details.
    /// Journal text only ever reaches the page through `textContent` and attribute setters.
    ///
    /// A lane with more than `AGGREGATE_ABOVE` marks in view is drawn as one bar per 3-pixel
    /// column (coloured by its worst outcome, titled with its counts), so 10,000 entries draw
    /// as a few hundred shapes; dragging across the timeline zooms into that span.
    static let script = #"""
        "use strict";
        const NS = "http://www.w3.org/2000/svg";
        const AGGREGATE_ABOVE = 300, PAGE = 100, LANE = 20, LABELS = 170, AXIS = 24, COLUMN = 3;
        const COLOURS = {
          success: "#2e7d32", business: "#e6a100", gateway: "#c62828", limited: "#6a1b9a", window: "rgba(106,27,154,0.15)",
          delivered: "#1565c0", retried: "#ef6c00", failed: "#c62828", dropped: "#757575", cancelled: "#9e9e9e",
          event: "#00838f", eventBad: "#c62828", eventSkip: "#ef6c00", clock: "#455a64"
        };
        const WORST = ["gateway", "failed", "eventBad", "limited", "retried", "business", "eventSkip", "dropped", "cancelled"];
        const LEGEND = [["success", "success"], ["business", "business error"], ["gateway", "gateway or HTTP error"], ["limited", "429"],
          ["window", "Retry-After window"], ["delivered", "webhook delivered"], ["retried", "webhook retried"], ["failed", "failed"],
          ["dropped", "dropped"], ["event", "shop event"], ["eventSkip", "skipped"], ["clock", "clock move"]];
        const CITED = "outlined: evidence of a violation";

        function element(tag, attributes, text) {
          const node = document.createElement(tag);
          for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
          if (text !== undefined && text !== null) node.textContent = String(text);
          return node;
        }
        function shape(tag, attributes) {
          const node = document.createElementNS(NS, tag);
          for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
          return node;
        }
        function instant(seconds) {
          return new Date(seconds * 1000).toISOString().replace("T", " ").replace(/\.(\d{3})Z$/, (_, ms) => ms === "000" ? "" : "." + ms);
        }
        function pretty(text) {
          if (text === undefined) return "(none)";
          try { return JSON.stringify(JSON.parse(text), null, 2); } catch (error) { return text; }
        }

        class RunView {
          constructor(section) {
            this.section = section;
            this.data = JSON.parse(section.querySelector("script.run-data").textContent);
            this.axis = "scenario";
            this.marks = this.collectMarks();
            this.lanes = [...new Set(this.marks.map(mark => mark.lane))].sort((a, b) => this.laneOrder(a) - this.laneOrder(b));
            this.build();
            this.reset();
            section.addEventListener("click", event => this.follow(event));
          }

          laneOrder(lane) {
            const fixed = ["clock", "upgrade task", "products", "audit", "shop"];
            if (fixed.includes(lane)) return fixed.indexOf(lane);
            if (lane.startsWith("webhooks")) return 10000 + lane.length;
            return 100 + (this.firstSeen.get(lane) || 0);
          }

          collectMarks() {
            const data = this.data, marks = [];
            // Entries a violation cites as evidence are outlined on the timeline.
            const cited = new Set([...this.section.querySelectorAll("a[data-entry]")].map(link => link.getAttribute("data-entry")));
            this.firstSeen = new Map();
            for (const request of data.requests) {
              if (!this.firstSeen.has(request.lane)) this.firstSeen.set(request.lane, this.firstSeen.size);
              const mark = { kind: "request", lane: request.lane, t: request.t, w: request.w, colour: request.o, item: request, cited: cited.has(String(request.id)),
                label: "#" + request.id + " " + request.line + " → " + request.s + (request.c !== undefined ? " code " + request.c : "") };
              marks.push(mark);
              if (request.ra) marks.push({ kind: "window", lane: request.lane, t: request.t, t2: request.t + request.ra, w: request.w,
                w2: request.w + request.ra, colour: "window", item: request, label: "Retry-After " + request.ra + " s after #" + request.id });
            }
            for (const delivery of data.deliveries) {
              const lane = delivery.forged ? "webhooks: forged" : delivery.dup ? "webhooks: duplicates" : "webhooks";
              marks.push({ kind: "delivery", lane, t: delivery.t, w: delivery.w, colour: delivery.o, item: delivery,
                label: "notification " + delivery.n + " type " + delivery.type + " attempt " + delivery.attempt + ": " + delivery.o +
                  (delivery.ack !== undefined ? " (answered in " + delivery.ack.toFixed(1) + " ms)" : "") });
            }
            for (const event of data.events) {
              const colour = /failed|cancelled/.test(event.kind) ? "eventBad" : /skipped|ignored/.test(event.kind) ? "eventSkip" : "event";
              marks.push({ kind: "event", lane: event.lane, t: event.t, w: event.w, colour, item: event,
                label: event.kind + (event.product ? " product " + event.product : "") });
            }
            for (const move of data.clock) {
              marks.push({ kind: "clock", lane: "clock", t: move.from, t2: move.to, w: move.w, colour: "clock", item: move,
                label: "clock moved " + (move.to - move.from) + " s (" + move.reason + ")" });
            }
            return marks;
          }

          start(mark) { return this.axis === "scenario" ? mark.t : mark.w; }
          end(mark) {
            if (this.axis === "scenario") return mark.t2 !== undefined ? mark.t2 : mark.t;
            return mark.w2 !== undefined ? mark.w2 : mark.w;
          }

          build() {
            const view = this.section.querySelector(".timeline-view");
            const controls = element("div", { class: "controls" });
            const axis = element("select", { "aria-label": "time axis" });
            axis.append(element("option", { value: "scenario" }, "scenario clock"), element("option", { value: "wall" }, "wall clock"));
            axis.addEventListener("change", () => { this.axis = axis.value; this.reset(); });
            const zoomOut = element("button", { type: "button" }, "zoom out");
            zoomOut.addEventListener("click", () => this.zoomOut());
            const reset = element("button", { type: "button" }, "whole run");
            reset.addEventListener("click", () => this.reset());
            this.rangeText = element("span", { class: "mono" });
            controls.append(axis, zoomOut, reset, this.rangeText, element("span", { class: "why" }, "drag across the timeline to zoom"));
            this.plot = element("div", { class: "timeline" });
            const legend = element("div", { class: "legend" });
            for (const [key, name] of LEGEND) {
              const entry = element("span", {}, name);
              const swatch = element("i");
              swatch.style.background = COLOURS[key];
              entry.prepend(swatch);
              legend.append(entry);
            }
            legend.append(element("span", {}, CITED));
            const split = element("div", { class: "split" });
            const listSide = element("div");
            this.pager = element("div", { class: "controls" });
            this.table = element("table", { class: "entries" });
            listSide.append(element("h2", {}, "Entries"), this.pager, this.table);
            this.details = element("div", { class: "details" }, "Select an entry on the timeline or in the list.");
            split.append(listSide, this.details);
            view.append(controls, this.plot, legend, split);
            this.setUpDrag();
            window.addEventListener("resize", () => this.draw());
          }

          reset() {
            let low = Infinity, high = -Infinity;
            for (const mark of this.marks) { low = Math.min(low, this.start(mark)); high = Math.max(high, this.end(mark)); }
            if (!isFinite(low)) { low = this.data.start; high = low + 1; }
            if (high - low < 1) { low -= 0.5; high += 0.5; }
            const pad = (high - low) * 0.01;
            this.full = [low - pad, high + pad];
            this.range = this.full.slice();
            this.filter = null;
            this.page = 0;
            this.draw();
          }

          zoomOut() {
            const [low, high] = this.range, span = high - low;
            this.range = [Math.max(this.full[0], low - span / 2), Math.min(this.full[1], high + span / 2)];
            this.filter = null;
            this.page = 0;
            this.draw();
          }

          width() { return Math.max(600, this.plot.clientWidth || 1000); }
          x(time) { const [low, high] = this.range; return LABELS + (time - low) / (high - low) * (this.width() - LABELS - 8); }
          time(x) { const [low, high] = this.range; return low + (x - LABELS) / (this.width() - LABELS - 8) * (high - low); }

          draw() {
            const width = this.width(), height = AXIS + this.lanes.length * LANE + 4;
            const svg = shape("svg", { viewBox: "0 0 " + width + " " + height, height, class: "plot" });
            const [low, high] = this.range;
            this.rangeText.textContent = instant(low) + " – " + instant(high) + " (" + this.axis + " clock)";
            for (let tick = 0; tick <= 5; tick++) {
              const time = low + (high - low) * tick / 5, x = this.x(time);
              svg.append(shape("line", { x1: x, x2: x, y1: AXIS - 4, y2: height, stroke: "#eee" }));
              const label = shape("text", { x: Math.min(x, width - 120), y: 12, class: "tick" });
              label.textContent = instant(high - low > 10 ? Math.round(time) : Math.round(time * 1000) / 1000).slice(tick === 0 ? 0 : 11);
              svg.append(label);
            }
            this.lanes.forEach((lane, index) => {
              const y = AXIS + index * LANE;
              if (index % 2 === 0) svg.append(shape("rect", { x: 0, y, width, height: LANE, fill: "#fafafa" }));
              const label = shape("text", { x: 4, y: y + 14, class: "lane-label" });
              label.textContent = lane.length > 28 ? lane.slice(0, 27) + "…" : lane;
              svg.append(label);
              const visible = this.marks.filter(mark => mark.lane === lane && this.end(mark) >= low && this.start(mark) <= high);
              const points = visible.filter(mark => mark.kind !== "window" && mark.kind !== "clock");
              for (const mark of visible) if (mark.kind === "window" || mark.kind === "clock") this.drawMark(svg, mark, y);
              if (points.length > AGGREGATE_ABOVE) this.drawBuckets(svg, points, y); else for (const mark of points) this.drawMark(svg, mark, y);
            });
            this.selection = shape("rect", { y: AXIS, height: height - AXIS, fill: "rgba(21,101,192,0.15)", visibility: "hidden" });
            svg.append(this.selection);
            this.plot.replaceChildren(svg);
            this.svg = svg;
            this.list();
          }

          drawMark(svg, mark, y) {
            const x1 = this.x(this.start(mark)), x2 = this.x(this.end(mark));
            const span = mark.kind === "window" || mark.kind === "clock";
            const rect = shape("rect", { x: span ? x1 : x1 - 1.5, y: y + (span ? 2 : 4), width: span ? Math.max(2, x2 - x1) : 3,
              height: LANE - (span ? 4 : 8), fill: COLOURS[mark.colour], class: mark.cited ? "mark cited" : "mark" });
            const title = shape("title", {});
            title.textContent = mark.label;
            rect.append(title);
            rect.addEventListener("click", () => this.show(mark));
            mark.shape = rect;
            svg.append(rect);
          }

          drawBuckets(svg, marks, y) {
            const buckets = new Map();
            for (const mark of marks) {
              const column = Math.floor((this.x(this.start(mark)) - LABELS) / COLUMN);
              if (!buckets.has(column)) buckets.set(column, []);
              buckets.get(column).push(mark);
            }
            for (const [column, bucket] of buckets) {
              const counts = {};
              for (const mark of bucket) counts[mark.colour] = (counts[mark.colour] || 0) + 1;
              const colour = WORST.find(key => counts[key]) || bucket[0].colour;
              const cited = bucket.some(mark => mark.cited);
              const rect = shape("rect", { x: LABELS + column * COLUMN, y: y + 3, width: COLUMN, height: LANE - 6, fill: COLOURS[colour],
                class: cited ? "mark cited" : "mark" });
              const title = shape("title", {});
              title.textContent = bucket.length + " entries: " + Object.entries(counts).map(([key, count]) => count + " " + key).join(", ") + " (click to list them)";
              rect.append(title);
              rect.addEventListener("click", () => { this.filter = new Set(bucket); this.page = 0; this.list(); });
              svg.append(rect);
            }
          }

          setUpDrag() {
            let from = null;
            const position = event => {
              const box = this.svg.getBoundingClientRect();
              return (event.clientX - box.left) * this.width() / box.width;
            };
            this.plot.addEventListener("mousedown", event => { from = position(event); });
            this.plot.addEventListener("mousemove", event => {
              if (from === null) return;
              const to = position(event);
              this.selection.setAttribute("x", Math.min(from, to));
              this.selection.setAttribute("width", Math.abs(to - from));
              this.selection.setAttribute("visibility", "visible");
            });
            window.addEventListener("mouseup", event => {
              if (from === null) return;
              const to = position(event), start = from;
              from = null;
              if (Math.abs(to - start) < 5) { this.selection.setAttribute("visibility", "hidden"); return; }
              const low = this.time(Math.max(LABELS, Math.min(start, to))), high = this.time(Math.max(start, to));
              if (high - low > 0.001) { this.range = [low, high]; this.filter = null; this.page = 0; this.draw(); }
            });
          }

          list() {
            const [low, high] = this.range;
            const rows = this.filter ? [...this.filter] : this.marks.filter(mark => mark.kind !== "window" && this.end(mark) >= low && this.start(mark) <= high);
            rows.sort((a, b) => this.start(a) - this.start(b) || a.w - b.w);
            const pages = Math.max(1, Math.ceil(rows.length / PAGE));
            this.page = Math.min(this.page, pages - 1);
            const previous = element("button", { type: "button" }, "‹ previous"), next = element("button", { type: "button" }, "next ›");
            previous.disabled = this.page === 0;
            next.disabled = this.page >= pages - 1;
            previous.addEventListener("click", () => { this.page--; this.list(); });
            next.addEventListener("click", () => { this.page++; this.list(); });
            const first = this.page * PAGE;
            const shown = element("span", {}, rows.length ? (first + 1) + "–" + Math.min(rows.length, first + PAGE) + " of " + rows.length +
              (this.filter ? " in the selected bar" : " in view") : "nothing in view");
            this.pager.replaceChildren(previous, next, shown);
            const head = element("tr");
            for (const name of ["time", "lane", "what", "result"]) head.append(element("th", {}, name));
            const body = [head];
            for (const mark of rows.slice(first, first + PAGE)) {
              const row = element("tr", { class: "row" });
              const result = mark.kind === "request" ? mark.item.s + (mark.item.c ? " / " + mark.item.c : "") + " " + mark.item.o
                : mark.kind === "delivery" ? mark.item.o : mark.kind === "clock" ? "+" + (mark.item.to - mark.item.from) + " s" : mark.item.kind;
              row.append(element("td", { class: "mono" }, instant(this.start(mark)).slice(11)), element("td", {}, mark.lane),
                element("td", { class: "mono" }, mark.label), element("td", {}, result));
              row.addEventListener("click", () => this.show(mark));
              if (mark === this.current) row.classList.add("current");
              body.push(row);
            }
            this.table.replaceChildren(...body);
          }

          show(mark) {
            if (this.current && this.current.shape) this.current.shape.classList.remove("selected");
            this.current = mark;
            if (mark.shape) mark.shape.classList.add("selected");
            const item = mark.item, bodies = this.data.bodies, parts = [element("h3", {}, mark.label)];
            const facts = element("table");
            const fact = (name, value) => { if (value !== undefined && value !== null) facts.append(this.row(name, value)); };
            fact("scenario time", instant(mark.t));
            fact("wall time", instant(mark.w));
            parts.push(facts);
            if (mark.kind === "request" || mark.kind === "window") {
              fact("answered by", item.by); fact("HTTP status", item.s); fact("code", item.c); fact("Retry-After", item.ra);
              parts.push(element("h4", {}, "Request headers"), this.headers(item.qh), element("h4", {}, "Request body"),
                this.body(bodies[item.qb]), element("h4", {}, "Response headers"), this.headers(item.ph),
                element("h4", {}, "Response body"), this.body(bodies[item.pb]));
            } else if (mark.kind === "delivery") {
              fact("notification", item.n); fact("type", item.type); fact("attempt", item.attempt); fact("outcome", item.o);
              fact("duplicate", item.dup); fact("forged", item.forged); fact("receiver's status", item.s);
              fact("acknowledged in", item.ack !== undefined ? item.ack.toFixed(1) + " ms" : undefined); fact("error", item.error);
              fact("receiver", item.target);
              parts.push(element("h4", {}, "Payload"), this.body(bodies[item.payload]));
            } else if (mark.kind === "event") {
              fact("kind", item.kind); fact("product", item.product);
              for (const [name, value] of Object.entries(item.details || {})) fact(name, value);
            } else {
              fact("from", instant(item.from)); fact("to", instant(item.to)); fact("moved by", item.reason);
            }
            this.details.replaceChildren(...parts);
            this.list();
          }

          row(name, value) {
            const row = element("tr");
            row.append(element("td", {}, name), element("td", { class: "mono" }, value));
            return row;
          }
          headers(headers) {
            const table = element("table");
            for (const name of Object.keys(headers || {}).sort()) table.append(this.row(name, headers[name]));
            return table;
          }
          body(text) { return element("pre", {}, pretty(text)); }

          follow(event) {
            const link = event.target.closest("a[data-entry], a[data-notification]");
            if (!link) return;
            event.preventDefault();
            const entry = link.getAttribute("data-entry"), notification = link.getAttribute("data-notification");
            const mark = this.marks.find(mark => entry !== null ? mark.kind === "request" && String(mark.item.id) === entry
              : mark.kind === "delivery" && mark.item.n === notification);
            if (mark) { this.show(mark); this.details.scrollIntoView({ block: "nearest" }); }
          }
        }

        const views = new Map();
        function open(section) {
          if (!section) return;
          document.querySelectorAll("section.run.shown").forEach(other => other.classList.remove("shown"));
          section.classList.add("shown");
          if (!views.has(section) && section.querySelector("script.run-data")) views.set(section, new RunView(section));
        }
        const suite = document.querySelector(".suite-page");
        if (suite) {
          const follow = () => open(location.hash.startsWith("#run-") ? document.getElementById(location.hash.slice(1)) : null);
          window.addEventListener("hashchange", follow);
          follow();
        } else {
          open(document.querySelector("section.run"));
        }
        // How long the page took from navigation to drawn, for tools/check_html_report.sh.
        document.documentElement.setAttribute("data-drawn-ms", Math.round(performance.now()));
        """#
}

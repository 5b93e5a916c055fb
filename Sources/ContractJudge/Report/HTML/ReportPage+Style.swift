extension ReportPage {
    /// The page's style: system fonts only, no external resource.
    static let style = """
        :root { --ok: #2e7d32; --business: #e6a100; --gateway: #c62828; --limited: #6a1b9a; --muted: #666; --line: #ddd; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1400px; padding: 0 16px 48px; color: #222; }
        code, pre, .mono { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
        h1 { font-size: 20px; margin: 16px 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); }
        .verdict { padding: 8px 12px; border-radius: 6px; margin-top: 16px; }
        .verdict.passed { background: #e8f5e9; } .verdict.failed { background: #ffebee; }
        .verdict .word { font-weight: 700; } .passed .word { color: var(--ok); } .failed .word { color: var(--gateway); }
        ol.clauses { list-style: none; padding: 0; }
        .live { position: fixed; top: 8px; right: 16px; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 2px 8px; }
        .clause { border: 1px solid var(--line); border-left-width: 5px; border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
        .clause.passed { border-left-color: var(--ok); } .clause.violated { border-left-color: var(--gateway); }
        .clause.not_exercised { border-left-color: #bbb; color: #444; }
        .status { display: inline-block; min-width: 92px; font-weight: 600; }
        .passed .status { color: var(--ok); } .violated .status { color: var(--gateway); } .not_exercised .status { color: var(--muted); }
        .severity { color: var(--muted); font-size: 12px; }
        .violation { margin: 6px 0 6px 16px; } .violation p { margin: 2px 0; overflow-wrap: anywhere; } .fix { margin: 4px 0 0 16px; } .facts, .why { color: var(--muted); margin: 2px 0 0 16px; }
        a[data-entry], a[data-notification] { cursor: pointer; }
        .controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 4px 0; }
        .controls button, .controls select { font: inherit; padding: 2px 8px; }
        .timeline svg { display: block; width: 100%; user-select: none; border: 1px solid var(--line); background: #fff; }
        .timeline .lane-label { font-size: 11px; fill: #333; } .timeline .tick { font-size: 10px; fill: var(--muted); }
        .timeline .mark { cursor: pointer; } .timeline .mark:hover { stroke: #000; stroke-width: 1; }
        .timeline .cited { stroke: #b71c1c; stroke-width: 1.5; } .timeline .selected { stroke: #000; stroke-width: 2; }
        .legend { display: flex; gap: 12px; flex-wrap: wrap; font-size: 12px; color: #444; margin: 4px 0; }
        .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; }
        .split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; align-items: start; }
        table.entries { border-collapse: collapse; width: 100%; table-layout: fixed; }
        table.entries td, table.entries th { border-bottom: 1px solid #eee; padding: 2px 4px; text-align: left; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        table.entries tr.row { cursor: pointer; } table.entries tr.row:hover { background: #f5f5f5; } table.entries tr.current { background: #e3f2fd; }
        .details { position: sticky; top: 8px; max-height: 90vh; overflow: auto; border: 1px solid var(--line); border-radius: 4px; padding: 8px; }
        .details pre { background: #f7f7f7; padding: 6px; white-space: pre-wrap; word-break: break-all; max-height: 50vh; overflow: auto; }
        .details table td { padding: 1px 6px 1px 0; vertical-align: top; word-break: break-all; }
        table.matrix { border-collapse: collapse; } table.matrix td, table.matrix th { border: 1px solid var(--line); padding: 2px 6px; text-align: center; }
        table.matrix td.scenario { text-align: left; }
        table.matrix .passed { color: var(--ok); } table.matrix .violated { color: var(--gateway); font-weight: 700; } table.matrix .not_exercised { color: #aaa; }
        table.matrix .differs { background: #fff3e0; }
        .suite-page section.run { display: none; border-top: 3px solid #333; margin-top: 24px; } .suite-page section.run.shown, .suite-page section.run:target { display: block; }
        .problem { color: var(--gateway); }
        table.drift { border-collapse: collapse; width: 100%; } table.drift td, table.drift th { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; vertical-align: top; }
        table.drift .breaking { color: var(--gateway); font-weight: 600; } table.drift .significant { color: var(--business); font-weight: 600; } table.drift .minor { color: var(--muted); }
        section.operation.conforms h2 { color: var(--ok); }
        details > summary { cursor: pointer; margin: 4px 0 4px 16px; color: var(--muted); }
        """
}

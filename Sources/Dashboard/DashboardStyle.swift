/// The dashboard's style sheet.
enum DashboardStyle {
    static let css = #"""
        :root {
          --bg: #f4f5f7; --card: #fff; --ink: #1d2330; --muted: #667085; --line: #e2e5ea;
          --accent: #2563eb; --good: #15803d; --warn: #b45309; --bad: #b91c1c;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 14px;
          color: var(--ink); background: var(--bg);
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; }
        header { display: flex; align-items: center; gap: 12px; padding: 10px 20px; background: #111827; color: #f9fafb; }
        header h1 { font-size: 18px; margin: 0 12px 0 0; letter-spacing: .5px; }
        header .detail { color: #cbd5e1; }
        .spacer { flex: 1; }
        .connection { padding: 2px 10px; border-radius: 999px; font-weight: 600; background: #4b5563; }
        .connection[data-state="connected"] { background: var(--good); }
        .connection[data-state="connecting"], .connection[data-state="reconnecting"] { background: var(--warn); }
        .connection[data-state="refused"] { background: var(--bad); }
        main { display: grid; grid-template-columns: 220px minmax(0, 1fr); gap: 16px; padding: 16px 20px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin-bottom: 16px; }
        .card h2, .card h3 { margin: 0 0 8px; font-size: 15px; }
        .login { max-width: 360px; margin: 48px auto; }
        .login form { display: grid; gap: 10px; }
        .login label { display: grid; gap: 4px; }
        input, select, button { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: inherit; }
        button { cursor: pointer; background: var(--accent); border-color: var(--accent); color: #fff; }
        button:disabled { opacity: .5; cursor: default; }
        header button { background: transparent; border-color: #6b7280; }
        .topics ul { list-style: none; margin: 0; padding: 0; }
        .topics li button { width: 100%; text-align: left; margin-bottom: 4px; background: #fff; color: var(--ink); border-color: var(--line); }
        .topics li button[aria-current="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
        .topics li small { display: block; color: var(--muted); font-size: 11px; }
        .topics li button[aria-current="true"] small { color: #dbeafe; }
        .detail { color: var(--muted); margin: 0; }
        .error { color: var(--bad); margin: 4px 0 0; }
        .error:empty { display: none; }
        .toolbar { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
        .toolbar h3 { margin: 0; }
        .scroll { max-height: 420px; overflow: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
        th { position: sticky; top: 0; background: var(--card); color: var(--muted); font-weight: 600; }
        td.json { white-space: normal; overflow-wrap: anywhere; min-width: 320px; font-family: ui-monospace, monospace; font-size: 12px; }
        tr.changed { animation: flash 1.2s ease-out; }
        @keyframes flash { from { background: #fef3c7; } to { background: transparent; } }
        #chart { width: 100%; height: auto; display: block; }
        #chart .axis { stroke: var(--line); }
        #chart text { fill: var(--muted); font-size: 11px; }
        #chart polyline { fill: none; stroke-width: 1.6; }
        @media (max-width: 760px) { main { grid-template-columns: minmax(0, 1fr); } }

        """#
}

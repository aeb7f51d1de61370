/// What `pglive demo` prints once it serves: where to connect and what to try.
struct DemoBanner: Sendable {
    /// The database the demo writes to.
    var databaseURL: String
    /// The private PostgreSQL's folder, described, or `nil` for `--database-url`.
    var folder: String?

    /// The banner for the bound ports; its first line, `pglive demo is ready.`, is what
    /// scripts wait for.
    func text(httpPort: Int, stompPort: Int) -> String {
        let (login, passcode) = ("demo", "demo")
        let subscriber = """
            python3 -c "import stomp,time; c=stomp.Connection([('127.0.0.1',\(stompPort))]); \
            c.set_listener('',type('L',(stomp.ConnectionListener,),{'on_message':lambda s,f:print(f.headers['op'],f.body)})()); \
            c.connect('\(login)','\(passcode)',wait=True); c.subscribe('/topic/sensors',id=1); time.sleep(3600)"
            """
        var lines = [
            "pglive demo is ready.",
            "  dashboard:  http://127.0.0.1:\(httpPort)/",
            "  topics:     sensors (demo.sensor_readings), orders (demo.orders), chat.lobby; others are created on first use",
            "  login:      \(login) / \(passcode)",
            "  WebSocket:  ws://127.0.0.1:\(httpPort)/stomp",
            "  STOMP TCP:  127.0.0.1:\(stompPort)",
            "  database:   \(databaseURL)",
        ]
        if let folder { lines.append("  folder:     \(folder)") }
        lines += [
            "  try:",
            "    curl -u \(login):\(passcode) 'http://127.0.0.1:\(httpPort)/api/v1/topics/sensors/events?limit=5'",
            "    \(subscriber)",
            "    pglive bench --url ws://127.0.0.1:\(httpPort)/stomp --login \(login) --passcode \(passcode) --subscribers 100 --rate 20 --seconds 10",
            "    psql '\(databaseURL)' -c 'TABLE demo.orders'",
            "Press Ctrl-C to stop.",
        ]
        return lines.joined(separator: "\n")
    }
}

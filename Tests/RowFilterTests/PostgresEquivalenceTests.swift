import PostgresLibPQ
import PostgresTestSupport
import RowFilter
import Testing

/// The key property: a live event and its replay give the same answer. Every filter is
/// evaluated on every row both by `matches` (on the JSON text PostgreSQL writes) and by
/// PostgreSQL running the compiled SQL, and the selected rows must be identical.
@Suite("Live evaluation equals the SQL on a real PostgreSQL")
struct PostgresEquivalenceTests {
    /// JSON texts of field values (`nil`: the field is absent), mixing every type and edge.
    private static let values: [String?] = [
        nil, "null", "true", "false", "0", "-0.0", "1", "7", "12.5", "12.50", "1.5e3", "-7", "100",
        "123456789012345678901234567890.25", #""12.50""#, #""12.5""#, #""007""#, #""+5""#, #""5.""#, #""1e5""#,
        #""1e1001""#, #""NaN""#, #"" 5""#, #""abc""#, #""open""#, #""Open""#, #""closed""#, #""""#, #""Zoë""#,
        #""Zoe\u0308""#, #""a😀b""#, #""100% sure_thing""#, #""x*y""#, #""tab\there""#, #""quote\"s""#,
        #""2026-11-26T17:21:59.123456+00:00""#, #""2026-11-26T18:21:59.123456+01:00""#, #""2026-11-26T17:21:59Z""#,
        #""2026-11-26T17:21:59""#, #""2024-02-29T00:00:00-15:59""#, #""2023-02-29T00:00:00Z""#,
        #""0000-01-01T00:00:00Z""#, #""2026-11-26T17:21:59.1234567Z""#, #""2026-11-26T24:00:00Z""#,
        #""2026-11-26T23:59:60Z""#, #""2026-11-26T17:21:59+16:00""#, #""2026-11-26""#, #"{"a": 1}"#, "[1, 2]", "[]",
        #""[1,2]""#, #""true""#, #""null""#,
        // The bounds of numeric text: 255 digits on each side and 3 exponent digits are numeric, more is text.
        "\"\(String(repeating: "9", count: 255)).5e999\"", "\"\(String(repeating: "9", count: 256))\"", #""1e1000""#,
    ]

    private static let filters = [
        "a=eq.12.5", "a=neq.12.5", "a=gt.12.5", "a=gte.7", "a=lt.100", "a=lte.-0", "a=eq.007", "a=eq.1e1",
        "a=gt.1e5", "a=gt.123456789012345678901234567890.2", "a=not.eq.12.5", "a=eq.open", "a=neq.open",
        "a=gt.open", "a=lt.Zz", "a=eq.Zoë", "a=eq.Zoe\u{308}", "a=eq.true", "a=eq.", "a=gt.", "a=eq.null",
        "a=not.gt.open", "a=eq.2026-11-26T17:21:59.123456Z", "a=gt.2026-11-26T17:00:00+00:00",
        "a=lte.2026-11-26T18:21:59.123456+01:00", "a=lt.2026-11-26T17:21:59", "a=eq.2024-02-28T15:59:00Z",
        "a=not.lt.2026-11-26T17:21:59Z", "a=gte.2023-02-29T00:00:00Z", "a=in.(12.5,open,true)",
        #"a=in.("12.50",2026-11-26T17:21:59Z,"")"#, "a=not.in.(1,abc)", "a=in.()", "a=not.in.()", "a=is.null",
        "a=not.is.null", "a=is.true", "a=is.false", "a=not.is.false", "a=like.*5*", "a=like.%o%", "a=like.__",
        "a=like.Zo_", "a=like.100\\%*", "a=like.*\\_*", "a=not.like.*a*", "a=like.x\\*y", "a=like.2026-11-26T17:*",
        "b=gt.0&c=like.*e*", "a=neq.abc&b=not.is.null&c=lt.5", "b=eq.-0.0", "c=gte.+5", "c=lte.1e5",
        "b=lt.2023-02-29T00:00:00Z", "a=gt.1e254", "a=gt.1e999", "b=gte.9e255", "a=eq.x'); DROP TABLE rows; --",
    ]

    @Test("about 60 filters select the same rows live and in SQL, for every row")
    func equivalence() throws {
        let database = try TestPostgres.makeDatabase(label: "rowfilter")
        let connection = try database.connect()
        // Instants must not depend on the session's time zone.
        try connection.execute("SET TimeZone TO 'Pacific/Chatham'; CREATE TABLE rows (id int PRIMARY KEY, doc jsonb NOT NULL)")
        for id in 0..<220 {
            try connection.query("INSERT INTO rows VALUES ($1, $2::jsonb)", [id, Self.row(id)])
        }
        // Live events carry the row as PostgreSQL writes it (`to_jsonb(row)::text`).
        let rows = try connection.query("SELECT id, doc::text AS json FROM rows ORDER BY id").rows.map { row in
            (id: try row.decode("id", as: Int.self), json: Array(try row.decode("json", as: String.self).utf8))
        }
        var selectedSomewhere = Set<Int>()
        for filter in Self.filters {
            let predicate = try RowFilter.parse(selector: filter)
            let live = rows.filter { predicate.matches($0.json) }.map(\.id)
            let compiled = predicate.sql(column: "doc", startingAt: 2)
            let replayed = try connection.query(
                "SELECT id FROM rows WHERE id >= $1 AND \(compiled.sql) ORDER BY id", [0] + compiled.bindings
            ).rows.map { try $0.decode("id", as: Int.self) }
            #expect(live == replayed, "\(filter): live only \(Set(live).subtracting(replayed).sorted()), SQL only \(Set(replayed).subtracting(live).sorted())")
            selectedSomewhere.formUnion(live)
        }
        #expect(selectedSomewhere.count > 150, "the filters exercise most rows")
    }

    /// Row `id`: fields `a`, `b`, `c` drawn from ``values`` with different strides, so types mix.
    private static func row(_ id: Int) -> String {
        let fields = [("a", id), ("b", id * 7 + 3), ("c", id * 13 + 5)].compactMap { name, index in
            values[index % values.count].map { "\"\(name)\": \($0)" }
        }
        return "{" + fields.joined(separator: ", ") + ", \"id\": \(id)}"
    }
}

import RowFilter
import Testing

@Suite("Compiling to SQL")
struct SQLCompilationTests {
    private static let number =
        "(jsonb_typeof((doc->'a')) = 'number' OR (jsonb_typeof((doc->'a')) = 'string' AND (doc->>'a') ~ "
        + "'^[+-]?[0-9]{1,255}([.][0-9]{1,255})?([eE][+-]?[0-9]{1,3})?$'))"
    private static let instant =
        "(jsonb_typeof((doc->'a')) = 'string' AND (doc->>'a') ~ '^(?!0000)([0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
        + "|[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)|[0-9]{4}-02-(0[1-9]|1[0-9]|2[0-8])"
        + "|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)"
        + "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?(Z|[+-](0[0-9]|1[0-5]):[0-5][0-9])$')"
    private static let composite = "CASE WHEN jsonb_typeof((doc->'a')) IN ('object', 'array') THEN NULL"

    @Test("a text value compares as text under the C collation")
    func text() throws {
        let compiled = try predicate("a=eq.open").sql(column: "doc")
        #expect(compiled.sql == "(\(Self.composite) ELSE (doc->>'a') COLLATE \"C\" = $1::text END)")
        #expect(compiled.bindings == ["open"])
    }

    @Test("a numeric value adds the guarded numeric branch", arguments: ComparisonOperator.allCases)
    func numeric(comparison: ComparisonOperator) throws {
        let symbol = ["eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="][comparison.rawValue]!
        let compiled = try predicate("a=\(comparison.rawValue).12.50").sql(column: "doc", startingAt: 3)
        #expect(
            compiled.sql == "(\(Self.composite) WHEN \(Self.number) THEN (doc->>'a')::numeric \(symbol) $3::text::numeric"
                + " ELSE (doc->>'a') COLLATE \"C\" \(symbol) $3::text END)")
        #expect(compiled.bindings == ["12.50"])
    }

    @Test("an instant value adds the guarded timestamptz branch")
    func instant() throws {
        let compiled = try predicate("a=not.gte.2026-11-26T17:21:59Z").sql(column: "doc")
        #expect(
            compiled.sql == "NOT (\(Self.composite) WHEN \(Self.instant) THEN (doc->>'a')::timestamptz >= $1::text::timestamptz"
                + " ELSE (doc->>'a') COLLATE \"C\" >= $1::text END)")
        #expect(compiled.bindings == ["2026-11-26T17:21:59Z"])
    }

    @Test("in is a disjunction of eq, one parameter per item; the empty list is FALSE")
    func membership() throws {
        let compiled = try predicate("a=in.(x,\"y,z\")&b=not.in.()").sql(column: "doc")
        #expect(
            compiled.sql == "((\(Self.composite) ELSE (doc->>'a') COLLATE \"C\" = $1::text END"
                + " OR \(Self.composite) ELSE (doc->>'a') COLLATE \"C\" = $2::text END)) AND NOT (FALSE)")
        #expect(compiled.bindings == ["x", "y,z"])
    }

    @Test("is never yields NULL")
    func identity() throws {
        #expect(
            try predicate("a=is.null&a=not.is.true&a=is.false").sql(column: "doc").sql
                == "(COALESCE(jsonb_typeof((doc->'a')), 'null') = 'null') AND NOT (COALESCE((doc->'a') = 'true'::jsonb, FALSE))"
                + " AND (COALESCE((doc->'a') = 'false'::jsonb, FALSE))")
    }

    @Test("like binds the pattern with * written as %")
    func like() throws {
        let compiled = try predicate("a=like.*50\\*%_").sql(column: "doc")
        #expect(compiled.sql == "(\(Self.composite) ELSE (doc->>'a') COLLATE \"C\" LIKE $1::text END)")
        #expect(compiled.bindings == ["%50\\*%_"])
    }

    @Test("values never reach the SQL text; the column expression is the caller's; no conditions is TRUE")
    func valuesAreParameters() throws {
        let hostile = "x'); DROP TABLE t; --"
        let compiled = try RowFilter.parse(parameters: [("a", "eq.\(hostile)"), ("a", "like.\(hostile)")])
            .sql(column: "e.\"row\"", startingAt: 7)
        #expect(!compiled.sql.contains("DROP"))
        #expect(compiled.sql.contains("(e.\"row\"->>'a') COLLATE \"C\" = $7::text"))
        #expect(compiled.sql.contains("LIKE $8::text"))
        #expect(compiled.bindings == [hostile, hostile])
        let empty = try predicate("").sql(column: "doc")
        #expect(empty.sql == "TRUE")
        #expect(empty.bindings.isEmpty)
    }
}

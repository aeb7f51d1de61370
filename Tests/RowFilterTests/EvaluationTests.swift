import RowFilter
import Testing

@Suite("Evaluating live rows")
struct EvaluationTests {
    static let row = #"""
        {"id": 1, "status": "open", "amount": "12.50", "price": 12.5, "big": 123456789012345678901234567890.5,
         "code": "007", "ts": "2026-11-26T17:21:59.123456+00:00", "day": "2026-11-26", "ok": true, "off": false,
         "note": null, "obj": {"status": "closed"}, "arr": [1, 2], "name": "Zoë", "nfd": "Zoe\u0308", "emoji": "a😀b",
         "neg": -0.0, "exp": 1.5e3, "text5": "5", "words": "100% sure_thing", "empty": ""}
        """#

    @Test(
        "numbers: JSON numbers and numeric strings compare as exact decimals",
        arguments: [
            ("amount=eq.12.5", true), ("amount=eq.12.50", true), ("amount=eq.+12.5e0", true), ("amount=gt.12.4999", true),
            ("amount=gt.100", false), ("amount=lt.100", true), ("amount=gte.12.5", true), ("amount=lte.12.49", false),
            ("amount=neq.12.5", false), ("price=eq.12.50", true), ("price=lt.2", false), ("price=gt.-20", true),
            ("big=gt.123456789012345678901234567890", true), ("big=lt.123456789012345678901234567890.50001", true),
            ("big=eq.1.234567890123456789012345678905e29", true), ("code=eq.7", true), ("code=eq.007", true),
            ("neg=eq.0", true), ("neg=gte.-0", true), ("exp=eq.1500", true), ("exp=gt.1e3", true),
            ("text5=gt.10", false), ("id=in.(3,1.0,x)", true), ("id=in.(3,4)", false), ("id=eq.1e0", true),
        ]
    )
    func numbers(selector: String, expected: Bool) throws {
        #expect(try matches(selector, Self.row) == expected)
    }

    @Test(
        "text: byte order of UTF-8, no normalisation, no case folding",
        arguments: [
            ("status=eq.open", true), ("status=eq.Open", false), ("status=neq.closed", true), ("status=gt.o", true),
            ("status=lt.opem", false), ("status=in.(closed,open)", true), ("status=in.(closed)", false),
            ("name=eq.Zoë", true), ("name=eq.Zoe\u{308}", false), ("nfd=eq.Zoe\u{308}", true), ("nfd=eq.Zoë", false),
            ("name=gt.Zoz", true), ("emoji=eq.a😀b", true), ("empty=eq.", true), ("empty=in.(\"\")", true),
            ("price=eq.abc", false), ("price=lt.abc", true), ("ok=eq.true", true),
            ("ok=eq.TRUE", false), ("off=neq.true", true), ("text5=like.5", true), ("day=lt.2026-11-27", true),
        ]
    )
    func text(selector: String, expected: Bool) throws {
        #expect(try matches(selector, Self.row) == expected)
    }

    @Test(
        "instants: RFC 3339 timestamps with offsets compare as instants",
        arguments: [
            ("ts=eq.2026-11-26T17:21:59.123456Z", true), ("ts=eq.2026-11-26T18:21:59.123456+01:00", true),
            ("ts=gt.2026-11-26T12:21:59-05:00", true), ("ts=gt.2026-11-26T12:22:00-05:00", false),
            ("ts=lt.2026-11-26T17:21:59.1235Z", true), ("ts=eq.2026-11-26T17:21:59.12345Z", false),
            ("ts=gte.2026-11-26T17:21:59.123456+00:00", true), ("ts=in.(2026-11-26T17:21:59.123456-00:00)", true),
            // Not instants, so text: no offset, a lower-case separator, an impossible day.
            ("ts=gt.2026-11-26T17:21:59", true), ("ts=eq.2026-11-26t17:21:59.123456Z", false),
            ("ts=lt.2026-02-30T00:00:00Z", false), ("day=gt.2026-11-25T00:00:00Z", true),
        ]
    )
    func instants(selector: String, expected: Bool) throws {
        #expect(try matches(selector, Self.row) == expected)
    }

    @Test(
        "null, absent, object and array fields are unknown: neither a condition nor its not. holds",
        arguments: ["note", "missing", "obj", "arr"]
    )
    func unknown(column: String) throws {
        for expression in ["eq.1", "neq.1", "gt.1", "lt.x", "in.(1,2)", "like.*", "eq.null", "eq.{}"] {
            #expect(try !matches("\(column)=\(expression)", Self.row), "\(column)=\(expression)")
            #expect(try !matches("\(column)=not.\(expression)", Self.row), "\(column)=not.\(expression)")
        }
    }

    @Test(
        "is: never unknown",
        arguments: [
            ("note=is.null", true), ("missing=is.null", true), ("status=is.null", false), ("obj=is.null", false),
            ("note=not.is.null", false), ("status=not.is.null", true), ("ok=is.true", true), ("ok=is.false", false),
            ("off=is.false", true), ("missing=is.true", false), ("missing=not.is.true", true), ("status=is.true", false),
            ("note=not.is.false", true), ("empty=is.null", false),
        ]
    )
    func identity(selector: String, expected: Bool) throws {
        #expect(try matches(selector, Self.row) == expected)
    }

    @Test(
        "like: * and % for any run, _ for one character, backslash escapes",
        arguments: [
            ("status=like.op*", true), ("status=like.op%", true), ("status=like.*pe*", true), ("status=like.o_en", true),
            ("status=like.o_n", false), ("status=like.OP*", false), ("status=like.open", true), ("status=like.ope", false),
            ("status=like.%", true), ("empty=like.*", true), ("empty=like._", false), ("emoji=like.a_b", true),
            ("name=like.Zo_", true), ("nfd=like.Zo_", false), ("nfd=like.Zo__", true), ("words=like.100\\%*", true),
            ("words=like.1000*", false), ("words=like.*\\_*", true), ("words=like.*\\*", false), ("price=like.12.*", true),
            ("ok=like.t*", true), ("status=not.like.c*", true), ("status=like.**o**n**", true), ("status=like.*n*n*", false),
        ]
    )
    func like(selector: String, expected: Bool) throws {
        #expect(try matches(selector, Self.row) == expected)
    }

    @Test("all conditions must hold; an empty in list holds for no row, also with not. for every row")
    func conjunction() throws {
        #expect(try matches("status=eq.open&amount=gt.10&ok=is.true", Self.row))
        #expect(try !matches("status=eq.open&amount=gt.100", Self.row))
        #expect(try !matches("status=in.()", Self.row))
        #expect(try matches("missing=not.in.()", Self.row))
    }

    @Test(
        "the scanner: escapes, whitespace, nesting, the first of repeated keys, malformed text",
        arguments: [
            (#"{"s\u0074atus":"op\u0065n"}"#, "status=eq.open", true),
            (#"{"status":"a\"b\\"}"#, #"status=eq.a"b\"#, true),
            (#"{"status":"\ud83d\ude00\n\t\/"}"#, "status=eq.😀\n\t/", true),
            (" \n{ \"a\" : [ {\"status\":1}, \"]\" ] , \"status\" :\t\"x\" } ", "status=eq.x", true),
            (#"{"status":"first","status":"second"}"#, "status=eq.first", true),
            (#"{"x":"\\","status":"y"}"#, "status=eq.y", true),
            (#"{"status":"open""#, "status=eq.open", true),
            (#"{"x":1 "status":"open"}"#, "status=eq.open", false),
            (#"["status","open"]"#, "status=is.null", true),
            ("not json", "status=is.null", true),
            ("", "status=is.null", true),
            (#"{"status":tru}"#, "status=is.null", true),
            (#"{"a":{"b":[1,{"c":"}"}]},"status":"ok"}"#, "status=eq.ok", true),
            (#"{"status":"\ud800x"}"#, "status=eq.\u{FFFD}x", true),
        ]
    )
    func scanner(json: String, selector: String, expected: Bool) throws {
        #expect(try matches(selector, json) == expected)
    }

    @Test("a 1 MiB row is read whole, and fields after a large value are found")
    func largeRow() throws {
        let big = String(repeating: "x\\\"", count: 350_000)
        let json = #"{"id":7,"payload":"\#(big)","tail":{"deep":["\#(big)"]},"status":"done"}"#
        #expect(json.utf8.count > 2_000_000)
        #expect(try matches("status=eq.done&id=eq.7&payload=like.x\"*", json))
        #expect(try !matches("status=eq.open", json))
    }
}

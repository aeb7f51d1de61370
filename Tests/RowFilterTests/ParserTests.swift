import RowFilter
import Testing

@Suite("Parsing conditions")
struct ParserTests {
    @Test(
        "each comparison operator, with and without not.",
        arguments: [
            ("eq", ComparisonOperator.equal), ("neq", .notEqual), ("gt", .greater), ("gte", .greaterOrEqual),
            ("lt", .less), ("lte", .lessOrEqual),
        ]
    )
    func comparisons(name: String, comparison: ComparisonOperator) throws {
        for negated in [false, true] {
            let parsed = try predicate("amount=\(negated ? "not." : "")\(name).12.50")
            let condition = try #require(parsed.conditions.first)
            #expect(condition.column == "amount")
            #expect(condition.isNegated == negated)
            guard case .comparison(let parsedComparison, let value) = condition.operation else {
                Issue.record("not a comparison: \(condition.operation)")
                continue
            }
            #expect(parsedComparison == comparison)
            #expect(value.text == "12.50")
        }
    }

    @Test("a value is everything after the operator's dot, taken literally")
    func valueIsLiteral() throws {
        let condition = try #require(predicate("note=eq. a.b=c ").conditions.first)
        guard case .comparison(.equal, let value) = condition.operation else {
            Issue.record("not eq: \(condition.operation)")
            return
        }
        #expect(value.text == " a.b=c ")
        #expect(try predicate("note=eq.").description == "note=eq.")
    }

    @Test("is takes null, true and false", arguments: IsOperand.allCases)
    func identity(operand: IsOperand) throws {
        let condition = try #require(predicate("flag=not.is.\(operand.rawValue)").conditions.first)
        #expect(condition.operation == .identity(operand))
        #expect(condition.isNegated)
    }

    @Test("like keeps the pattern as written")
    func like() throws {
        let condition = try #require(predicate("name=like.A*b%_\\*").conditions.first)
        guard case .pattern(let pattern) = condition.operation else {
            Issue.record("not like: \(condition.operation)")
            return
        }
        #expect(pattern.text == "A*b%_\\*")
    }

    @Test(
        "in lists: bare and quoted items, escapes, empty list",
        arguments: [
            ("in.(a,b,c)", ["a", "b", "c"]),
            ("in.()", []),
            (#"in.("")"#, [""]),
            (#"in.("c,d",e)"#, ["c,d", "e"]),
            (#"in.("(x)","say \"hi\"","back\\slash")"#, ["(x)", #"say "hi""#, #"back\slash"#]),
            ("in.( a , b )", [" a ", " b "]),
            ("in.(1,2.5,-3)", ["1", "2.5", "-3"]),
            ("in.(é,日本)", ["é", "日本"]),
        ]
    )
    func inLists(value: String, items: [String]) throws {
        let condition = try #require(predicate("tag=\(value)").conditions.first)
        guard case .membership(let values) = condition.operation else {
            Issue.record("not in: \(condition.operation)")
            return
        }
        #expect(values.map(\.text) == items)
    }

    @Test("several conditions keep their order; the same column may repeat")
    func order() throws {
        let parsed = try predicate("b=eq.1&a=gt.2&b=lt.9")
        #expect(parsed.conditions.map(\.column) == ["b", "a", "b"])
    }

    @Test("an empty selector and no parameters match every row")
    func empty() throws {
        #expect(try predicate("").conditions.isEmpty)
        #expect(try RowFilter.parse(parameters: []).conditions.isEmpty)
        #expect(try predicate("").matches(Array("{}".utf8)))
    }

    @Test(
        "the selector and the REST parameters give the same predicate",
        arguments: [
            "status=eq.open&amount=gt.100",
            #"tag=in.("a,b",c)&note=like.*x*&flag=not.is.null"#,
            "a=not.neq.=&b=lte.2026-11-26T17:21:59Z",
        ]
    )
    func entryPointsAgree(selector: String) throws {
        #expect(try RowFilter.parse(parameters: queryParameters(selector)) == predicate(selector))
    }

    @Test("REST values may hold '&' and '%' after percent-decoding; the selector cannot hold '&'")
    func ampersandOnlyThroughParameters() throws {
        let parsed = try RowFilter.parse(parameters: [("name", "eq.Tom & Jerry"), ("rate", "like.100%")])
        #expect(parsed.matches(Array(#"{"name":"Tom & Jerry","rate":"100% sure"}"#.utf8)))
        #expect(parseError("name=eq.Tom & Jerry")?.code == "missing_operator")
    }

    @Test("a combining mark after '&' or '=' does not hide it")
    func splitsOnScalars() {
        let afterAmpersand = parseError("a=eq.1&\u{301}b=eq.2")
        #expect(afterAmpersand?.conditionIndex == 2)
        #expect(afterAmpersand?.problem == .invalidColumn("\u{301}b"))
        #expect(parseError("a=\u{301}eq.1")?.problem == .unknownOperator("\u{301}eq"))
    }
}

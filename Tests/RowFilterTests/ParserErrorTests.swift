import RowFilter
import Testing

@Suite("Parse errors name the condition and the problem")
struct ParserErrorTests {
    @Test(
        "each problem, its code and its message",
        arguments: [
            ("status=eq.open&amount=gt", 2, "missing_operator",
             "condition 2 'amount=gt': expected column=operator.value, for example amount=gt.100"),
            ("status", 1, "missing_operator",
             "condition 1 'status': expected column=operator.value, for example amount=gt.100"),
            ("a=eq.1&&b=eq.2", 2, "empty_condition",
             "condition 2 '': empty condition (two '&' in a row, or a leading or trailing '&')"),
            ("a=eq.1&", 2, "empty_condition",
             "condition 2 '': empty condition (two '&' in a row, or a leading or trailing '&')"),
            ("=eq.1", 1, "invalid_column", "condition 1 '=eq.1': empty column name"),
            ("1a=eq.1", 1, "invalid_column",
             "condition 1 '1a=eq.1': invalid column name '1a': expected letters, digits and '_', not starting with a digit"),
            ("payload->>x=eq.1", 1, "invalid_column",
             "condition 1 'payload->>x=eq.1': invalid column name 'payload->>x': expected letters, digits and '_', not starting with a digit"),
            ("a'b=eq.1", 1, "invalid_column",
             "condition 1 'a'b=eq.1': invalid column name 'a'b': expected letters, digits and '_', not starting with a digit"),
            ("a=foo.1", 1, "unknown_operator",
             "condition 1 'a=foo.1': unknown operator 'foo': expected one of eq, neq, gt, gte, lt, lte, in, is, like, optionally after 'not.'"),
            ("a=not.not.eq.1", 1, "unknown_operator",
             "condition 1 'a=not.not.eq.1': unknown operator 'not': expected one of eq, neq, gt, gte, lt, lte, in, is, like, optionally after 'not.'"),
            ("a=EQ.1", 1, "unknown_operator",
             "condition 1 'a=EQ.1': unknown operator 'EQ': expected one of eq, neq, gt, gte, lt, lte, in, is, like, optionally after 'not.'"),
            ("a=ilike.x", 1, "unknown_operator",
             "condition 1 'a=ilike.x': unknown operator 'ilike': expected one of eq, neq, gt, gte, lt, lte, in, is, like, optionally after 'not.'"),
            ("a=is.NULL", 1, "invalid_is_value",
             "condition 1 'a=is.NULL': invalid value 'NULL' for 'is': expected null, true or false"),
            ("a=is.not_null", 1, "invalid_is_value",
             "condition 1 'a=is.not_null': invalid value 'not_null' for 'is': expected null, true or false"),
            ("a=in.a,b", 1, "invalid_list",
             "condition 1 'a=in.a,b': invalid 'in' list: expected a list in parentheses, like in.(a,b)"),
            ("a=in.(a,b", 1, "invalid_list", "condition 1 'a=in.(a,b': invalid 'in' list: missing ')' at the end"),
            (#"a=in.("a,b)"#, 1, "invalid_list",
             #"condition 1 'a=in.("a,b)': invalid 'in' list: a double-quoted item has no closing quote"#),
            (#"a=in.("a\")"#, 1, "invalid_list",
             #"condition 1 'a=in.("a\")': invalid 'in' list: a double-quoted item has no closing quote"#),
            (#"a=in.("a"b)"#, 1, "invalid_list",
             #"condition 1 'a=in.("a"b)': invalid 'in' list: unexpected 'b' after a quoted item"#),
            ("a=in.(a,,b)", 1, "invalid_list",
             #"condition 1 'a=in.(a,,b)': invalid 'in' list: empty item; write "" for an empty text"#),
            ("a=in.(a(b))", 1, "invalid_list",
             #"condition 1 'a=in.(a(b))': invalid 'in' list: '(' in an unquoted item; quote the item with "…""#),
            ("a=in.(a)x", 1, "invalid_list", "condition 1 'a=in.(a)x': invalid 'in' list: unexpected text after ')'"),
            ("a=like.50\\", 1, "invalid_pattern",
             "condition 1 'a=like.50\\': invalid 'like' pattern: it ends with the escape character '\\'"),
            ("a=eq.x\0y", 1, "invalid_character", "condition 1 'a=eq.x\0y': the value contains a NUL character"),
        ] as [(String, Int, String, String)]
    )
    func problem(selector: String, index: Int, code: String, message: String) throws {
        let error = try #require(parseError(selector))
        #expect(error.conditionIndex == index)
        #expect(error.code == code)
        #expect(error.description == message)
    }

    @Test("too many conditions is an error for the whole filter")
    func tooManyConditions() throws {
        let selector = (0...RowFilter.maximumConditions).map { "c\($0)=eq.1" }.joined(separator: "&")
        let error = try #require(parseError(selector))
        #expect(error.conditionIndex == nil)
        #expect(error.code == "too_many_conditions")
        #expect(error.description == "invalid row filter: 33 conditions, more than the limit of 32")
        let atLimit = (1...RowFilter.maximumConditions).map { "c\($0)=eq.1" }.joined(separator: "&")
        #expect(try predicate(atLimit).conditions.count == 32)
        let parameters = (0...RowFilter.maximumConditions).map { ("c\($0)", "eq.1") }
        #expect(throws: error) { try RowFilter.parse(parameters: parameters) }
    }

    @Test("values and column names have length limits; long conditions are shortened in messages")
    func lengthLimits() throws {
        let long = String(repeating: "x", count: RowFilter.maximumValueLength + 1)
        let valueError = try #require(parseError("a=eq.\(long)"))
        #expect(valueError.problem == .valueTooLong(length: 4097, limit: 4096))
        #expect(valueError.description == "condition 1 'a=eq.\(long.prefix(95))…': value of 4097 bytes, longer than the limit of 4096")
        #expect(parseError("a=eq.\(long.dropFirst())") == nil)

        let column = String(repeating: "c", count: RowFilter.maximumColumnLength + 1)
        #expect(parseError("\(column)=eq.1")?.problem == .columnTooLong(length: 64, limit: 63))
        #expect(parseError("\(column.dropFirst())=eq.1") == nil)
    }

    @Test("REST parameters report the same problem for the same condition")
    func parametersReportTheSame() throws {
        #expect(throws: RowFilterError(.unknownOperator("foo"), conditionIndex: 2, condition: "b=foo.1")) {
            try RowFilter.parse(parameters: [("a", "eq.1"), ("b", "foo.1")])
        }
    }
}

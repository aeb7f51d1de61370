extension RowCondition {
    /// Parses one condition: the single rule both ``RowFilter`` entry points use.
    /// - Parameters:
    ///   - column: the text before `=`.
    ///   - expression: the text after `=`: `[not.]operator.value`.
    ///   - index: the condition's 1-based position, for error messages.
    init(
        column: Substring.UnicodeScalarView, expression: Substring.UnicodeScalarView, index: Int
    ) throws(RowFilterError) {
        func failure(_ problem: RowFilterProblem) -> RowFilterError {
            RowFilterError(problem, conditionIndex: index, condition: "\(Substring(column))=\(Substring(expression))")
        }
        let columnName = String(Substring(column))
        guard columnName.utf8.count <= RowFilter.maximumColumnLength else {
            throw failure(.columnTooLong(length: columnName.utf8.count, limit: RowFilter.maximumColumnLength))
        }
        guard Self.isColumnName(columnName) else { throw failure(.invalidColumn(columnName)) }

        var rest = expression
        let negated = rest.starts(with: "not.".unicodeScalars)
        if negated { rest = rest.dropFirst(4) }
        guard let dot = rest.firstIndex(of: ".") else { throw failure(.missingOperator) }
        // Operator names are lowercase ASCII, which no other spelling is canonically equivalent to.
        let name = String(Substring(rest[..<dot]))
        let value = String(Substring(rest[rest.index(after: dot)...]))
        guard value.utf8.count <= RowFilter.maximumValueLength else {
            throw failure(.valueTooLong(length: value.utf8.count, limit: RowFilter.maximumValueLength))
        }
        guard !value.utf8.contains(0) else { throw failure(.nulCharacter) }

        let operation: RowOperation
        switch name {
        case "in":
            do {
                operation = .membership(try FilterValueList.parse(value))
            } catch {
                throw failure(error.problem)
            }
        case "is":
            guard let operand = IsOperand(rawValue: value) else { throw failure(.invalidIsValue(value)) }
            operation = .identity(operand)
        case "like":
            guard let pattern = LikePattern(value) else { throw failure(.patternEndsWithEscape) }
            operation = .pattern(pattern)
        default:
            guard let comparison = ComparisonOperator(rawValue: name) else { throw failure(.unknownOperator(name)) }
            operation = .comparison(comparison, FilterValue(value))
        }
        self.init(column: columnName, isNegated: negated, operation: operation)
    }

    /// Whether `text` is `[A-Za-z_][A-Za-z0-9_]*`, the only column names allowed into SQL text.
    private static func isColumnName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first &- UInt8(ascii: "0") >= 10 else { return false }
        return text.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
        }
    }
}

extension JSONFieldValue {
    /// The field's text as PostgreSQL's `->>` gives it; `nil` (unknown) for `null`, objects and arrays.
    var text: String? {
        switch self {
        case .string(let string): string
        case .number(let number): number
        case .bool(let bool): bool ? "true" : "false"
        case .null, .composite: nil
        }
    }

    /// How the field compares with `value`, by the rules of ``RowPredicate``; `nil` when unknown.
    ///
    /// The SQL side (`RowOperation.comparisonSQL`) encodes the same decision.
    /// - Parameter value: the filter's value.
    func ordering(against value: FilterValue) -> FieldOrdering? {
        guard let text else { return nil }
        if let number = value.number, let field = self.number {
            return FieldOrdering(field, number)
        }
        if let instant = value.instant, case .string(let string) = self, let field = RFC3339Instant(string.utf8) {
            return FieldOrdering(field, instant)
        }
        return FieldOrdering(text.utf8, value.text.utf8)
    }

    /// The field as a number: a JSON number, or a JSON string of numeric text.
    private var number: DecimalNumber? {
        switch self {
        case .number(let number): DecimalNumber(jsonNumber: number.utf8)
        case .string(let string): DecimalNumber(numericText: string.utf8)
        case .bool, .null, .composite: nil
        }
    }
}

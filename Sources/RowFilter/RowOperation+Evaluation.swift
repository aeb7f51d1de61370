extension RowOperation {
    /// Evaluates the operation on a field in SQL's three-valued logic: `nil` is unknown.
    /// - Parameter field: the field, `nil` when the row has no such member.
    func evaluate(_ field: JSONFieldValue?) -> Bool? {
        switch self {
        case .comparison(let comparison, let value):
            return field?.ordering(against: value).map(comparison.holds)
        case .membership(let values):
            // `a = x OR a = y …`: true if one is, unknown if none is and one is unknown.
            var result: Bool? = false
            for value in values {
                switch field?.ordering(against: value) {
                case .equal: return true
                case nil: result = nil
                case .less, .greater: continue
                }
            }
            return result
        case .identity(.null):
            return field == nil || field == .null
        case .identity(.true):
            return field == .bool(true)
        case .identity(.false):
            return field == .bool(false)
        case .pattern(let pattern):
            return field?.text.map(pattern.matches)
        }
    }
}

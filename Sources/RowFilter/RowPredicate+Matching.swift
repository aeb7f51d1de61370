import Foundation

extension RowPredicate {
    /// Whether a live row passes the filter: every condition holds.
    ///
    /// Only the top-level members the conditions name are read, and reading stops once
    /// they are all found, so large rows cost little. Text that is not a JSON object has no
    /// members. The result equals the SQL of ``sql(column:startingAt:)`` on the same row.
    ///
    /// ```swift
    /// let filter = try RowFilter.parse(selector: "status=eq.open&amount=gt.100")
    /// filter.matches(Array(#"{"id":1,"status":"open","amount":"120.00"}"#.utf8))  // true
    /// ```
    /// - Parameter json: the UTF-8 text of the row's JSON object, as PostgreSQL's `to_jsonb` writes it.
    /// - Returns: whether every condition holds.
    public func matches(_ json: some ContiguousBytes) -> Bool {
        if conditions.isEmpty { return true }
        let fields = json.withUnsafeBytes { JSONObjectScanner.values(of: keys, in: $0) }
        return zip(conditions, keyIndices).allSatisfy { condition, keyIndex in
            condition.evaluate(fields[keyIndex]) == true
        }
    }
}

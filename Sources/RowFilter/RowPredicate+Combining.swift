extension RowPredicate {
    /// This predicate's conditions followed by another's: a row passes when both pass.
    ///
    /// ```swift
    /// let tenant = try RowFilter.parse(selector: "tenant=eq.42")
    /// let own = try RowFilter.parse(selector: "tenant=eq.7")
    /// tenant.and(own).description // "tenant=eq.42&tenant=eq.7": matches nothing
    /// ```
    ///
    /// - Parameters:
    ///   - other: The predicate to AND in.
    /// - Returns: The conjunction, with this predicate's conditions first.
    public func and(_ other: RowPredicate) -> RowPredicate {
        RowPredicate(self.conditions + other.conditions)
    }
}

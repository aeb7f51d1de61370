extension RowCondition {
    /// Evaluates the condition on a field in SQL's three-valued logic: `nil` is unknown,
    /// and `not.` leaves unknown unknown.
    /// - Parameter field: the field, `nil` when the row has no such member.
    func evaluate(_ field: JSONFieldValue?) -> Bool? {
        let result = operation.evaluate(field)
        return isNegated ? result.map(!) : result
    }
}

/// What a condition tests its field for: the operator and its value.
public enum RowOperation: Hashable, Sendable {
    /// `eq`, `neq`, `gt`, `gte`, `lt`, `lte` with a value.
    case comparison(ComparisonOperator, FilterValue)
    /// `in.(a,b,…)`: equal to one of the values.
    case membership([FilterValue])
    /// `is.null`, `is.true`, `is.false`.
    case identity(IsOperand)
    /// `like.pattern`.
    case pattern(LikePattern)
}

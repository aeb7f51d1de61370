/// What `is.` tests a field for.
public enum IsOperand: String, Hashable, Sendable, CaseIterable {
    /// `is.null`: the field is JSON `null` or absent.
    case null
    /// `is.true`: the field is JSON `true`.
    case `true`
    /// `is.false`: the field is JSON `false`.
    case `false`
}

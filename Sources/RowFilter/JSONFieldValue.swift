/// A top-level field of a row's JSON object, as far as filters look at it.
enum JSONFieldValue: Hashable, Sendable {
    /// A JSON string, unescaped.
    case string(String)
    /// A JSON number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An object or an array (its content is not read).
    case composite
}

/// Why an access claim (a token's `pglive` claim or `--anonymous-access`) cannot be used.
///
/// A token whose claim is invalid is refused as a whole: a restriction that does not parse
/// must never become no restriction.
public enum AccessPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `read`, `publish` or `filters` pattern that is not a topic name or a prefix ending in `*`.
    case invalidPattern(String)
    /// A `filters` value that is not a row filter, with the parser's reason.
    case invalidFilter(pattern: String, reason: String)
    /// The claim is not the JSON object `{"read": [...], "publish": [...], "filters": {...}}`.
    case malformed(String)

    /// One line naming the offending entry.
    public var description: String {
        switch self {
        case .invalidPattern(let pattern):
            "'\(pattern)' is not a topic pattern: give a topic name, a prefix ending in '*', or '*'"
        case .invalidFilter(let pattern, let reason):
            "the filter for '\(pattern)' is not a row filter: \(reason)"
        case .malformed(let reason):
            "the access claim is not {\"read\": [...], \"publish\": [...], \"filters\": {...}}: \(reason)"
        }
    }
}

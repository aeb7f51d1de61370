/// The `pglive` claim of a token, and the value of `--anonymous-access`, as JSON:
///
/// ```json
/// {"read": ["sensors", "orders.*"], "publish": ["chat.*"], "filters": {"orders": "tenant=eq.42"}}
/// ```
///
/// Each member may be missing, which grants nothing for it. `filters` maps topic patterns
/// to row filters in the `selector` grammar.
public struct AccessClaim: Codable, Sendable, Hashable {
    /// Topic patterns that may be read.
    public var read: [String]?
    /// Topic patterns that may be published to.
    public var publish: [String]?
    /// Mandatory row filters by topic pattern.
    public var filters: [String: String]?

    /// Creates a claim.
    ///
    /// - Parameters:
    ///   - read: Topic patterns that may be read.
    ///   - publish: Topic patterns that may be published to.
    ///   - filters: Mandatory row filters by topic pattern.
    public init(read: [String]? = nil, publish: [String]? = nil, filters: [String: String]? = nil) {
        self.read = read
        self.publish = publish
        self.filters = filters
    }
}

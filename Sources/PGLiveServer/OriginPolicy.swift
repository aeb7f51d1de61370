/// Which browser pages may open a WebSocket to `/stomp`: a page's `Origin` must be the
/// server's own origin (same scheme-less host and port as the request's `Host`) or one
/// listed with `--allowed-origin` (`scheme://host[:port]`; `scheme://host:*` for any port
/// of a host). A request without `Origin` is not from a browser page and passes (other
/// clients do not send it); `*` allows every origin.
///
/// ```swift
/// let policy = OriginPolicy(allowed: ["https://dash.example.com"])
/// policy.allows(origin: "https://dash.example.com", host: "pglive.example.com")   // true
/// policy.allows(origin: "https://evil.example", host: "pglive.example.com")       // false
/// ```
public struct OriginPolicy: Sendable, Equatable {
    /// The origins allowed besides the server's own, as `scheme://host[:port]`, lowercased.
    public let allowed: Set<String>

    /// Creates a policy.
    /// - Parameter allowed: origins such as `https://dash.example.com`, or `*` for any.
    public init(allowed: [String] = []) {
        self.allowed = Set(allowed.map { $0.lowercased().trimmingSuffix("/") })
    }

    /// `pglive demo`'s policy: its own origin and pages on this machine, any port.
    public static let localPages = OriginPolicy(allowed: ["http://localhost:*", "http://127.0.0.1:*"])

    /// Whether a request with this `Origin` and `Host` may upgrade.
    /// - Parameters:
    ///   - origin: the `Origin` header, if any.
    ///   - host: the `Host` header, if any.
    public func allows(origin: String?, host: String?) -> Bool {
        guard let origin = origin?.lowercased().trimmingSuffix("/") else { return true }
        if allowed.contains("*") || allowed.contains(origin) { return true }
        guard let separator = origin.range(of: "://") else { return false }
        let authority = String(origin[separator.upperBound...])
        if let host, authority == host.lowercased() { return true }
        let anyPort = String(origin[..<separator.upperBound]) + authority.prefix { $0 != ":" } + ":*"
        return allowed.contains(anyPort)
    }
}

extension String {
    /// The string without one trailing `suffix`.
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

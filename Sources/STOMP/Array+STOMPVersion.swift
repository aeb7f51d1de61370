extension Array where Element == STOMPVersion {
    /// The versions as a `version` or `accept-version` header value, e.g. `1.0,1.1,1.2`.
    var headerValue: String {
        self.map(\.rawValue).joined(separator: ",")
    }
}

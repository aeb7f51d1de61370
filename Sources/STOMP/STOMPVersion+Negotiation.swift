extension STOMPVersion {
    /// Picks the version for a connection from the client's `accept-version` header.
    ///
    /// The header is a comma-separated list in any order; blanks around entries are
    /// ignored, as are versions this module does not know. The highest version that both
    /// sides support wins. A client that sends no `accept-version` speaks STOMP 1.0.
    ///
    /// ```swift
    /// let version = try STOMPVersion.negotiate(acceptVersion: connect.headers["accept-version"])
    /// parser.version = version
    /// ```
    ///
    /// - Parameters:
    ///   - acceptVersion: The value of the client's `accept-version` header, or `nil` when
    ///     the header is absent.
    ///   - supported: The versions the server accepts; all of them by default.
    /// - Returns: The highest version in both lists.
    /// - Throws: ``STOMPProtocolError/unsupportedVersion(offered:supported:)`` when the
    ///   lists have no version in common; its ERROR frame carries a `version` header listing
    ///   `supported`.
    public static func negotiate(
        acceptVersion: String?,
        supported: [STOMPVersion] = STOMPVersion.allCases
    ) throws(STOMPProtocolError) -> STOMPVersion {
        let offered: [STOMPVersion] =
            if let acceptVersion {
                acceptVersion.split(separator: ",").compactMap {
                    STOMPVersion(rawValue: String($0.trimmingBlanks))
                }
            } else {
                [.v1_0]
            }
        guard let version = offered.filter(supported.contains).max() else {
            throw .unsupportedVersion(offered: acceptVersion ?? "", supported: supported.sorted())
        }
        return version
    }
}

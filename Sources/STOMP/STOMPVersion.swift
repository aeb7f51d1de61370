/// A version of the STOMP protocol.
///
/// Versions are ordered, so the highest common one can be picked during negotiation.
/// The version decides how header names and values are escaped on the wire.
///
/// ```swift
/// STOMPVersion.v1_2 > .v1_1 // true
/// STOMPVersion(rawValue: "1.1") // .v1_1
/// ```
public enum STOMPVersion: String, Sendable, Hashable, CaseIterable, Comparable {
    /// STOMP 1.0: no header escaping.
    case v1_0 = "1.0"
    /// STOMP 1.1: escapes `\n`, `:` and `\` in headers.
    case v1_1 = "1.1"
    /// STOMP 1.2: escapes `\r`, `\n`, `:` and `\` in headers.
    case v1_2 = "1.2"

    /// Orders versions from oldest to newest.
    ///
    /// - Parameters:
    ///   - lhs: One version.
    ///   - rhs: The other version.
    public static func < (lhs: STOMPVersion, rhs: STOMPVersion) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .v1_0: 0
        case .v1_1: 1
        case .v1_2: 2
        }
    }
}

import Foundation

/// An option a command also takes from the environment (`PGLIVE_<NAME>`) or from a
/// configuration file (`name = value`), under the same name as its flag.
public struct Setting: Sendable, Hashable {
    /// How an option takes values.
    public enum Kind: Sendable, Hashable {
        /// One value; the last one given wins.
        case value
        /// Any number of values (`--user` …).
        case repeatable
        /// A flag without a value; in files and the environment `true` or `false`.
        case flag
    }

    /// The long option name without dashes, e.g. `http-port`.
    public let name: String
    /// How it takes values.
    public let kind: Kind

    /// Creates a setting.
    /// - Parameters:
    ///   - name: the long option name without dashes.
    ///   - kind: how it takes values.
    public init(_ name: String, _ kind: Kind = .value) {
        self.name = name
        self.kind = kind
    }

    /// Its environment variable: `PGLIVE_` and the name in upper case with `_` for `-`.
    public var environmentName: String {
        "PGLIVE_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The settings of `pglive serve`; a test keeps this list equal to `pglive serve --help`.
    public static let serve: [Setting] = [
        Setting("database-url"), Setting("host"), Setting("http-port"), Setting("stomp-port"),
        Setting("user", .repeatable), Setting("allow-anonymous", .flag), Setting("auto-create-topics", .flag),
        Setting("drain-seconds"), Setting("shutdown-timeout"), Setting("prune-interval"), Setting("log-level"),
        Setting("jwt-secret-file"), Setting("jwt-public-key-file", .repeatable), Setting("jwt-jwks-file", .repeatable),
        Setting("jwt-issuer"), Setting("jwt-audience"), Setting("jwt-clock-skew"), Setting("anonymous-access"),
        Setting("allowed-origin", .repeatable),
        Setting("max-sessions"), Setting("max-sessions-per-ip"), Setting("connect-timeout"), Setting("max-send-rate"),
        Setting("send-burst"), Setting("max-subscriptions"), Setting("max-body-size"), Setting("max-header-count"),
        Setting("max-http-streams"), Setting("http-idle-timeout"), Setting("max-queued-bytes"), Setting("slow-consumer-policy"), Setting("tls-certificate-file"), Setting("tls-key-file"),
    ]
}

import Foundation

/// The session holding the migration lock, from `pg_locks` and `pg_stat_activity`.
public struct MigrationLockHolder: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The backend process id.
    public var pid: Int32
    /// The session's `application_name`.
    public var applicationName: String
    /// The client's address, `nil` for a Unix-socket connection.
    public var clientAddress: String?
    /// When the session connected (PostgreSQL does not record when a lock was granted).
    public var connectedSince: Date?

    /// Creates a holder description.
    /// - Parameters:
    ///   - pid: backend pid.
    ///   - applicationName: `application_name`.
    ///   - clientAddress: client address.
    ///   - connectedSince: backend start time.
    public init(pid: Int32, applicationName: String, clientAddress: String?, connectedSince: Date?) {
        self.pid = pid
        self.applicationName = applicationName
        self.clientAddress = clientAddress
        self.connectedSince = connectedSince
    }

    /// `pid 4242 (pglive migrate) from 127.0.0.1, connected since 2026-11-26T12:00:00Z`.
    public var description: String {
        var text = "pid \(pid)"
        if !applicationName.isEmpty { text += " (\(applicationName))" }
        text += " from \(clientAddress ?? "local socket")"
        if let connectedSince { text += ", connected since \(connectedSince.formatted(.iso8601))" }
        return text
    }
}

/// Why a private PostgreSQL server could not be started.
public struct PrivatePostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and, where possible, what to do about it.
    public var description: String

    init(_ description: String) { self.description = description }
}

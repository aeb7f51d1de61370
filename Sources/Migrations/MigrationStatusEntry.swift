/// The state of one migration, for `status`: a file, a history row, or both.
public struct MigrationStatusEntry: Sendable, Hashable {
    /// What the file and its history row say together.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Applied, and the file is unchanged.
        case applied
        /// Not applied yet, newer than every applied file.
        case pending
        /// Not applied yet, older than an applied file; `up` needs `--allow-out-of-order`.
        case outOfOrder = "out-of-order"
        /// Applied, but the file's checksum changed since.
        case modified
        /// Applied (or attempted), but the file is gone.
        case missing
        /// The last attempt failed; a no-transaction file may be partly applied.
        case failed
    }

    /// The version.
    public let version: MigrationVersion
    /// The file name.
    public let name: String
    /// The state.
    public let state: State
    /// The file, if it exists.
    public let file: MigrationFile?
    /// The history row, if there is one.
    public let record: MigrationHistoryRecord?

    /// Whether `status --exit-code` counts this entry as needing attention.
    public var needsAttention: Bool { state != .applied }
}

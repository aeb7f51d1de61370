import PostgresLibPQ

/// Applies, rolls back and inspects migrations on one database connection.
///
/// Every command that writes takes the migration lock (``MigrationLock``) first and
/// reads the history only after acquiring it, so a second runner that waited finds the
/// first one's work and does not repeat it. The runner is synchronous: it belongs to
/// the thread that owns the connection.
///
/// ```swift
/// let folder = try MigrationFolder.load(path: "migrations")
/// let runner = MigrationRunner(connection: connection, folder: folder) { event in print(event) }
/// let applied = try runner.up()
/// ```
public struct MigrationRunner {
    let connection: PGConnection
    let folder: MigrationFolder
    let lockTimeout: Duration
    let report: (MigrationEvent) -> Void

    /// Creates a runner.
    /// - Parameters:
    ///   - connection: the database connection; the runner uses it for its whole work.
    ///   - folder: the migration files.
    ///   - lockTimeout: how long to wait for another run to release the migration lock.
    ///   - report: receives progress events, on the calling thread.
    public init(
        connection: PGConnection, folder: MigrationFolder, lockTimeout: Duration = .seconds(60),
        report: @escaping (MigrationEvent) -> Void = { _ in }
    ) {
        self.connection = connection
        self.folder = folder
        self.lockTimeout = lockTimeout
        self.report = report
    }

    /// The state of every file and history row; takes no lock and writes nothing.
    /// - Returns: one entry per version, in version order.
    public func status() throws -> [MigrationStatusEntry] {
        MigrationStatusEntry.classify(files: folder.files, history: try history.load())
    }

    var history: MigrationHistory { MigrationHistory(connection: connection) }

    /// Runs `body` under the migration lock with the history table present and loaded.
    func withLockedHistory<T>(_ body: ([MigrationHistoryRecord]) throws -> T) throws -> T {
        try MigrationLock(connection: connection, timeout: lockTimeout, report: report).withLock {
            try history.createIfMissing()
            return try body(try history.load())
        }
    }

    /// Refuses to run anything while validation finds errors in the folder.
    func refuseInvalidFiles() throws(MigrationError) {
        let errors = folder.allProblems.filter(\.isError)
        guard errors.isEmpty else { throw .invalidFiles(errors) }
    }

    /// Reports history rows whose file is gone, as warnings.
    func reportMissingFiles(_ records: [MigrationHistoryRecord]) {
        for record in MigrationPlanner.missingFiles(files: folder.files, history: records) {
            report(.warning("\(record.name) is recorded in \(MigrationHistory.table) but missing from \(folder.path)"))
        }
    }
}

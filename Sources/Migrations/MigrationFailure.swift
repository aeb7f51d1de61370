import PostgresLibPQ

/// Where and why a migration statement failed.
public struct MigrationFailure: Sendable, Equatable {
    /// The file name.
    public let file: String
    /// The section that was running.
    public let direction: MigrationDirection
    /// The 1-based statement number in the section, or `nil` when `COMMIT` failed.
    public let statement: Int?
    /// The file line of the error (from PostgreSQL's error position), or of the statement.
    public let line: Int?
    /// The server's error.
    public let error: PostgresError

    /// Creates a failure.
    /// - Parameters:
    ///   - file: the file name.
    ///   - direction: up or down.
    ///   - statement: the failing statement's number, `nil` for the commit.
    ///   - line: the file line.
    ///   - error: the server's error.
    public init(file: String, direction: MigrationDirection, statement: Int?, line: Int?, error: PostgresError) {
        self.file = file
        self.direction = direction
        self.statement = statement
        self.line = line
        self.error = error
    }

    /// The failure of one statement, with the file line computed from the error position.
    /// - Parameters:
    ///   - statement: the statement that failed.
    ///   - file: the file it belongs to.
    ///   - direction: up or down.
    ///   - error: the server's error.
    public init(statement: MigrationStatement, of file: MigrationFile, direction: MigrationDirection, error: PostgresError) {
        self.init(
            file: file.name, direction: direction, statement: statement.number,
            line: statement.fileLine(ofErrorPosition: error.position), error: error)
    }
}

extension MigrationFailure: CustomStringConvertible {
    /// `0002_orders.sql:7: up statement 2 failed: 42P01: relation "nope" does not exist`.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let what = statement.map { "\(direction) statement \($0) failed" } ?? "recording or committing the \(direction) section failed"
        return "\(location): \(what): \(error.description)"
    }
}

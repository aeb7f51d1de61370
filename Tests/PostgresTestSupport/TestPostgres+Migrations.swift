import Foundation
import Migrations
import PostgresLibPQ

extension TestPostgres {
    /// The project's own `migrations/` folder.
    public static let projectMigrations: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("migrations").path

    /// A fresh database with the project's migrations applied.
    /// - Parameter label: a readable part of the database name.
    public static func makeMigratedDatabase(label: String) throws -> TestDatabase {
        let database = try makeDatabase(label: label)
        try migrate(database)
        return database
    }

    /// Applies the project's migrations to a database.
    /// - Parameter database: the database.
    public static func migrate(_ database: TestDatabase) throws {
        let runner = MigrationRunner(
            connection: try database.connect(), folder: try MigrationFolder.load(path: projectMigrations),
            lockTimeout: .seconds(60), report: { _ in })
        try runner.up()
    }
}

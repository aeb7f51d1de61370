import Foundation
import Migrations

/// A migration folder in the system temp directory, removed when the value goes away.
final class TemporaryMigrationFolder {
    let path: String

    /// Creates the folder with files.
    /// - Parameter files: file name to contents.
    init(_ files: [String: String] = [:]) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pglive-migrations-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in files { try write(name, contents) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes (or replaces) a file.
    func write(_ name: String, _ contents: String) throws {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent(name))
    }

    /// Removes a file.
    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))
    }

    /// The parsed folder.
    func load() throws -> MigrationFolder {
        try MigrationFolder.load(path: path)
    }
}

import Foundation

/// Creates new migration files (`pglive migrate new NAME`).
///
/// ```swift
/// let path = try MigrationScaffold.create(name: "add_orders", in: "migrations")
/// // migrations/20261126120000_add_orders.sql
/// ```
public enum MigrationScaffold {
    /// The contents of a new file: comments, an empty up section and a down section.
    public static let template = """
        -- Up: statements end with ';'. Each file runs in one transaction; for statements such as
        -- CREATE INDEX CONCURRENTLY, put the directive '\(MigrationFile.noTransactionDirective)' on a line of its own.


        \(MigrationFile.downMarker)


        """

    /// The name of a new file: the UTC timestamp of `date` as version, one second later
    /// for each version already taken. Pure.
    /// - Parameters:
    ///   - name: the name part; lower-case letters, digits and underscores.
    ///   - date: the creation time.
    ///   - taken: versions already in the folder.
    /// - Returns: the new file's name.
    public static func fileName(name: String, at date: Date, taken: Set<MigrationVersion>) throws(MigrationError) -> MigrationFileName {
        guard MigrationFileName.isValidName(name) else { throw .invalidName(name) }
        var moment = date
        while true {
            let version = MigrationVersion(timestamp(moment))!
            if !taken.contains(version) { return MigrationFileName(version: version, name: name) }
            moment += 1
        }
    }

    /// Writes a new file into a folder, creating the folder if needed.
    /// - Parameters:
    ///   - name: the name part.
    ///   - path: the migrations folder.
    ///   - date: the creation time.
    /// - Returns: the new file's path.
    public static func create(name: String, in path: String, at date: Date = Date()) throws(MigrationError) -> String {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .fileNotWritable(path: path, reason: error.localizedDescription)
        }
        let taken = try MigrationFolder.load(path: path).files.map(\.version)
        let fileName = try fileName(name: name, at: date, taken: Set(taken))
        let filePath = (path as NSString).appendingPathComponent(fileName.fileName)
        guard manager.createFile(atPath: filePath, contents: Data(template.utf8)) else {
            throw .fileNotWritable(path: filePath, reason: "the file could not be created")
        }
        return filePath
    }

    /// `yyyyMMddHHmmss` in UTC.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let values = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0 ?? 0 }
        return String(format: "%04d%02d%02d%02d%02d%02d", values[0], values[1], values[2], values[3], values[4], values[5])
    }
}

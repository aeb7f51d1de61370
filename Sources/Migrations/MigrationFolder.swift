import Foundation

/// The migration files of a folder, parsed and sorted by version.
///
/// Files ending in `.sql` are migrations; other files (a README, for instance) are
/// ignored. Names that do not parse and duplicate versions are collected as
/// ``problems``; such files are left out of ``files``.
///
/// ```swift
/// let folder = try MigrationFolder.load(path: "migrations")
/// for file in folder.files { print(file.name, file.checksum) }
/// ```
public struct MigrationFolder: Sendable {
    /// The folder's path as given.
    public let path: String
    /// The parsed files in version order.
    public let files: [MigrationFile]
    /// Folder-level problems: bad names and duplicate versions.
    public let problems: [MigrationProblem]

    /// Creates a folder from parsed files, finding duplicate versions. Pure.
    /// - Parameters:
    ///   - path: the folder's path.
    ///   - files: parsed files in any order.
    ///   - invalidNames: `.sql` file names that did not parse.
    public init(path: String, files: [MigrationFile], invalidNames: [String] = []) {
        let byVersion = Dictionary(grouping: files, by: \.version)
        let duplicates = byVersion.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        self.path = path
        self.files = files.filter { byVersion[$0.version]?.count == 1 }.sorted { $0.version < $1.version }
        problems = invalidNames.sorted().map(MigrationProblem.invalidFileName)
            + duplicates.map { .duplicateVersion($0.key, files: $0.value.map(\.name).sorted()) }
    }

    /// Reads and parses every `.sql` file of a folder.
    /// - Parameter path: the folder, for example `migrations`.
    /// - Throws: ``MigrationError/folderUnreadable(path:reason:)`` if the folder or a file cannot be read.
    public static func load(path: String) throws(MigrationError) -> MigrationFolder {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .folderUnreadable(path: path, reason: Self.reason(error))
        }
        var files: [MigrationFile] = []
        var invalid: [String] = []
        for name in names where name.hasSuffix(MigrationFileName.fileExtension) && !name.hasPrefix(".") {
            guard let fileName = MigrationFileName(parsing: name) else {
                invalid.append(name)
                continue
            }
            let filePath = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw .folderUnreadable(path: filePath, reason: "cannot read the file")
            }
            files.append(MigrationFile(fileName: fileName, contents: Array(data)))
        }
        return MigrationFolder(path: path, files: files, invalidNames: invalid)
    }

    /// The folder's problems and those of its files, errors and warnings.
    public var allProblems: [MigrationProblem] {
        problems + MigrationValidator.problems(in: files)
    }

    /// The file with this version, if there is one.
    /// - Parameter version: the version to look up.
    public func file(_ version: MigrationVersion) -> MigrationFile? {
        files.first { $0.version == version }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

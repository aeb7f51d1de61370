/// A migration file name, `<version>_<name>.sql`, taken apart.
///
/// The name part is lower-case ASCII letters, digits and underscores, starting with a
/// letter or digit, at most ``maximumNameLength`` characters; `new` enforces the same rule.
///
/// ```swift
/// let name = MigrationFileName(parsing: "0001_create_pglive_schema.sql")
/// // name?.version.value == 1, name?.name == "create_pglive_schema"
/// ```
public struct MigrationFileName: Sendable, Hashable {
    /// The longest accepted name part.
    public static let maximumNameLength = 100
    /// The file extension, with its dot.
    public static let fileExtension = ".sql"

    /// The version before the first underscore.
    public let version: MigrationVersion
    /// The descriptive part between the underscore and `.sql`.
    public let name: String

    /// Parses a file name.
    /// - Parameter fileName: the last path component, for example `0001_init.sql`.
    /// - Returns: `nil` if it does not have the form `<version>_<name>.sql`.
    public init?(parsing fileName: String) {
        guard fileName.hasSuffix(Self.fileExtension),
              let underscore = fileName.firstIndex(of: "_"),
              let version = MigrationVersion(fileName[..<underscore])
        else { return nil }
        let name = String(fileName[fileName.index(after: underscore)...].dropLast(Self.fileExtension.count))
        guard Self.isValidName(name) else { return nil }
        self.version = version
        self.name = name
    }

    /// Creates a file name from its parts.
    /// - Parameters:
    ///   - version: the version.
    ///   - name: a name that passes ``isValidName(_:)``.
    public init(version: MigrationVersion, name: String) {
        self.version = version
        self.name = name
    }

    /// The file name, `<version>_<name>.sql`.
    public var fileName: String { "\(version.text)_\(name)\(Self.fileExtension)" }

    /// Whether `name` is usable as the name part of a migration file.
    /// - Parameter name: the candidate, for example `add_orders_index`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= maximumNameLength, isLowerAlphanumeric(first) else {
            return false
        }
        return name.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

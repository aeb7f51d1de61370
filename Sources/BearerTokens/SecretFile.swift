import Foundation

/// Reads a shared secret from a file (or an environment variable), so it never appears in
/// a command line, `ps` or a log.
public enum SecretFile {
    /// The secret in a file, without trailing line breaks and spaces.
    ///
    /// ```swift
    /// let secret = try SecretFile.read(path: "/run/secrets/pglive-jwt")
    /// ```
    ///
    /// - Parameters:
    ///   - path: The file.
    /// - Throws: What reading the file throws.
    public static func read(path: String) throws -> [UInt8] {
        self.trimmed(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// A secret's bytes without trailing `\n`, `\r`, spaces and tabs.
    ///
    /// - Parameters:
    ///   - bytes: The secret as written.
    public static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while let last = bytes.last, [0x0A, 0x0D, 0x20, 0x09].contains(last) {
            bytes.removeLast()
        }
        return bytes
    }
}

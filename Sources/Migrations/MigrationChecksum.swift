import Crypto

/// The SHA-256 checksums pglive records for migration files.
///
/// Line endings are normalised first (`\r\n` and a lone `\r` become `\n`), so a file
/// checked out with Windows line endings has the checksum of its Unix copy.
///
/// ```swift
/// MigrationChecksum.of(file: Array("SELECT 1;\r\n".utf8)) == MigrationChecksum.of(file: Array("SELECT 1;\n".utf8))
/// ```
public enum MigrationChecksum {
    /// The checksum of a file's contents.
    /// - Parameter bytes: the file as read from disk.
    /// - Returns: lower-case hex SHA-256 of the contents with normalised line endings.
    public static func of(file bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: normalisingLineEndings(bytes)))
    }

    /// The checksum of statements that already ran, used to resume a no-transaction
    /// file only if those statements are unchanged.
    /// - Parameter statements: the statements' texts in order.
    /// - Returns: lower-case hex SHA-256 of the texts, each followed by a NUL byte.
    public static func of(statements: [String]) -> String {
        var hasher = SHA256()
        for statement in statements {
            hasher.update(data: Array(statement.utf8) + [0])
        }
        return hex(hasher.finalize())
    }

    /// The bytes with `\r\n` and lone `\r` replaced by `\n`.
    /// - Parameter bytes: text in any line-ending convention.
    public static func normalisingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

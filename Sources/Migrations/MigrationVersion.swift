/// The version of a migration file: the digits before the first `_` of its name.
///
/// Either a 14-digit UTC timestamp (`20261126120000`) or a zero-padded number
/// (`0001`). Versions compare numerically, so `0002` sorts before `20261126120000`
/// and `0001` equals `1` (two files with equal versions are a duplicate).
///
/// ```swift
/// let version = MigrationVersion("0007")   // value 7, text "0007"
/// ```
public struct MigrationVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most digits a version may have, so that it fits a PostgreSQL `bigint`.
    public static let maximumDigits = 18

    /// The numeric value, the key of the history table.
    public let value: Int64
    /// The digits as written in the file name.
    public let text: String

    /// Parses a version.
    /// - Parameter text: 1 to 18 ASCII digits.
    /// - Returns: `nil` if `text` is not such a run of digits.
    public init?(_ text: some StringProtocol) {
        guard (1...Self.maximumDigits).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int64(text)
        else { return nil }
        self.value = value
        self.text = String(text)
    }

    /// A version for a number whose file name is unknown (a history row without a file).
    /// - Parameter value: the number; its decimal digits become the text.
    public init(value: Int64) {
        self.value = value
        text = String(value)
    }

    /// The digits as written in the file name.
    public var description: String { text }

    /// Equal when the numbers are equal (`0001 == 1`).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }

    /// Hashes the number, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Orders by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

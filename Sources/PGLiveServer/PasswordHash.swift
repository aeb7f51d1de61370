import Crypto
import CryptoExtras
import Foundation

/// A salted, slow password hash for static users, in the modular crypt form
/// `$pbkdf2-sha512$ROUNDS$SALT$HASH` (salt and hash in unpadded base64), so configuration
/// files hold no password. PBKDF2-HMAC-SHA512 with at least 210,000 rounds is what OWASP's
/// password storage cheat sheet recommends for PBKDF2. scrypt (also in swift-crypto) is
/// memory-hard, but at OWASP's parameters each login takes 128 MiB, which lets a burst of
/// CONNECT frames exhaust the server's memory.
///
/// ```swift
/// let stored = PasswordHash.make(password: "s3cret")   // "$pbkdf2-sha512$210000$…$…"
/// try PasswordHash(stored).verify("s3cret")           // true
/// ```
public struct PasswordHash: Sendable, Hashable {
    /// The scheme's name in the string.
    static let scheme = "pbkdf2-sha512"
    /// The fewest rounds accepted, and the default.
    public static let minimumRounds = 210_000
    /// The derived key's length: SHA-512's output.
    static let hashByteCount = 64

    /// The rounds of PBKDF2.
    let rounds: Int
    /// The random salt.
    let salt: [UInt8]
    /// The derived key.
    let hash: [UInt8]

    /// Parses a stored hash.
    ///
    /// - Parameters:
    ///   - text: `$pbkdf2-sha512$ROUNDS$SALT$HASH`.
    /// - Returns: `nil` when `text` is not in that form (then it is a plain password), or
    ///   has fewer than ``minimumRounds`` rounds, a salt under 16 bytes or a hash of another length.
    public init?(_ text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == Self.scheme,
            let rounds = Int(parts[2]), rounds >= Self.minimumRounds,
            let salt = Self.decode(parts[3]), salt.count >= 16,
            let hash = Self.decode(parts[4]), hash.count == Self.hashByteCount
        else {
            return nil
        }
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    /// Hashes a password with a fresh 16-byte salt.
    ///
    /// - Parameters:
    ///   - password: The password.
    ///   - rounds: PBKDF2 rounds; at least ``minimumRounds``.
    /// - Returns: The string to store.
    public static func make(password: String, rounds: Int = minimumRounds) -> String {
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let hash = Self.derive(password, salt: salt, rounds: max(rounds, Self.minimumRounds))
        return "$\(Self.scheme)$\(max(rounds, Self.minimumRounds))$\(Self.encode(salt))$\(Self.encode(hash))"
    }

    /// Whether `password` is the one hashed; slow on purpose (tenths of a second).
    ///
    /// - Parameters:
    ///   - password: The password a client sent.
    public func verify(_ password: String) -> Bool {
        Self.constantTimeEqual(Self.derive(password, salt: self.salt, rounds: self.rounds), self.hash)
    }

    /// PBKDF2-HMAC-SHA512.
    private static func derive(_ password: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        // Only fails for rounds below the minimum, which neither caller passes.
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha512, outputByteCount: Self.hashByteCount, rounds: rounds)
        return key?.withUnsafeBytes { Array($0) } ?? []
    }

    /// Compares without an early exit, so the time taken tells nothing about the password.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        for index in 0..<max(lhs.count, rhs.count) {
            difference |= (index < lhs.count ? lhs[index] : 0) ^ (index < rhs.count ? rhs[index] : 0)
        }
        return difference == 0
    }

    /// Unpadded base64.
    private static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// Unpadded (or padded) base64, `nil` when malformed.
    private static func decode(_ text: Substring) -> [UInt8]? {
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }
}

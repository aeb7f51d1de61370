import Crypto
import Dispatch
import Synchronization

/// Checks passwords against ``PasswordHash``es off the Swift concurrency pool, and
/// remembers the last password verified per login as an HMAC under a key made at start,
/// so a client reconnecting with the same password costs a microsecond, not the hash.
///
/// The memory holds at most one MAC per static user. Someone who can read the process's
/// memory also reads the key, so the MACs protect no more than the running server does;
/// the configuration files, where the hashes live, stay safe.
final class VerifiedPasswords: Sendable {
    /// The key of the MACs, random per process.
    private let key = SymmetricKey(size: .bits256)
    /// The MAC of the last verified password, by login.
    private let remembered = Mutex<[String: [UInt8]]>([:])

    /// Whether `password` is the one `hash` was made from.
    ///
    /// - Parameters:
    ///   - password: What the client sent.
    ///   - login: Whose password it is.
    ///   - hash: The stored hash of that login.
    func check(_ password: String, of login: String, against hash: PasswordHash) async -> Bool {
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Array(password.utf8), using: self.key))
        if let known = self.remembered.withLock({ $0[login] }), PasswordHash.constantTimeEqual(known, mac) {
            return true
        }
        // Tenths of a second of CPU: on a Dispatch thread, so sessions keep being served.
        let matches = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: hash.verify(password)) }
        }
        if matches {
            self.remembered.withLock { $0[login] = mac }
        }
        return matches
    }
}

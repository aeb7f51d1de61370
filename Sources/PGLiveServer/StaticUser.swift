/// A user of `--user NAME:PASSWORD` or `--user 'NAME:$pbkdf2-sha512$…'` (a
/// ``PasswordHash`` from `pglive hash-password`, so the configuration holds no password).
///
/// ```swift
/// let user = try StaticUser(argument: "alice:s3cret:with:colons") // password "s3cret:with:colons"
/// ```
public struct StaticUser: Sendable, Hashable {
    /// How the password is kept.
    public enum Credential: Sendable, Hashable {
        /// The password itself.
        case plain(String)
        /// Its salted hash.
        case hashed(PasswordHash)
    }

    /// The login.
    public let name: String
    /// The password or its hash.
    public let credential: Credential

    /// Parses `NAME:PASSWORD`; the password is everything after the first colon, and is a
    /// hash when it has the form of one.
    ///
    /// - Parameters:
    ///   - argument: The flag's value.
    /// - Throws: ``ServerError/invalidUser(_:)`` without a colon or with an empty name.
    public init(argument: String) throws(ServerError) {
        guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else {
            // Never the argument itself: it may be a password.
            throw .invalidUser(argument.firstIndex(of: ":").map { String(argument[..<$0]) } ?? "")
        }
        self.name = String(argument[..<colon])
        let secret = String(argument[argument.index(after: colon)...])
        self.credential = PasswordHash(secret).map(Credential.hashed) ?? .plain(secret)
    }
}

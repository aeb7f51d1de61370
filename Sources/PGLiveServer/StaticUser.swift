/// A user of `--user NAME:PASSWORD`.
///
/// ```swift
/// let user = try StaticUser(argument: "alice:s3cret:with:colons") // password "s3cret:with:colons"
/// ```
public struct StaticUser: Sendable, Hashable {
    /// The login.
    public let name: String
    /// The passcode.
    public let password: String

    /// Parses `NAME:PASSWORD`; the password is everything after the first colon.
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
        self.password = String(argument[argument.index(after: colon)...])
    }
}

/// Decides whether a `CONNECT` frame's credentials open a session: static users from
/// `--user NAME:PASSWORD`, and anonymous clients when `--allow-anonymous` is given.
///
/// ```swift
/// let authenticator = Authenticator(users: [try StaticUser(argument: "alice:secret")], allowsAnonymous: false)
/// authenticator.accepts(login: "alice", passcode: "secret") // true
/// ```
public struct Authenticator: Sendable {
    /// The passwords by login.
    private let passwords: [String: String]
    /// Whether a `CONNECT` without `login` is accepted.
    public let allowsAnonymous: Bool

    /// Creates an authenticator.
    ///
    /// - Parameters:
    ///   - users: The static users; a later entry for the same name wins.
    ///   - allowsAnonymous: Whether clients without a `login` may connect.
    public init(users: [StaticUser], allowsAnonymous: Bool) {
        self.passwords = Dictionary(users.map { ($0.name, $0.password) }, uniquingKeysWith: { _, last in last })
        self.allowsAnonymous = allowsAnonymous
    }

    /// Whether anyone at all can connect: some user is configured or anonymous access is on.
    public var admitsAnyone: Bool {
        self.allowsAnonymous || !self.passwords.isEmpty
    }

    /// Whether these credentials open a session.
    ///
    /// - Parameters:
    ///   - login: The `login` header; `nil` or empty for an anonymous client.
    ///   - passcode: The `passcode` header.
    public func accepts(login: String?, passcode: String?) -> Bool {
        guard let login, !login.isEmpty else {
            return self.allowsAnonymous
        }
        guard let password = self.passwords[login], let passcode else {
            return false
        }
        return Array(password.utf8) == Array(passcode.utf8)
    }
}

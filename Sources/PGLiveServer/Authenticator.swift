import Authorization
import BearerTokens
import Foundation

/// Turns credentials into a ``Principal``, the same way for STOMP `CONNECT` and HTTP:
/// static users from `--user NAME:PASSWORD` (full access), bearer tokens (the access of
/// their `pglive` claim) when keys are configured, and anonymous clients when
/// `--allow-anonymous` is given (full access unless `--anonymous-access` says otherwise).
///
/// ```swift
/// let authenticator = Authenticator(users: [try StaticUser(argument: "alice:secret")], allowsAnonymous: false)
/// let principal = try await authenticator.authenticate(login: "alice", passcode: "secret", authorization: nil)
/// ```
public struct Authenticator: Sendable {
    /// The passwords or their hashes by login.
    private let passwords: [String: StaticUser.Credential]
    /// Hashed passwords recently verified, so a reconnecting client does not pay the hash again.
    private let verified = VerifiedPasswords()
    /// Whether a client without credentials is admitted.
    public let allowsAnonymous: Bool
    /// What an anonymous client may do.
    public let anonymousAccess: AccessPolicy
    /// Verifies bearer tokens; `nil` when no key is configured, so tokens are refused.
    public let tokens: TokenVerifier?

    /// Creates an authenticator.
    ///
    /// - Parameters:
    ///   - users: The static users; a later entry for the same name wins.
    ///   - allowsAnonymous: Whether clients without credentials may connect.
    ///   - anonymousAccess: What anonymous clients may do; everything by default.
    ///   - tokens: The token verifier, if tokens are accepted.
    public init(
        users: [StaticUser], allowsAnonymous: Bool, anonymousAccess: AccessPolicy = .unrestricted, tokens: TokenVerifier? = nil
    ) {
        self.passwords = Dictionary(users.map { ($0.name, $0.credential) }, uniquingKeysWith: { _, last in last })
        self.allowsAnonymous = allowsAnonymous
        self.anonymousAccess = anonymousAccess
        self.tokens = tokens
    }

    /// Whether anyone at all can connect: a user, a token key, or anonymous access.
    public var admitsAnyone: Bool {
        self.allowsAnonymous || !self.passwords.isEmpty || self.tokens != nil
    }

    /// Authenticates a STOMP `CONNECT`.
    ///
    /// An `Authorization: Bearer …` header (`authorization`) carries a token; so does a
    /// `passcode` shaped like a JWT when tokens are accepted (`login` is then ignored: any
    /// value or the subject). Otherwise `login` and `passcode` are a static user's; neither
    /// means an anonymous client.
    ///
    /// - Parameters:
    ///   - login: The `login` header.
    ///   - passcode: The `passcode` header.
    ///   - authorization: The `Authorization` header, if any.
    /// - Throws: ``AuthenticationFailure``.
    public func authenticate(login: String?, passcode: String?, authorization: String?) async throws(AuthenticationFailure) -> Principal {
        if let authorization {
            guard let token = BearerToken.fromAuthorization(authorization) else {
                throw .unsupportedScheme
            }
            return try await self.verify(token)
        }
        if let passcode, self.tokens != nil, BearerToken.looksLikeToken(passcode) {
            return try await self.verify(passcode)
        }
        guard let login, !login.isEmpty else {
            return try self.anonymous()
        }
        return try await self.user(login: login, password: passcode ?? "")
    }

    /// Authenticates an HTTP request by its `Authorization` header: `Basic` for static
    /// users, `Bearer` for tokens, none for anonymous access.
    ///
    /// - Parameters:
    ///   - authorization: The header's value, if any.
    /// - Throws: ``AuthenticationFailure``.
    public func authenticate(authorization: String?) async throws(AuthenticationFailure) -> Principal {
        guard let authorization else {
            return try self.anonymous()
        }
        if let token = BearerToken.fromAuthorization(authorization) {
            return try await self.verify(token)
        }
        guard let (login, password) = BasicCredentials.parse(authorization) else {
            throw .unsupportedScheme
        }
        return try await self.user(login: login, password: password)
    }

    /// The `WWW-Authenticate` challenges of a 401: `Bearer` when tokens are accepted (with
    /// `error="invalid_token"` when the failure was a token), `Basic` when users exist.
    ///
    /// - Parameters:
    ///   - failure: Why the request was refused.
    public func challenges(for failure: AuthenticationFailure) -> [String] {
        var challenges: [String] = []
        if self.tokens != nil {
            if case .invalidToken(let error) = failure {
                challenges.append(#"Bearer realm="pglive", error="invalid_token", error_description="\#(error.summary)""#)
            } else {
                challenges.append(#"Bearer realm="pglive""#)
            }
        }
        if !self.passwords.isEmpty || challenges.isEmpty {
            challenges.append(#"Basic realm="pglive", charset="UTF-8""#)
        }
        return challenges
    }

    private func anonymous() throws(AuthenticationFailure) -> Principal {
        guard self.allowsAnonymous else {
            throw .credentialsRequired
        }
        return Principal(kind: .anonymous, subject: "anonymous", access: self.anonymousAccess)
    }

    private func user(login: String, password: String) async throws(AuthenticationFailure) -> Principal {
        let matches: Bool
        switch self.passwords[login] {
        case nil:
            matches = false
        case .plain(let expected):
            matches = PasswordHash.constantTimeEqual(Array(expected.utf8), Array(password.utf8))
        case .hashed(let hash):
            matches = await self.verified.check(password, of: login, against: hash)
        }
        guard matches else {
            throw .wrongPassword
        }
        return Principal(kind: .user, subject: login, access: .unrestricted)
    }

    private func verify(_ token: String) async throws(AuthenticationFailure) -> Principal {
        guard let tokens = self.tokens else {
            throw .tokensNotAccepted
        }
        do {
            return try await tokens.verify(token)
        } catch {
            throw .invalidToken(error)
        }
    }

}

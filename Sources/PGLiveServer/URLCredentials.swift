import BearerTokens

/// Finds credentials in a URL's query, which pglive refuses: URLs land in access logs,
/// proxy logs and browser history (the token leak of postgres-websockets#84).
///
/// A parameter counts when its name is a usual credential name (`access_token`, `token`,
/// `jwt`, `bearer`, `auth`, `authorization`, `passcode`, `password`, `api_key`, `apikey`,
/// any case) or its value has the shape of a JWT.
enum URLCredentials {
    /// The names taken as credentials, lowercased.
    static let names: Set<String> = [
        "access_token", "token", "jwt", "bearer", "auth", "authorization", "passcode", "password", "api_key", "apikey",
    ]

    /// The name of the first parameter that carries credentials, or `nil`.
    ///
    /// - Parameters:
    ///   - parameters: The query's `(name, value)` pairs, percent-decoded.
    static func parameter(in parameters: [(String, String)]) -> String? {
        parameters.first { name, value in
            Self.names.contains(name.lowercased()) || BearerToken.looksLikeToken(value)
        }?.0
    }
}

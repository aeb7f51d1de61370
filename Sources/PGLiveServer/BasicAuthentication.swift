import Foundation
import HistoryAPI
import Hummingbird

/// Guards the REST routes with HTTP Basic authentication against the same users as STOMP
/// `CONNECT`; requests without credentials pass only when anonymous access is on.
struct BasicAuthentication<Context: RequestContext>: RouterMiddleware {
    /// Who may connect.
    let authenticator: Authenticator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            guard authenticator.allowsAnonymous else {
                throw HistoryError(.unauthorized, "credentials required: HTTP Basic with a --user login and password")
            }
            return try await next(request, context)
        }
        guard let (login, password) = Self.credentials(header), authenticator.accepts(login: login, passcode: password) else {
            throw HistoryError(.unauthorized, "wrong login or password")
        }
        return try await next(request, context)
    }

    /// The login and password of an `Authorization: Basic …` header, or `nil` for other schemes or malformed values.
    static func credentials(_ header: String) -> (String, String)? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

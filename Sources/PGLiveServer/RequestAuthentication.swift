import Authorization
import HistoryAPI
import Hummingbird
import Logging

/// Authenticates every request to the history API with the same identities as STOMP:
/// HTTP Basic for static users, `Authorization: Bearer` for tokens, nothing for anonymous
/// access; sets the context's principal or answers 401 with `WWW-Authenticate`.
///
/// Logs the subject of a refused token or login, never the credentials.
struct RequestAuthentication<Context: PrincipalRequestContext>: RouterMiddleware {
    /// Who may connect.
    let authenticator: Authenticator
    /// Where refusals are logged.
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let principal: Principal
        do {
            principal = try await self.authenticator.authenticate(authorization: request.headers[.authorization])
        } catch {
            self.logger.debug("HTTP authentication failed", metadata: ["reason": "\(error)", "path": "\(request.uri.path)"])
            var refusal = HistoryError(.unauthorized, error.detail)
            refusal.challenges = self.authenticator.challenges(for: error)
            throw refusal
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}

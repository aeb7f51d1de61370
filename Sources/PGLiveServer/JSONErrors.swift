import HistoryAPI
import Hummingbird

/// Turns the router's own failures (no route for the path: 404; a body it cannot read:
/// 4xx) into the same JSON error body every other HTTP error of pglive has, instead of
/// Hummingbird's empty response.
struct JSONErrors<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let code: HistoryError.Code = error.status == .notFound ? .notFound : .invalidParameter
            let message = error.status == .notFound
                ? "no route for \(request.method) \(request.uri.path)"
                : error.body ?? error.status.reasonPhrase
            throw HistoryError(code, message, detail: error.status == .notFound ? "GET /openapi.json describes the API" : nil)
        }
    }
}

import HistoryAPI
import Hummingbird

/// Turns the router's "no route for this path" (404) into the JSON error body every other
/// HTTP error of pglive has, instead of Hummingbird's empty response. Other `HTTPError`s
/// pass unchanged, keeping their own status.
struct JSONErrors<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            throw HistoryError(
                .notFound, "no route for \(request.method) \(request.uri.path)", detail: "GET /openapi.json describes the API")
        }
    }
}

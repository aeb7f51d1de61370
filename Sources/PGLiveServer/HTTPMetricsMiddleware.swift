import HTTPTypes
import Hummingbird
import Metrics

/// Counts every HTTP request by method, route template and status code, and times it by
/// method and route until its body is written (so a streamed export counts whole).
///
/// The route is the router's template, e.g. `/api/v1/topics/{topic}/events`, never the raw
/// path, so the series stay bounded; a request no route matches is `NotFound`. Add it to
/// the router before any route: Hummingbird applies a router's middleware to the routes
/// added after it.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Makes the instruments in the server's registry.
    let factory: DescribedMetricsFactory

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            let status = response.status
            let body = response.body
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer { self.record(request.method, route: context.endpointPath, status: status, since: start) }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            self.record(request.method, route: context.endpointPath, status: status, since: start)
            throw error
        }
    }

    /// Counts and times one finished request.
    private func record(_ method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        let labels = Self.labels(method: method, route: route)
        Counter(label: PGLiveMetric.httpRequests.rawValue, dimensions: labels + [("status", String(status.code))], factory: self.factory)
            .increment()
        Metrics.Timer(label: PGLiveMetric.httpDuration.rawValue, dimensions: labels, factory: self.factory)
            .record(duration: ContinuousClock.now - start)
    }

    /// The `method` and `route` labels of a request.
    ///
    /// - Parameters:
    ///   - method: The request's method.
    ///   - route: The matched route's template, `nil` when the router set none.
    static func labels(method: HTTPRequest.Method, route: String?) -> [(String, String)] {
        [("method", method.rawValue), ("route", route ?? "NotFound")]
    }
}

import Hummingbird

/// The live dashboard: one static page with its script and style sheet, compiled into the
/// binary and served at `/`.
///
/// The page logs in with HTTP Basic against `/api/v1`, lists the topics, shows a chosen
/// topic's rows (a `/rows` snapshot, then live changes over STOMP from the snapshot's
/// `Stream-Position`) in a table and a chart, resumes after a dropped connection from the
/// last position it received, and pulls history from `/events`.
///
/// ```swift
/// let router = Router()
/// Dashboard.addRoutes(to: router)
/// ```
public enum Dashboard {
    /// Adds `GET /`, `GET /dashboard.js` and `GET /dashboard.css`.
    ///
    /// Each answers with its `Content-Type`, `Cache-Control: no-cache` and a strong `ETag`
    /// derived from its bytes, and with `304 Not Modified` to a matching `If-None-Match`.
    /// The page holds no data and needs no credentials: the data it shows comes from the
    /// authenticated API.
    ///
    /// - Parameter router: The HTTP router to add the routes to.
    public static func addRoutes(to router: Router<some RequestContext>) {
        for asset in DashboardAsset.all {
            router.get(RouterPath(asset.path)) { request, context in
                try await asset.response(to: request, context: context)
            }
        }
    }
}

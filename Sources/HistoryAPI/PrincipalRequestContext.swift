import Authorization
import Hummingbird

/// A request context that carries who is asking, set by the server's authentication
/// middleware before the history routes run; the routes authorise and restrict by it.
///
/// ```swift
/// struct AppRequestContext: PrincipalRequestContext {
///     var coreContext: CoreRequestContextStorage
///     var principal: Principal?
///     init(source: Source) { self.coreContext = .init(source: source) }
/// }
/// ```
public protocol PrincipalRequestContext: RequestContext {
    /// The authenticated principal; `nil` until authentication ran, which the routes answer with 401.
    var principal: Principal? { get set }
}

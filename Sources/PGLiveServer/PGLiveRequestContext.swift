import Authorization
import HistoryAPI
import Hummingbird

/// The HTTP router's request context: Hummingbird's core storage and the principal that
/// ``RequestAuthentication`` sets for the history routes.
struct PGLiveRequestContext: PrincipalRequestContext {
    var coreContext: CoreRequestContextStorage
    var principal: Principal?

    init(source: Source) {
        self.coreContext = .init(source: source)
        self.principal = nil
    }
}

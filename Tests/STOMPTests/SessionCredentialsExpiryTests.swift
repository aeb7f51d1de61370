import NIOCore
import STOMP
import Testing

@Suite("Sessions whose credentials expire")
struct SessionCredentialsExpiryTests {
    /// A session connected at 0 ms whose credentials expire at `expiry` ms.
    static func session(expiringAt expiry: Int64, heartBeat: String = "0,0") -> STOMPSession {
        var session = STOMPSession()
        _ = session.receive("CONNECT\naccept-version:1.2\nheart-beat:\(heartBeat)\n\n\0", at: 0)
        _ = session.authenticated(until: .ms(expiry))
        return session
    }

    @Test("the next tick is the expiry when no heart-beat comes earlier")
    func nextTickIsTheExpiry() {
        #expect(Self.session(expiringAt: 5_000).nextTick == .ms(5_000))
        #expect(Self.session(expiringAt: 50_000, heartBeat: "0,10000").nextTick == .ms(10_000))
        #expect(STOMPSession.connected().nextTick == nil)
    }

    @Test("at the expiry the session sends ERROR token expired, flushes it and closes; nothing follows")
    func expiryEndsTheSession() {
        var session = Self.session(expiringAt: 5_000)
        #expect(session.tick(now: .ms(4_999)) == [])
        #expect(
            session.tick(now: .ms(5_000)) == [
                .error("token expired", "The session's token expired; connect again with a fresh one."),
                .close(.credentialsExpired),
            ])
        #expect(session.tick(now: .ms(6_000)) == [])
        #expect(session.receive("SEND\ndestination:/topic/a\n\nx\0", at: 6_000) == [])
    }

    @Test("heart-beats keep running until the expiry, and client traffic does not extend it")
    func heartBeatsUntilExpiry() {
        var session = Self.session(expiringAt: 25_000, heartBeat: "0,10000")
        #expect(session.tick(now: .ms(10_000)) == [.frame("\n")])
        #expect(session.receive("\n", at: 20_000) == [])
        #expect(session.tick(now: .ms(20_000)) == [.frame("\n")])
        #expect(session.nextTick == .ms(25_000))
        #expect(session.tick(now: .ms(25_000)).last == .close(.credentialsExpired))
    }
}

import STOMP
import Testing

@Suite("Heart-beats with explicit times")
struct SessionHeartBeatTests {
    static let timeout = STOMPSessionError.heartBeatTimeout(milliseconds: 20_000)

    @Test("a silent client times out after twice the interval; the close does not wait to flush")
    func timeout() {
        // Client sends every 10 s at best, server wants every 10 s: client-to-server 10 s.
        var session = STOMPSession.connected(heartBeat: "10000,0")
        #expect(session.heartBeat == STOMPHeartBeatIntervals(clientToServer: 10_000, serverToClient: 0))
        #expect(session.tick(now: .ms(19_999)) == [])
        #expect(
            session.tick(now: .ms(20_000)) == [
                .error("heart-beat timeout", "Nothing arrived from the client for 20000 ms."),
                .close(.error(Self.timeout), flushFirst: false),
            ]
        )
        #expect(session.tick(now: .ms(40_000)) == [])
    }

    @Test("any received bytes count: a heart-beat EOL or part of a frame")
    func bytesKeepAlive() {
        var session = STOMPSession.connected(heartBeat: "10000,0")
        #expect(session.receive("\n", at: 15_000) == [])
        #expect(session.receive("SEND\ndesti", at: 30_000) == [])
        #expect(session.tick(now: .ms(49_999)) == [])
        #expect(session.tick(now: .ms(50_000)).last == .close(.error(Self.timeout), flushFirst: false))
    }

    @Test("the grace factor is configurable")
    func graceFactor() {
        let configuration = STOMPSession.Configuration(serverVersion: "0.1.0", heartBeatTimeoutFactor: 3)
        var session = STOMPSession.connected(heartBeat: "10000,0", configuration: configuration)
        #expect(session.tick(now: .ms(29_999)) == [])
        #expect(session.tick(now: .ms(30_000)).last == .close(.error(.heartBeatTimeout(milliseconds: 30_000)), flushFirst: false))
    }

    @Test("the server writes an EOL when it wrote nothing for its interval")
    func emission() {
        // Client wants every 5 s, server can every 10 s at best: server-to-client 10 s.
        var session = STOMPSession.connected(heartBeat: "0,5000")
        #expect(session.heartBeat == STOMPHeartBeatIntervals(clientToServer: 0, serverToClient: 10_000))
        #expect(session.tick(now: .ms(9_999)) == [])
        #expect(session.tick(now: .ms(10_000)) == [.frame("\n")])
        #expect(session.tick(now: .ms(19_999)) == [])
        #expect(session.tick(now: .ms(20_000)) == [.frame("\n")])
        session.didWrite(now: .ms(25_000))
        #expect(session.tick(now: .ms(34_999)) == [])
        #expect(session.tick(now: .ms(35_000)) == [.frame("\n")])
    }

    @Test("a write reported late, before a later one, does not bring the next heart-beat forward")
    func lateWriteReport() {
        var session = STOMPSession.connected(heartBeat: "0,10000")
        session.didWrite(now: .ms(25_000))
        session.didWrite(now: .ms(21_000))
        #expect(session.tick(now: .ms(34_999)) == [])
        #expect(session.tick(now: .ms(35_000)) == [.frame("\n")])
    }

    @Test("nextTick is the earlier of the heart-beat and the silence deadline")
    func nextTick() {
        var session = STOMPSession.connected(heartBeat: "10000,10000", at: 1_000)
        #expect(session.nextTick == .ms(11_000))
        _ = session.tick(now: .ms(11_000))
        #expect(session.nextTick == .ms(21_000))
        _ = session.receive("\n", at: 12_000)
        session.didWrite(now: .ms(15_000))
        #expect(session.nextTick == .ms(25_000))
        session.didWrite(now: .ms(30_000))
        #expect(session.nextTick == .ms(32_000))
    }

    @Test("a client that declines both directions runs no heart-beats")
    func clientDeclines() {
        var session = STOMPSession.connected(heartBeat: "0,0")
        #expect(session.nextTick == nil)
        #expect(session.tick(now: .ms(1_000_000)) == [])
    }

    @Test("a server configured without heart-beats says 0,0 and runs none")
    func serverDeclines() {
        var session = STOMPSession(configuration: STOMPSession.Configuration(serverVersion: "0.1.0", heartBeat: .none))
        _ = session.receive("CONNECT\naccept-version:1.2\nheart-beat:1000,1000\n\n\0")
        #expect(session.authenticated().first == .frame("CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:pglive/0.1.0\nsession:s-1\n\n\0"))
        #expect(session.nextTick == nil)
    }

    @Test("STOMP 1.0 runs no heart-beats")
    func version10() {
        var session = STOMPSession.connected(.v1_0)
        #expect(session.nextTick == nil)
        #expect(session.tick(now: .ms(1_000_000)) == [])
    }

    @Test("heart-beats start with CONNECTED, not before: until then only the connect deadline is due")
    func notBeforeConnected() {
        var session = STOMPSession()
        _ = session.receive("CONNECT\naccept-version:1.2\nheart-beat:10000,10000\n\n\0")
        #expect(session.nextTick == .ms(10_000))
        #expect(session.tick(now: .ms(9_999)) == [])
    }

    @Test("heart-beats continue while DISCONNECT waits for earlier frames")
    func whileDisconnecting() {
        var session = STOMPSession.connected(heartBeat: "10000,10000")
        _ = session.receive("SEND\ndestination:/topic/a\n\nx\0DISCONNECT\n\n\0")
        #expect(session.tick(now: .ms(10_000)) == [.frame("\n")])
    }

    @Test("a client heart-beat of Int.max ms saturates the silence deadline instead of trapping")
    func hugeClientInterval() {
        // Used to trap (integer overflow of interval × timeout factor) at the first tick,
        // taking the whole process down, from one CONNECT header.
        var session = STOMPSession.connected(heartBeat: "9223372036854775807,1")
        #expect(session.heartBeat == STOMPHeartBeatIntervals(clientToServer: .max, serverToClient: 10_000))
        #expect(session.nextTick == .ms(10_000))
        #expect(session.tick(now: .ms(10_000)) == [.frame("\n")])
        #expect(session.tick(now: .ms(31_536_000_000)) == [.frame("\n")])
    }
}

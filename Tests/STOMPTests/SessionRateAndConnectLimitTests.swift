import NIOCore
import STOMP
import Testing

@Suite("The connect deadline and the SEND rate limit")
struct SessionRateAndConnectLimitTests {
    static let timeoutDetail = "No CONNECT frame was sent and accepted within 10000 ms of opening the connection."

    @Test("a connection that never sends CONNECT gets ERROR connect timeout at the deadline, flushed, then closed")
    func silentConnectionTimesOut() {
        var session = STOMPSession()
        #expect(session.nextTick == .ms(10_000))
        #expect(session.tick(now: .ms(9_999)) == [])
        #expect(
            session.tick(now: .ms(10_000)) == [
                .error("connect timeout", Self.timeoutDetail), .close(.connectTimeout(milliseconds: 10_000)),
            ])
        #expect(session.nextTick == nil)
        #expect(session.receive("CONNECT\naccept-version:1.2\n\n\0", at: 10_001) == [])
    }

    @Test("bytes that are not a whole CONNECT do not extend the deadline")
    func partialConnectDoesNotExtend() {
        var session = STOMPSession()
        _ = session.receive("CONN", at: 9_000)
        #expect(session.nextTick == .ms(10_000))
        #expect(session.tick(now: .ms(10_000)).last == .close(.connectTimeout(milliseconds: 10_000)))
    }

    @Test("the deadline also covers an authentication that does not finish; after CONNECTED it is gone")
    func deadlineCoversAuthentication() {
        var pending = STOMPSession()
        _ = pending.receive("CONNECT\naccept-version:1.2\n\n\0", at: 1_000)
        #expect(pending.nextTick == .ms(10_000))
        #expect(pending.tick(now: .ms(10_000)).last == .close(.connectTimeout(milliseconds: 10_000)))
        #expect(pending.authenticated() == [])

        var connected = STOMPSession.connected(at: 1_000)
        #expect(connected.nextTick == nil)
        #expect(connected.tick(now: .ms(60_000)) == [])
    }

    @Test("without a connect timeout nothing is due before CONNECT")
    func noTimeoutConfigured() {
        var configuration = STOMPSession.Configuration.test
        configuration.connectTimeout = nil
        var session = STOMPSession(configuration: configuration)
        #expect(session.nextTick == nil)
        #expect(session.tick(now: .ms(1_000_000)) == [])
    }

    /// A connected session with a SEND limit of `perSecond` and `burst`.
    static func limited(perSecond: Int, burst: Int) -> STOMPSession {
        var configuration = STOMPSession.Configuration.test
        configuration.sendRate = RateLimit(perSecond: perSecond, burst: burst)
        return .connected(configuration: configuration)
    }

    static func send(_ number: Int, transaction: String? = nil) -> String {
        let line = transaction.map { "transaction:\($0)\n" } ?? ""
        return "SEND\ndestination:/topic/a\n\(line)\n\(number)\0"
    }

    static let rateError = STOMPSessionError.sendRateExceeded(RateLimit(perSecond: 2, burst: 3))

    @Test("a burst passes, the next SEND fails with ERROR naming the rate, and nothing follows")
    func burstThenError() {
        var session = Self.limited(perSecond: 2, burst: 3)
        for number in 0..<3 {
            #expect(session.receive(Self.send(number), at: 0).count == 1)
        }
        #expect(
            session.receive(Self.send(3), at: 0) == [
                .error("SEND rate limit exceeded", "The session sent SEND frames faster than 2 per second (bursts of 3)."),
                .close(Self.rateError),
            ])
        #expect(session.receive(Self.send(4), at: 10_000) == [])
    }

    @Test("tokens come back at the rate: one every 500 ms at 2 per second, never more than the burst")
    func tokensRefill() {
        var session = Self.limited(perSecond: 2, burst: 3)
        for number in 0..<3 {
            _ = session.receive(Self.send(number), at: 0)
        }
        #expect(session.receive(Self.send(3), at: 500).count == 1)
        #expect(session.receive(Self.send(4), at: 999).last == .close(Self.rateError))

        var rested = Self.limited(perSecond: 2, burst: 3)
        _ = rested.receive(Self.send(0), at: 0)
        // An hour of quiet refills to the burst, not to 7200.
        for number in 1...3 {
            #expect(rested.receive(Self.send(number), at: 3_600_000).count == 1)
        }
        #expect(rested.receive(Self.send(4), at: 3_600_000).last == .close(Self.rateError))
    }

    @Test("SEND frames in a transaction count when they arrive; other frames do not count")
    func transactionsCountOtherFramesDoNot() {
        var session = Self.limited(perSecond: 2, burst: 3)
        _ = session.receive("BEGIN\ntransaction:t\n\n\0", at: 0)
        for number in 0..<3 {
            #expect(session.receive(Self.send(number, transaction: "t"), at: 0) == [])
        }
        for id in 0..<10 {
            _ = session.receive("SUBSCRIBE\nid:\(id)\ndestination:/topic/a\n\n\0", at: 0)
        }
        #expect(session.receive(Self.send(3, transaction: "t"), at: 0).last == .close(Self.rateError))
    }
}

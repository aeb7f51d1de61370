import STOMP
import Testing

@Suite("Negotiating heart-beats")
struct HeartBeatTests {
    @Test(
        "intervals follow the specification's formula",
        arguments: [
            // cx, cy, sx, sy -> client-to-server, server-to-client
            ((0, 0, 10_000, 10_000), (0, 0)),
            ((10_000, 10_000, 0, 0), (0, 0)),
            ((1_000, 0, 5_000, 5_000), (5_000, 0)),
            ((0, 1_000, 500, 0), (0, 1_000)),
            ((4_000, 10_000, 5_000, 5_000), (5_000, 10_000)),
            ((6_000, 3_000, 2_000, 8_000), (8_000, 3_000)),
            ((10_000, 10_000, 10_000, 10_000), (10_000, 10_000)),
        ] as [((Int, Int, Int, Int), (Int, Int))]
    )
    func formula(settings: (Int, Int, Int, Int), expected: (Int, Int)) {
        let intervals = STOMPHeartBeat.negotiate(
            client: STOMPHeartBeat(send: settings.0, receive: settings.1),
            server: STOMPHeartBeat(send: settings.2, receive: settings.3)
        )
        #expect(intervals == STOMPHeartBeatIntervals(clientToServer: expected.0, serverToClient: expected.1))
    }

    @Test(
        "a header value parses to its two intervals",
        arguments: [
            ("10000,10000", STOMPHeartBeat(send: 10_000, receive: 10_000)),
            ("0,0", .none),
            ("500,0", STOMPHeartBeat(send: 500, receive: 0)),
            (" 10 , 20 ", STOMPHeartBeat(send: 10, receive: 20)),
        ] as [(String, STOMPHeartBeat)]
    )
    func parses(value: String, expected: STOMPHeartBeat) throws {
        #expect(try STOMPHeartBeat(headerValue: value) == expected)
    }

    @Test("an absent header means no heart-beats")
    func absent() throws {
        #expect(try STOMPHeartBeat(headerValue: nil) == .none)
    }

    @Test(
        "a malformed header value is an error",
        arguments: ["", "10", "10,", ",10", "a,b", "-1,0", "1,2,3", "10;10", "+1,0", "99999999999999999999,0"]
    )
    func malformed(value: String) {
        #expect(throws: STOMPProtocolError.malformedHeartBeat(value)) { try STOMPHeartBeat(headerValue: value) }
    }

    @Test("the header value writes send then receive")
    func headerValue() {
        #expect(STOMPHeartBeat(send: 5_000, receive: 10_000).headerValue == "5000,10000")
    }
}

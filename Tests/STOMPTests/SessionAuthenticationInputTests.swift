import NIOCore
import STOMP
import Testing

@Suite("Input while CONNECT is being authenticated")
struct SessionAuthenticationInputTests {
    /// The limits of the fuzz harness's tight configuration (`Fuzz/`): one frame's worth is
    /// `max(32 + 2, 16 + 1)` = 34 bytes.
    static let tinyLimits = STOMPLimits(maxBodySize: 16, maxHeaderCount: 4, maxHeaderLineLength: 32, maxCommandLineLength: 12)

    @Test("fuzz reproducer: bytes piled up behind CONNECT fail the session at one frame's worth")
    func fuzzReproducer() {
        // The minimised libFuzzer input, cut into the chunks the harness fed: 17, 14 and 4
        // bytes after CONNECT arrive while authentication is pending. The session used to
        // keep them all, and would keep any amount.
        let chunks: [[UInt8]] = [
            Array("CONNECT\n\n\0".utf8) + [0, 0, 0xA2, 0, 0, 0, 0, 0] + Array("D\n\n\0\n\0\n\n".utf8),
            Array("\n\nRan\0\n:\0\n\0\n\n\n\0".utf8),
            Array("\n\0\n\n".utf8),
        ]
        var session = STOMPSession(configuration: STOMPSession.Configuration(serverVersion: "0.1.0", limits: Self.tinyLimits))
        #expect(session.receive(ByteBuffer(bytes: chunks[0]), now: .ms(0)) == [.authenticate(login: nil, passcode: nil, headers: [:])])
        #expect(session.receive(ByteBuffer(bytes: chunks[1]), now: .ms(0)) == [])
        #expect(
            session.receive(ByteBuffer(bytes: chunks[2]), now: .ms(0)) == [
                .error("input during authentication limit exceeded", "The session's input during authentication would exceed the limit of 34."),
                .close(.limitExceeded(.inputDuringAuthentication, maximum: 34)),
            ]
        )
        #expect(session.authenticated() == [])
        #expect(session.receive("\n") == [])
    }

    @Test("with the default limits, a 1 MiB frame may wait but not a second one")
    func defaultLimits() {
        var session = STOMPSession()
        _ = session.receive("CONNECT\naccept-version:1.2\n\n\0")
        let frame = "SEND\ndestination:/topic/a\n\n" + String(repeating: "x", count: 1_048_576 - 30) + "\0"
        #expect(session.receive(frame) == [])
        #expect(
            session.receive(frame) == [
                .error("input during authentication limit exceeded", "The session's input during authentication would exceed the limit of 1048577."),
                .close(.limitExceeded(.inputDuringAuthentication, maximum: 1_048_577)),
            ]
        )
    }

    @Test("a chunk that carries CONNECT and more than one frame's worth after it fails at once")
    func pipelinedRemainder() {
        var session = STOMPSession(configuration: STOMPSession.Configuration(serverVersion: "0.1.0", limits: Self.tinyLimits))
        #expect(
            session.receive("CONNECT\n\n\0" + String(repeating: "\n", count: 35)) == [
                .authenticate(login: nil, passcode: nil, headers: [:]),
                .error("input during authentication limit exceeded", "The session's input during authentication would exceed the limit of 34."),
                .close(.limitExceeded(.inputDuringAuthentication, maximum: 34)),
            ]
        )
    }

    @Test("frames that waited within the limit are handled once authenticated")
    func waitingFramesAreHandled() {
        var session = STOMPSession(configuration: STOMPSession.Configuration(serverVersion: "0.1.0", limits: Self.tinyLimits))
        _ = session.receive("CONNECT\naccept-version:1.2\n\n\0")
        #expect(session.receive("DISCONNECT\nreceipt:r\n\n\0") == [])
        let actions = session.authenticated()
        #expect(actions.suffix(2) == [.receipt("r"), .close(.disconnected, flushFirst: true)])
    }
}

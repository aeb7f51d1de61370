import NIOCore
import STOMP
import Testing

@Suite("Connecting a session")
struct SessionConnectTests {
    @Test("STOMP 1.2: CONNECT asks to authenticate, then CONNECTED is sent byte for byte")
    func version12() {
        var session = STOMPSession()
        let connect = "CONNECT\naccept-version:1.2\nhost:example\nlogin:ann\npasscode:secret\nheart-beat:5000,20000\n\n\0"
        #expect(
            session.receive(connect) == [
                .authenticate(
                    login: "ann",
                    passcode: "secret",
                    headers: [
                        "accept-version": "1.2", "host": "example", "login": "ann", "passcode": "secret",
                        "heart-beat": "5000,20000",
                    ]
                )
            ]
        )
        #expect(
            session.authenticated() == [
                .frame("CONNECTED\nversion:1.2\nheart-beat:10000,10000\nserver:pglive/0.1.0\nsession:s-1\n\n\0")
            ]
        )
        #expect(session.version == .v1_2)
        #expect(session.heartBeat == STOMPHeartBeatIntervals(clientToServer: 10_000, serverToClient: 20_000))
    }

    @Test("STOMP 1.1: the highest common version is chosen")
    func version11() {
        var session = STOMPSession()
        #expect(
            session.receive("CONNECT\naccept-version:1.0,1.1\nhost:example\n\n\0") == [
                .authenticate(login: nil, passcode: nil, headers: ["accept-version": "1.0,1.1", "host": "example"])
            ]
        )
        #expect(
            session.authenticated() == [
                .frame("CONNECTED\nversion:1.1\nheart-beat:10000,10000\nserver:pglive/0.1.0\nsession:s-1\n\n\0")
            ]
        )
        #expect(session.heartBeat == STOMPHeartBeatIntervals(clientToServer: 0, serverToClient: 0))
    }

    @Test("STOMP 1.0: no accept-version; CONNECTED has no heart-beat and heart-beat headers are ignored")
    func version10() {
        var session = STOMPSession()
        #expect(
            session.receive("CONNECT\nlogin:ann\npasscode:pw\nheart-beat:nonsense\n\n\0") == [
                .authenticate(login: "ann", passcode: "pw", headers: ["login": "ann", "passcode": "pw", "heart-beat": "nonsense"])
            ]
        )
        #expect(session.authenticated() == [.frame("CONNECTED\nversion:1.0\nserver:pglive/0.1.0\nsession:s-1\n\n\0")])
        #expect(session.version == .v1_0)
        #expect(session.heartBeat == STOMPHeartBeatIntervals(clientToServer: 0, serverToClient: 0))
    }

    @Test("the STOMP command connects like CONNECT")
    func stompCommand() {
        var session = STOMPSession()
        #expect(
            session.receive("STOMP\naccept-version:1.2\nhost:example\n\n\0") == [
                .authenticate(login: nil, passcode: nil, headers: ["accept-version": "1.2", "host": "example"])
            ]
        )
        #expect(session.authenticated().count == 1)
    }

    @Test("a missing host is accepted, even in 1.2")
    func missingHost() {
        var session = STOMPSession()
        #expect(
            session.receive("CONNECT\naccept-version:1.2\n\n\0") == [
                .authenticate(login: nil, passcode: nil, headers: ["accept-version": "1.2"])
            ]
        )
    }

    @Test("no common version: ERROR listing the supported versions, then close")
    func versionFailure() {
        var session = STOMPSession()
        let detail = "None of the versions '2.0,3.0' is supported; supported: 1.0,1.1,1.2."
        #expect(
            session.receive("CONNECT\naccept-version:2.0,3.0\n\n\0") == [
                .frame(
                    "ERROR\nmessage:unsupported protocol version\ncontent-type:text/plain\nversion:1.0,1.1,1.2\n"
                        + "content-length:\(detail.utf8.count)\n\n\(detail)\0"
                ),
                .close(.protocolViolation(.unsupportedVersion(offered: "2.0,3.0", supported: STOMPVersion.allCases))),
            ]
        )
        #expect(session.receive("CONNECT\naccept-version:1.2\n\n\0") == [])
    }

    @Test("the configured versions limit negotiation: a 1.0 client is refused by a 1.2-only server")
    func configuredVersions() {
        var session = STOMPSession(configuration: STOMPSession.Configuration(serverVersion: "0.1.0", versions: [.v1_2]))
        let actions = session.receive("CONNECT\n\n\0")
        #expect(actions.last == .close(.protocolViolation(.unsupportedVersion(offered: "", supported: [.v1_2]))))
    }

    @Test("a malformed heart-beat is a protocol error")
    func malformedHeartBeat() {
        var session = STOMPSession()
        #expect(
            session.receive("CONNECT\naccept-version:1.2\nheart-beat:soon\n\n\0") == [
                .error(
                    "malformed heart-beat",
                    "The heart-beat 'soon' is not two comma-separated non-negative integers."
                ),
                .close(.protocolViolation(.malformedHeartBeat("soon"))),
            ]
        )
    }

    @Test("failed authentication: ERROR with the owner's message, then close; nothing after")
    func authenticationFailure() {
        var session = STOMPSession()
        _ = session.receive("CONNECT\naccept-version:1.2\nlogin:ann\npasscode:wrong\n\n\0")
        #expect(
            session.authenticationFailed(message: "access denied", detail: "Unknown login or wrong passcode.") == [
                .error("access denied", "Unknown login or wrong passcode."),
                .close(.reported(message: "access denied", detail: "Unknown login or wrong passcode.")),
            ]
        )
        #expect(session.authenticated() == [])
        #expect(session.receive("SEND\ndestination:/topic/a\n\n\0") == [])
    }

    @Test("frames sent right after CONNECT wait for authentication and are unescaped as 1.2")
    func pipelinedFrames() {
        var session = STOMPSession()
        let chunk = "CONNECT\naccept-version:1.2\n\n\0SUBSCRIBE\nid:a\\cb\ndestination:/topic/x\n\n\0"
        #expect(session.receive(chunk) == [.authenticate(login: nil, passcode: nil, headers: ["accept-version": "1.2"])])
        #expect(session.receive("BEGIN\ntransaction:t\nreceipt:r\n\n\0") == [])
        #expect(
            session.authenticated() == [
                .frame("CONNECTED\nversion:1.2\nheart-beat:10000,10000\nserver:pglive/0.1.0\nsession:s-1\n\n\0"),
                .subscribe(
                    STOMPSession.Subscription(
                        id: "a:b",
                        destination: "/topic/x",
                        ackMode: .auto,
                        headers: ["id": "a:b", "destination": "/topic/x"]
                    ),
                    .op(0)
                ),
            ]
        )
        #expect(session.completed(.op(0)) == [.receipt("r")])
    }

    @Test("authentication outcomes outside authentication are ignored")
    func outcomesOutsideAuthentication() {
        var session = STOMPSession()
        #expect(session.authenticated() == [])
        #expect(session.authenticationFailed(message: "x", detail: "y") == [])
        var connected = STOMPSession.connected()
        #expect(connected.authenticated() == [])
    }

    @Test("a second CONNECT or STOMP is an error", arguments: ["CONNECT", "STOMP"])
    func secondConnect(command: String) {
        var session = STOMPSession.connected()
        #expect(
            session.receive("\(command)\naccept-version:1.2\nreceipt:c\n\n\0") == [
                .error(
                    "already connected",
                    "The session is already connected; CONNECT and STOMP are allowed once.",
                    receiptID: "c"
                ),
                .close(.alreadyConnected),
            ]
        )
    }

    @Test(
        "any frame before CONNECT is an error",
        arguments: [STOMPCommand.send, .subscribe, .unsubscribe, .ack, .nack, .begin, .commit, .abort, .disconnect, .message]
    )
    func frameBeforeConnect(command: STOMPCommand) {
        var session = STOMPSession()
        #expect(
            session.receive("\n\(command.rawValue)\nreceipt:1\n\n\0CONNECT\n\n\0") == [
                .error(
                    "not connected",
                    "A \(command.rawValue) frame arrived before the connection was made; send CONNECT or STOMP first.",
                    receiptID: "1"
                ),
                .close(.notConnected(command)),
            ]
        )
    }

    @Test("server frames from the client are an error", arguments: [STOMPCommand.connected, .message, .receipt, .error])
    func serverFrame(command: STOMPCommand) {
        var session = STOMPSession.connected()
        #expect(
            session.receive("\(command.rawValue)\n\n\0") == [
                .error("unexpected command", "\(command.rawValue) is a server frame; a client may not send it."),
                .close(.unexpectedCommand(command)),
            ]
        )
    }
}

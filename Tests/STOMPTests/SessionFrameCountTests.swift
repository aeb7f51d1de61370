import NIOCore
import STOMP
import Testing

@Suite("Counting a session's frames")
struct SessionFrameCountTests {
    @Test("frames parsed and frames the session encodes are counted by command; heart-beats are not")
    func countsByCommand() {
        var session = STOMPSession.connected()
        _ = session.receive("\n\nSUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0ACK\nid:1\n\n\0MESSAGE\n\n\0")
        #expect(session.framesReceived[.connect] == 1)
        #expect(session.framesReceived[.subscribe] == 1)
        #expect(session.framesReceived[.ack] == 1)
        #expect(session.framesReceived[.message] == 1)
        #expect(session.framesReceived.total == 4)
        #expect(session.framesSent[.connected] == 1)
        #expect(session.framesSent[.error] == 1, "a client's MESSAGE fails the session")
        #expect(session.framesSent.total == 2)
    }

    @Test("increases name only the commands that grew, by how much")
    func increases() {
        var session = STOMPSession.connected()
        let before = session.framesReceived
        #expect(session.framesReceived.increases(since: before).isEmpty)
        _ = session.receive("BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:u\n\n\0ABORT\ntransaction:t\n\n\0")
        let grown = session.framesReceived.increases(since: before).sorted { $0.command.rawValue < $1.command.rawValue }
        #expect(grown.map(\.command) == [.abort, .begin])
        #expect(grown.map(\.count) == [1, 2])
    }
}

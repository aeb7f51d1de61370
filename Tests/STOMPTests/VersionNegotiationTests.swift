import STOMP
import Testing

@Suite("Negotiating the protocol version")
struct VersionNegotiationTests {
    @Test(
        "the highest common version wins",
        arguments: [
            (nil, STOMPVersion.v1_0),
            ("1.0", .v1_0),
            ("1.1", .v1_1),
            ("1.2", .v1_2),
            ("1.0,1.1,1.2", .v1_2),
            ("1.2,1.0", .v1_2),
            ("1.1,1.0", .v1_1),
            ("1.1,2.0", .v1_1),
            ("1.0, 1.1 ", .v1_1),
        ] as [(String?, STOMPVersion)]
    )
    func negotiates(acceptVersion: String?, expected: STOMPVersion) throws {
        #expect(try STOMPVersion.negotiate(acceptVersion: acceptVersion) == expected)
    }

    @Test("the server's supported list limits the choice")
    func supportedSubset() throws {
        #expect(try STOMPVersion.negotiate(acceptVersion: "1.1,1.2", supported: [.v1_0, .v1_1]) == .v1_1)
        #expect(throws: STOMPProtocolError.unsupportedVersion(offered: "", supported: [.v1_1, .v1_2])) {
            try STOMPVersion.negotiate(acceptVersion: nil, supported: [.v1_2, .v1_1])
        }
    }

    @Test("no common version is an error", arguments: ["2.0", "", "1.3,0.9", "v1.2"])
    func noCommonVersion(acceptVersion: String) {
        #expect(throws: STOMPProtocolError.unsupportedVersion(offered: acceptVersion, supported: STOMPVersion.allCases)) {
            try STOMPVersion.negotiate(acceptVersion: acceptVersion)
        }
    }

    @Test("the ERROR for no common version lists the supported versions")
    func errorFrameListsVersions() throws {
        let error = try #require(throws: STOMPProtocolError.self) { try STOMPVersion.negotiate(acceptVersion: "2.0") }
        #expect(STOMPFrame.error(error).headers["version"] == "1.0,1.1,1.2")
    }

    @Test("versions are ordered")
    func ordering() {
        #expect(STOMPVersion.allCases.sorted() == [.v1_0, .v1_1, .v1_2])
        #expect(STOMPVersion.v1_1 < .v1_2)
    }
}

import Foundation
import PGLiveServer
import PostgresTestSupport
import STOMP
import Testing

/// Hashed static passwords: the format, an independent implementation's hash, and
/// logins with them over STOMP and HTTP.
@Suite struct PasswordHashTests {
    /// Made by Python's `hashlib.pbkdf2_hmac("sha512", "correct horse ☃", bytes(range(16)), 210000)`.
    static let pythonHash =
        "$pbkdf2-sha512$210000$AAECAwQFBgcICQoLDA0ODw$wHKeYN1xyZ+XyDIhoCGMgN14sNfBbNgfIJ5yQYQ4OGoSf8ftryR34fhNh+Shryj8CtH9LV2bc4KTvv/4O9WOWw"

    @Test func aHashFromAnotherImplementationVerifiesItsPasswordOnly() throws {
        let hash = try #require(PasswordHash(Self.pythonHash))
        #expect(hash.verify("correct horse ☃"))
        #expect(!hash.verify("correct horse"))
        #expect(!hash.verify(""))
    }

    @Test func madeHashesAreSaltedAndVerify() throws {
        let first = PasswordHash.make(password: "s3cret")
        let second = PasswordHash.make(password: "s3cret")
        #expect(first != second)
        #expect(first.hasPrefix("$pbkdf2-sha512$210000$"))
        #expect(try #require(PasswordHash(first)).verify("s3cret"))
        #expect(!(try #require(PasswordHash(second)).verify("s3cret ")))
    }

    @Test(arguments: [
        "secret", "$pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$wHKe", "$pbkdf2-sha512$1000$AAECAwQFBgcICQoLDA0ODw$wHKe",
        "$pbkdf2-sha512$210000$AAEC$" + String(repeating: "A", count: 86), "$pbkdf2-sha512$210000$AAECAwQFBgcICQoLDA0ODw$short",
        "$pbkdf2-sha512$210000$!!!!$" + String(repeating: "A", count: 86), "$pbkdf2-sha512$210000$AAECAwQFBgcICQoLDA0ODw",
    ])
    func otherStringsAreNotHashes(text: String) {
        #expect(PasswordHash(text) == nil)
    }

    @Test func aUserArgumentWithAHashKeepsTheHashAndAPlainOneThePassword() throws {
        #expect(try StaticUser(argument: "bob:\(Self.pythonHash)").credential == .hashed(try #require(PasswordHash(Self.pythonHash))))
        #expect(try StaticUser(argument: "bob:plain$text").credential == .plain("plain$text"))
    }

    @Test func aHashedUserConnectsOverSTOMPAndReadsOverHTTPAndAWrongPasswordIsRefused() async throws {
        let server = try await TestServer(database: TestServer.sharedDatabase.value) { configuration in
            configuration.authenticator = Authenticator(users: [try! StaticUser(argument: "bob:\(Self.pythonHash)")], allowsAnonymous: false)
        }
        defer { Task { await server.stop() } }
        let bob = try await STOMPTestClient.connected(port: server.stompPort, login: "bob", passcode: "correct horse ☃")
        // A reconnect with the same password is answered from the remembered MAC.
        _ = try await STOMPTestClient.connected(port: server.stompPort, login: "bob", passcode: "correct horse ☃")
        await bob.close()

        let intruder = try await STOMPTestClient(port: server.stompPort)
        try await intruder.send(.connect, ["accept-version": "1.2", "login": "bob", "passcode": "correct horse"])
        let refusal = try await intruder.next(.error)
        #expect(refusal.headers["message"] == "authentication failed")
        #expect(String(buffer: refusal.body) == "Unknown login or wrong passcode.")
        try await intruder.waitClosed()

        let basic = "Authorization: Basic " + Data("bob:correct horse ☃".utf8).base64EncodedString()
        #expect(try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: [basic]).status == 200)
        let wrong = "Authorization: Basic " + Data("bob:nope".utf8).base64EncodedString()
        #expect(try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: [wrong]).status == 401)
    }
}

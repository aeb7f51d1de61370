import Authorization
import Foundation
import NIOCore
import PostgresTestSupport
import Testing

/// `Authorization: Bearer` on `/api/v1` against a real server: 401 with the challenges for
/// missing or refused credentials, 403 for a topic the token may not read.
@Suite(.serialized) struct HTTPAuthenticationTests {
    @Test func withoutCredentialsTheAnswerIs401OfferingBearerAndBasic() async throws {
        let server = try await TestServer.secured.value
        let response = try await RawHTTP.get("/api/v1/topics", port: server.httpPort)
        #expect(response.status == 401)
        #expect(response.body.contains(#""code":"unauthorized""#))
        let challenges = response.headers("WWW-Authenticate")
        #expect(challenges.contains(#"Bearer realm="pglive""#), "\(challenges)")
        #expect(challenges.contains { $0.hasPrefix("Basic ") }, "\(challenges)")
    }

    @Test func refusedTokensAre401WithInvalidToken() async throws {
        let server = try await TestServer.secured.value
        for (name, token, reason) in try await TestTokens.refused() {
            let response = try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: ["Authorization: Bearer \(token)"])
            #expect(response.status == 401, "\(name)")
            #expect(response.body.contains(reason), "\(name): \(response.body)")
            #expect(!response.body.contains(token), "\(name)")
            #expect(response.headers("WWW-Authenticate").contains { $0.contains(#"error="invalid_token""#) }, "\(name)")
        }
        let garbage = try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: ["Authorization: Bearer nonsense"])
        #expect(garbage.status == 401)
        let wrongScheme = try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: ["Authorization: Digest x"])
        #expect(wrongScheme.status == 401)
    }

    @Test func aTopicTheTokenMayNotReadIs403WhetherOrNotItExists() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("CREATE TABLE http_hidden (id int PRIMARY KEY)")
        try await server.sql("SELECT pglive.publish_table('http_hidden')")
        try await server.sql("INSERT INTO http_hidden VALUES (1)")
        let token = try await TestTokens.token(access: AccessClaim(read: ["http_visible*"]))
        for path in ["http_hidden/events", "http_hidden/rows", "http_hidden/events?format=ndjson", "http_absent/events"] {
            let response = try await RawHTTP.get("/api/v1/topics/\(path)", port: server.httpPort, headers: ["Authorization: Bearer \(token)"])
            #expect(response.status == 403, "\(path): \(response.status) \(response.body)")
            #expect(response.body.contains(#""code":"forbidden""#), "\(path)")
            #expect(response.body.contains("read"), "\(path)")
            #expect(!response.body.contains(#""data""#), "\(path)")
        }
        let allowedButAbsent = try await RawHTTP.get(
            "/api/v1/topics/http_visible_none/events", port: server.httpPort, headers: ["Authorization: Bearer \(token)"])
        #expect(allowedButAbsent.status == 404)
    }

    @Test func theCatalogueListsOnlyTheTopicsTheTokenMayRead() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('catalogue.shown')")
        try await server.sql("SELECT pglive.create_topic('catalogue_hidden')")
        let token = try await TestTokens.token(access: AccessClaim(read: ["catalogue.*"]))
        let response = try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: ["Authorization: Bearer \(token)"])
        #expect(response.status == 200)
        let names = ((try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])?["data"] as? [[String: Any]] ?? [])
            .compactMap { $0["name"] as? String }
        #expect(names.contains("catalogue.shown"))
        #expect(names.allSatisfy { $0.hasPrefix("catalogue.") }, "\(names)")
        let basic = "Authorization: Basic \(Data("alice:secret".utf8).base64EncodedString())"
        let everything = try await RawHTTP.get("/api/v1/topics", port: server.httpPort, headers: [basic])
        #expect(everything.body.contains("catalogue_hidden"))
    }

    @Test func anES256TokenReadsTheHistory() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('http.es256')")
        try await server.sql("SELECT pglive.publish('http.es256', '{\"n\":1}'::jsonb)")
        let token = try await TestTokens.token(access: AccessClaim(read: ["http.*"]), signature: .es256)
        let response = try await RawHTTP.get("/api/v1/topics/http.es256/events", port: server.httpPort, headers: ["Authorization: Bearer \(token)"])
        #expect(response.status == 200, "\(response.body)")
        #expect(response.body.contains(#""n": 1"#) || response.body.contains(#""n":1"#), "\(response.body)")
    }
}

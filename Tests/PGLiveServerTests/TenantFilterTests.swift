import Authorization
import Foundation
import NIOCore
import PostgresTestSupport
import STOMP
import Testing

/// A token's `filters` entry restricts a topic's rows live, replayed and over REST, and the
/// client's own selector or filters are ANDed to it, never in its place.
@Suite(.serialized) struct TenantFilterTests {
    /// Tenant 42's token: reads `tenant_orders` restricted to its rows.
    static let access = AccessClaim(read: ["tenant_orders"], filters: ["tenant_orders": "tenant=eq.42"])

    /// Creates and publishes the table once, with rows of tenants 42 and 7.
    static let table = Task {
        let server = try await TestServer.secured.value
        try await server.sql("CREATE TABLE tenant_orders (id int PRIMARY KEY, tenant int NOT NULL, status text)")
        try await server.sql("SELECT pglive.publish_table('tenant_orders')")
        try await server.sql("INSERT INTO tenant_orders VALUES (1, 42, 'open'), (2, 7, 'open'), (3, 42, 'closed')")
        return server
    }

    /// The `id`s of rows in JSON documents.
    func ids(_ documents: [Any]) -> [Int] {
        documents.compactMap { ($0 as? [String: Any]).flatMap { ($0["row"] as? [String: Any]) ?? $0 }?["id"] as? Int }
    }

    @Test func liveAndReplayedEventsAreRestrictedWhateverSelectorTheClientSends() async throws {
        let server = try await Self.table.value
        let client = try await STOMPTestClient(port: server.stompPort)
        try await client.send(.connect, ["accept-version": "1.2", "passcode": try await TestTokens.token(access: Self.access)])
        _ = try await client.next(.connected)
        try await client.subscribe("/topic/tenant_orders", id: "all", ["from-position": "0"])
        try await client.subscribe("/topic/tenant_orders", id: "escape", ["from-position": "0", "selector": "tenant=eq.7"])
        try await client.subscribe("/topic/tenant_orders", id: "open", ["from-position": "0", "selector": "status=eq.open"])
        try await client.subscribe("/topic/tenant_orders", id: "live")

        try await server.sql("INSERT INTO tenant_orders VALUES (4, 7, 'open')")
        try await server.sql("INSERT INTO tenant_orders VALUES (5, 42, 'open')")

        // Every subscription of a session gets its events in position order, so once the
        // last event (id 5) arrived everywhere, anything else would have arrived before it.
        var received: [String: [Int]] = [:]
        while received["all"]?.last != 5 || received["open"]?.last != 5 || received["live"]?.last != 5 {
            let message = try await client.next(.message)
            let row = try JSONSerialization.jsonObject(with: Data(buffer: message.body)) as? [String: Any]
            received[message.headers["subscription"] ?? "", default: []].append(row?["id"] as? Int ?? -1)
        }
        #expect(received["all"] == [1, 3, 5])
        #expect(received["open"] == [1, 5])
        #expect(received["live"] == [5])
        #expect(received["escape"] == nil)
    }

    @Test func restEventsAreRestrictedInPagesAndExportsWhateverFiltersTheClientSends() async throws {
        let server = try await Self.table.value
        let authorization = "Authorization: Bearer \(try await TestTokens.token(access: Self.access))"
        let page = try await RawHTTP.get("/api/v1/topics/tenant_orders/events?limit=100", port: server.httpPort, headers: [authorization])
        #expect(page.status == 200, "\(page.body)")
        let data = try #require((try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])?["data"] as? [Any])
        let pageIDs = ids(data)
        #expect(Set(pageIDs).isSubset(of: [1, 3, 5]) && pageIDs.contains(1) && pageIDs.contains(3), "\(pageIDs)")

        let escape = try await RawHTTP.get("/api/v1/topics/tenant_orders/events?tenant=eq.7", port: server.httpPort, headers: [authorization])
        #expect(escape.status == 200)
        #expect(escape.body.contains(#""data":[]"#), "\(escape.body)")

        let ndjson = try await RawHTTP.get(
            "/api/v1/topics/tenant_orders/events", port: server.httpPort, headers: [authorization, "Accept: application/x-ndjson"])
        let lines = ndjson.body.split(separator: "\n").filter { $0.hasPrefix("{") }
        let exported = ids(try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) })
        #expect(!exported.isEmpty && exported.allSatisfy { [1, 3, 5].contains($0) }, "\(exported)")

        let csv = try await RawHTTP.get(
            "/api/v1/topics/tenant_orders/events", port: server.httpPort, headers: [authorization, "Accept: text/csv"])
        // CSV doubles the quotes of the row's JSON text.
        #expect(csv.body.contains("\"\"tenant\"\": 42"), "\(csv.body)")
        #expect(!csv.body.contains("\"\"tenant\"\": 7}") && !csv.body.contains("\"\"tenant\"\": 7,"), "\(csv.body)")
    }

    @Test func restRowsAreRestrictedWhateverFiltersOrProjectionTheClientSends() async throws {
        let server = try await Self.table.value
        let authorization = "Authorization: Bearer \(try await TestTokens.token(access: Self.access))"
        let rows = try await RawHTTP.get("/api/v1/topics/tenant_orders/rows", port: server.httpPort, headers: [authorization])
        #expect(rows.status == 200, "\(rows.body)")
        let data = try #require((try JSONSerialization.jsonObject(with: Data(rows.body.utf8)) as? [String: Any])?["data"] as? [Any])
        #expect(Set(ids(data)) == Set(ids(data)).intersection([1, 3, 5]) && ids(data).contains(1), "\(rows.body)")

        for query in ["tenant=eq.7", "id=eq.2", "select=id&tenant=in.(7,42)", "tenant=neq.42"] {
            let response = try await RawHTTP.get("/api/v1/topics/tenant_orders/rows?\(query)", port: server.httpPort, headers: [authorization])
            let documents = (try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])?["data"] as? [Any] ?? []
            #expect(!ids(documents).contains(2) && !ids(documents).contains(4), "\(query): \(response.body)")
        }
        let csv = try await RawHTTP.get(
            "/api/v1/topics/tenant_orders/rows?select=id", port: server.httpPort, headers: [authorization, "Accept: text/csv"])
        let csvIDs = csv.body.split(whereSeparator: \.isNewline).dropFirst().compactMap { Int($0) }
        #expect(!csvIDs.isEmpty && !csvIDs.contains(2) && !csvIDs.contains(4), "\(csv.body)")

        // Without the restriction (a static user), every tenant's rows are there.
        let basic = "Authorization: Basic \(Data("alice:secret".utf8).base64EncodedString())"
        let all = try await RawHTTP.get("/api/v1/topics/tenant_orders/rows?id=eq.2", port: server.httpPort, headers: [basic])
        #expect(all.body.contains(#""id": 2"#) || all.body.contains(#""id":2"#), "\(all.body)")
    }

    @Test func aRestrictionOnAnApplicationTopicHidesItsEventsLiveReplayedAndOverREST() async throws {
        let server = try await TestServer.secured.value
        try await server.sql("SELECT pglive.create_topic('tenant_chat')")
        try await server.sql("SELECT pglive.create_topic('tenant_marker')")
        try await server.sql("SELECT pglive.publish('tenant_chat', '{\"text\":\"before\"}'::jsonb)")
        // is.null would hold on an application event's absent (SQL NULL) row.
        let access = AccessClaim(read: ["tenant_chat", "tenant_marker"], filters: ["tenant_chat": "text=is.null"])
        let token = try await TestTokens.token(access: access)
        let client = try await STOMPTestClient(port: server.stompPort)
        try await client.send(.connect, ["accept-version": "1.2", "passcode": token])
        _ = try await client.next(.connected)
        try await client.subscribe("/topic/tenant_chat", id: "chat", ["from-position": "0"])
        try await client.subscribe("/topic/tenant_marker", id: "marker")

        try await server.sql("SELECT pglive.publish('tenant_chat', '{\"text\":\"after\"}'::jsonb)")
        try await server.sql("SELECT pglive.publish('tenant_marker', '{}'::jsonb)")

        // Live events reach a session in position order: the marker comes after the chat event.
        #expect(try await client.next(.message).headers["subscription"] == "marker")
        #expect(client.inbox.frames.isEmpty)
        let rest = try await RawHTTP.get("/api/v1/topics/tenant_chat/events", port: server.httpPort, headers: ["Authorization: Bearer \(token)"])
        #expect(rest.status == 200)
        #expect(rest.body.contains(#""data":[]"#), "\(rest.body)")
        let basic = "Authorization: Basic \(Data("alice:secret".utf8).base64EncodedString())"
        let unrestricted = try await RawHTTP.get("/api/v1/topics/tenant_chat/events", port: server.httpPort, headers: [basic])
        #expect(unrestricted.body.contains("before") && unrestricted.body.contains("after"), "\(unrestricted.body)")
    }
}

import Foundation
import HistoryAPI
import HummingbirdTesting
import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct ExportTests {
    let database: TestDatabase

    init() throws {
        database = try TestPostgres.makeMigratedDatabase(label: "historyexport")
        let setup = try database.connect()
        try setup.execute("""
            CREATE TABLE notes (id int PRIMARY KEY, body text, extra text);
            SELECT pglive.publish_table('notes', keep_old => true);
            INSERT INTO notes VALUES (1, 'plain', NULL), (2, 'comma, "quote"', ''), (3, E'line\\nbreak\\r\\nand tab\\t', 'żółw ✓ 🐢');
            UPDATE notes SET extra = 'later' WHERE id = 1;
            DELETE FROM notes WHERE id = 2;
            SELECT pglive.create_topic('chat');
            SELECT pglive.publish('chat', '{"text":"hi, \\"you\\""}'::jsonb, '{"from":"ann"}');
            SELECT pglive.publish('chat', '\\xfffe00'::bytea);
            """)
    }

    /// The log's documents as `pglive.event_document` writes them, one per line.
    private func expectedNDJSON(topic: String) throws -> String {
        try database.connect().query(
            """
            SELECT coalesce(string_agg(pglive.event_document(position, topic, op, committed_at, row_data, old_row, body, content_type, headers) || E'\\n', '' ORDER BY position), '') AS lines
              FROM pglive.event_log WHERE topic = $1
            """, [topic]).rows[0].decode("lines", as: String.self)
    }

    @Test func ndjsonIsTheLogsDocumentsByteForByte() async throws {
        let notes = try expectedNDJSON(topic: "notes"), chat = try expectedNDJSON(topic: "chat")
        #expect(notes.contains(#""old_row":{"id": 1, "body": "plain", "extra": null}"#))
        #expect(chat.contains(#""body":"//4A","body_encoding":"base64""#))
        #expect(chat.contains(#""headers":{"from": "ann"},"body":{"text": "hi, \"you\""},"body_encoding":"json""#))
        try await HistoryTestServer(database: database).run { client in
            let response = try await client.get("/api/v1/topics/notes/events", accept: "application/x-ndjson")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            #expect(response.text == notes)
            #expect(try await client.get("/api/v1/topics/chat/events?format=ndjson").text == chat)
        }
    }

    @Test func csvQuotesCommasQuotesLineBreaksAndTellsNullFromEmpty() async throws {
        try await HistoryTestServer(database: database).run { client in
            let response = try await client.get("/api/v1/topics/notes/rows?order=id.asc", accept: "text/csv")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.text == "id,body,extra\r\n1,plain,later\r\n3,\"line\nbreak\r\nand tab\t\",żółw ✓ 🐢\r\n")
            let events = try await client.get("/api/v1/topics/notes/events?format=csv&op=eq.DELETE")
            let lines = events.text.components(separatedBy: "\r\n")
            #expect(lines[0] == "position,topic,op,committed_at,row,old_row,content_type,headers,body,body_encoding")
            #expect(lines[1].hasPrefix("5,notes,DELETE,20"))
            #expect(lines[1].hasSuffix(#"Z,"{""id"": 2, ""body"": ""comma, \""quote\"""", ""extra"": """"}",,,,,"#))
            let chat = try await client.get("/api/v1/topics/chat/events?format=csv").text.components(separatedBy: "\r\n")
            #expect(chat[1].hasSuffix(#",,,application/json,"{""from"": ""ann""}","{""text"": ""hi, \""you\""""}",json"#))
            #expect(chat[2].hasSuffix(",,,application/octet-stream,{},//4A,base64"))
        }
    }

    @Test func aClientThatHangsUpMidStreamGivesItsConnectionBack() async throws {
        try database.connect().query("INSERT INTO notes SELECT g, repeat('x', 200), NULL FROM generate_series(10, 100009) g")
        let server = HistoryTestServer(database: database)
        let pool = server.pool
        let database = self.database
        try await server.run { client in
            let raw = try RawHTTPClient(port: try #require(client.port))
            raw.get("/api/v1/topics/notes/events?format=ndjson", headers: ["Authorization": "none"])
            var received = 0
            while received < 200_000 {
                let chunk = await raw.read()
                #expect(!chunk.isEmpty)
                if chunk.isEmpty { break }
                received += chunk.count
            }
            #expect(try TestPostgres.isRunning("event_document", in: database))
            _ = consume raw
            try await Deadline.waitUntil("the export's connection to return to the pool") {
                await pool.statistics.leased == 0
            }
            #expect(try !TestPostgres.isRunning("event_document", in: database))
            #expect(try await client.get("/api/v1/topics/notes/events?limit=1").status == .ok)
        }
    }

    @Test func aDatabaseFailureMidStreamEndsWithAnErrorLineAndNoTerminator() async throws {
        try database.connect().query("INSERT INTO notes SELECT g, repeat('y', 200), NULL FROM generate_series(10, 100009) g")
        let database = self.database
        try await HistoryTestServer(database: database).run { client in
            let raw = try RawHTTPClient(port: try #require(client.port))
            raw.get("/api/v1/topics/notes/events?format=ndjson")
            let start = await raw.read()
            #expect(String(decoding: start, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
            #expect(String(decoding: start, as: UTF8.self).lowercased().contains("transfer-encoding: chunked"))
            // The response head may leave before the query starts: terminating it earlier
            // would hit nothing, and the export would end complete. The client reads nothing
            // meanwhile, so the server's buffers are full when the query fails: the error line
            // must still arrive (the lingering close).
            try await Deadline.waitUntil("the export's query to run") {
                try TestPostgres.isRunning("event_document", in: database)
            }
            try database.connect().query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%event_document%' AND pid <> pg_backend_pid()",
                [database.name])
            let rest = String(decoding: start + (await raw.readToEnd()), as: UTF8.self)
            #expect(rest.contains(#"{"error":{"code":"database_unavailable""#))
            #expect(!rest.hasSuffix("0\r\n\r\n"), "a failed export must not end like a complete one")
        }
    }
}

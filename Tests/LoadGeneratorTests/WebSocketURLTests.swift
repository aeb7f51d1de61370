import LoadGenerator
import Testing

@Suite("WebSocket URLs")
struct WebSocketURLTests {
    @Test("host, port and path")
    func full() throws {
        let url = try WebSocketURL("ws://127.0.0.1:15674/ws")
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 15674)
        #expect(url.path == "/ws")
        #expect(url.hostHeader == "127.0.0.1:15674")
    }

    @Test("defaults: port 80, path /")
    func defaults() throws {
        let url = try WebSocketURL("ws://example.com")
        #expect(url.port == 80)
        #expect(url.path == "/")
        #expect(url.hostHeader == "example.com")
    }

    @Test("IPv6 in brackets, with a query")
    func ipv6() throws {
        let url = try WebSocketURL("ws://[::1]:8080/stomp?x=1")
        #expect(url.host == "::1")
        #expect(url.port == 8080)
        #expect(url.path == "/stomp?x=1")
        #expect(url.hostHeader == "[::1]:8080")
    }

    @Test(
        "refuses what is not ws://HOST[:PORT][/PATH]",
        arguments: ["wss://h/ws", "http://h/", "ws://", "ws://:80/", "ws://h:0/", "ws://h:99999/", "ws://h:x/", "ws://[::1/"])
    func refuses(text: String) {
        #expect(throws: LoadGeneratorError.invalidURL(text)) { try WebSocketURL(text) }
    }
}

/// A parsed `ws://HOST[:PORT][/PATH]` URL; TLS (`wss://`) is not supported.
///
/// ```swift
/// let url = try WebSocketURL("ws://127.0.0.1:15674/ws")
/// url.host // "127.0.0.1"; url.port // 15674; url.path // "/ws"
/// ```
public struct WebSocketURL: Sendable, Equatable {
    /// The host name or address, without brackets for IPv6.
    public var host: String
    /// The TCP port; 80 when the URL has none.
    public var port: Int
    /// The request path with its query, `/` when the URL has none.
    public var path: String

    /// Parses a URL.
    ///
    /// - Parameters:
    ///   - text: The URL.
    /// - Throws: ``LoadGeneratorError/invalidURL(_:)`` for anything but a `ws://` URL with
    ///   a host and a valid port.
    public init(_ text: String) throws(LoadGeneratorError) {
        let scheme = "ws://"
        guard text.hasPrefix(scheme) else {
            throw .invalidURL(text)
        }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        let path = rest.dropFirst(authority.count)
        var host = Substring(authority)
        var port = 80
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else {
                throw .invalidURL(text)
            }
            let portPart = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !portPart.isEmpty {
                port = try Self.port(portPart.dropFirst(), only: portPart.first == ":", in: text)
            }
        } else if let colon = host.lastIndex(of: ":") {
            port = try Self.port(host[host.index(after: colon)...], only: true, in: text)
            host = host[..<colon]
        }
        guard !host.isEmpty else {
            throw .invalidURL(text)
        }
        self.host = String(host)
        self.port = port
        self.path = path.isEmpty ? "/" : (path.hasPrefix("/") ? String(path) : "/" + path)
    }

    /// The value of the upgrade request's `Host` header.
    public var hostHeader: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return self.port == 80 ? host : "\(host):\(self.port)"
    }

    private static func port(_ text: Substring, only valid: Bool, in url: String) throws(LoadGeneratorError) -> Int {
        guard valid, let port = Int(text), (1...65535).contains(port) else {
            throw .invalidURL(url)
        }
        return port
    }
}

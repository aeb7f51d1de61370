import Hummingbird

/// One file of the dashboard, held in memory with its validator.
struct DashboardAsset: Sendable {
    /// The path it is served at, such as `/dashboard.js`.
    let path: String
    /// Its `Content-Type`.
    let contentType: String
    /// Its bytes.
    let body: ByteBuffer
    /// Its strong `ETag`, quoted: a hash of `body`.
    let eTag: String

    /// Creates an asset from its text.
    ///
    /// - Parameters:
    ///   - path: The path it is served at.
    ///   - contentType: Its `Content-Type`.
    ///   - text: Its content, sent as UTF-8.
    init(path: String, contentType: String, text: String) {
        self.path = path
        self.contentType = contentType
        self.body = ByteBuffer(string: text)
        self.eTag = Self.eTag(of: Array(text.utf8))
    }

    /// The page and the two files it loads.
    static let all = [
        DashboardAsset(path: "/", contentType: "text/html; charset=utf-8", text: DashboardPage.html),
        DashboardAsset(path: "/dashboard.js", contentType: "text/javascript; charset=utf-8", text: DashboardScript.source),
        DashboardAsset(path: "/dashboard.css", contentType: "text/css; charset=utf-8", text: DashboardStyle.css),
    ]

    /// The asset, or `304 Not Modified` when the request's `If-None-Match` names its ETag.
    ///
    /// `no-cache` lets a browser keep the files but makes it revalidate them on every load,
    /// so a new binary's dashboard is picked up at once: the URLs carry no version.
    func response(to request: Request, context: some RequestContext) async throws -> Response {
        try await request.ifNoneMatch(headers: [.cacheControl: "no-cache"], eTag: eTag, context: context) {
            Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: body))
        }
    }

    /// A strong ETag for `bytes`: their 64-bit FNV-1a hash in hexadecimal, quoted.
    ///
    /// The ETag only has to change when the bytes do; it is no defence against anyone, so
    /// a cryptographic hash would buy nothing.
    static func eTag(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - digits.count) + digits + "\""
    }
}

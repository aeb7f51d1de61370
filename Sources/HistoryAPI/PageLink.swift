import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// A JSON page's links: its `next_cursor` and `Link: <…>; rel="next"`, and its `ETag`.
///
/// The ETag is a keyed hash of the request itself (query, cursor, limit), sent only with
/// pages that can no longer change; a request carrying it in `If-None-Match` is answered
/// 304 without a query, since only an unchangeable page ever received it.
struct PageLink {
    /// The request path.
    let path: String
    /// The request's parameters, in order.
    let pairs: [(String, String)]
    /// The query the cursors belong to.
    let fingerprint: String
    /// The signing key.
    let key: SymmetricKey

    init(request: Request, pairs: [(String, String)], parameters: HistoryParameters, key: SymmetricKey) {
        self.path = request.uri.path
        self.pairs = pairs
        self.fingerprint = parameters.fingerprint
        self.key = key
    }

    /// This request's page's entity tag.
    var etag: String {
        let identity = [fingerprint, value(of: "cursor") ?? "", value(of: "limit") ?? ""].joined(separator: "\u{0}")
        let mac = HMAC<SHA256>.authenticationCode(for: Array(("etag\u{0}" + identity).utf8), using: key)
        return "\"" + mac.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// Whether the request's `If-None-Match` names this page's tag.
    func isUnchanged(_ request: Request) -> Bool {
        guard let match = request.headers[.ifNoneMatch] else { return false }
        let tag = etag
        return match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tag }
    }

    /// The page response: `{"data":[…],"next_cursor":…}`, `Link` when there is a next page,
    /// `ETag` when the page is unchangeable.
    /// - Parameters:
    ///   - documents: the items' JSON texts.
    ///   - next: where the next page starts, or `nil` at the end of a closed range.
    ///   - immutable: whether the page can never change.
    func response(documents: [String], next: PageCursor?, immutable: Bool) -> Response {
        let token = next?.encoded(for: fingerprint, key: key)
        var body = #"{"data":["# + documents.joined(separator: ",") + #"],"next_cursor":"#
        body += token.map { "\"\($0)\"" } ?? "null"
        body += "}"
        var headers: HTTPFields = [.contentType: ResponseFormat.json.contentType]
        if let token { headers[.link] = "<\(url(cursor: token))>; rel=\"next\"" }
        if immutable {
            headers[.eTag] = etag
            headers[.cacheControl] = "private, max-age=3600"
        } else {
            headers[.cacheControl] = "no-store"
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// The path and query of the next page: the same parameters with the new cursor.
    private func url(cursor: String) -> String {
        let kept = pairs.filter { $0.0 != "cursor" } + [("cursor", cursor)]
        return path + "?" + kept.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    private func value(of name: String) -> String? {
        pairs.first { $0.0 == name }?.1
    }

    /// Characters left as they are in a query component.
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~(),*:")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

import Foundation
import HTTPTypes
import Hummingbird

extension HistoryError: HTTPResponseError {
    /// The HTTP status of ``code``.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: code.status) }

    /// The error as its JSON body, `{"error":{"code":…,"message":…,"detail":…}}`.
    public var json: String {
        var object: [String: String] = ["code": code.rawValue, "message": message]
        object["detail"] = detail
        let data = (try? JSONSerialization.data(withJSONObject: ["error": object], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The JSON error response; a 401 carries a `WWW-Authenticate` field per challenge, a
    /// ``Code/tooManyStreams`` a `Retry-After` of one second.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if code == .unauthorized {
            for challenge in challenges.isEmpty ? [#"Basic realm="pglive", charset="UTF-8""#] : challenges {
                headers.append(HTTPField(name: .wwwAuthenticate, value: challenge))
            }
        }
        if code == .tooManyStreams {
            headers[.retryAfter] = "1"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}

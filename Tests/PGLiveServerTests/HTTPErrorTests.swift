import Foundation
import PostgresTestSupport
import Testing

/// Every HTTP error of the server has the JSON error body, the router's own included.
@Suite struct HTTPErrorTests {
    @Test(arguments: ["/nothing", "/api/v1/topic", "/api/v2/topics", "/api/v1/topics/sensors/nothing"])
    func anUnknownRouteIsAJSON404(path: String) async throws {
        let server = try await TestServer.strict.value
        let response = try await RawHTTP.get(path, port: server.httpPort)
        #expect(response.status == 404)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        let error = try #require(object?["error"] as? [String: Any])
        #expect(error["code"] as? String == "not_found")
        #expect(error["message"] as? String == "no route for GET \(path)")
    }
}

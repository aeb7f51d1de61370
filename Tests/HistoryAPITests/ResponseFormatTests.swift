@testable import HistoryAPI
import Testing

@Suite struct ResponseFormatTests {
    @Test func defaultsToJSON() throws {
        #expect(try ResponseFormat.negotiate(parameter: nil, accept: nil) == .json)
        #expect(try ResponseFormat.negotiate(parameter: nil, accept: "*/*") == .json)
    }

    @Test func followsAcceptAndItsQualities() throws {
        #expect(try ResponseFormat.negotiate(parameter: nil, accept: "application/x-ndjson") == .ndjson)
        #expect(try ResponseFormat.negotiate(parameter: nil, accept: "text/csv;q=0.5, application/x-ndjson;q=0.9") == .ndjson)
        #expect(try ResponseFormat.negotiate(parameter: nil, accept: "TEXT/CSV") == .csv)
        #expect(try ResponseFormat.negotiate(parameter: nil, accept: "image/png, application/json;q=0.1") == .json)
    }

    @Test func theFormatParameterWinsOverAccept() throws {
        #expect(try ResponseFormat.negotiate(parameter: "csv", accept: "application/json") == .csv)
    }

    @Test func refusesWhatItCannotWrite() {
        #expect(throws: HistoryError.self) { try ResponseFormat.negotiate(parameter: nil, accept: "image/png") }
        #expect(throws: HistoryError.self) { try ResponseFormat.negotiate(parameter: nil, accept: "application/json;q=0") }
        #expect(throws: HistoryError.self) { try ResponseFormat.negotiate(parameter: "xml", accept: nil) }
    }
}

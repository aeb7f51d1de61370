import Crypto
import Foundation
@testable import HistoryAPI
import Testing

@Suite struct PageCursorTests {
    let key = SymmetricKey(data: Array(repeating: UInt8(7), count: 32))

    @Test func encodesTheValuesAndASixteenByteTagInBase64URL() throws {
        let token = PageCursor(values: ["1042"]).encoded(for: "events/orders", key: key)
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let bytes = try #require(Data(base64Encoded: base64))
        #expect(Array(bytes.prefix(8)) == [1, 1, 0, 4] + Array("1042".utf8))
        #expect(bytes.count == 8 + 16)
        #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
    }

    @Test func roundTripsValuesWithAnyText() throws {
        let values = ["", "2026-11-26 20:00:00+00", "naïve, \"quoted\"\n", String(repeating: "x", count: 300)]
        let token = PageCursor(values: values).encoded(for: "rows/t", key: key)
        #expect(try PageCursor(decoding: token, for: "rows/t", key: key).values == values)
    }

    @Test func refusesACursorOfAnotherQuery() {
        let token = PageCursor(values: ["5"]).encoded(for: "events/orders\u{0}status=eq.open", key: key)
        #expect(throws: HistoryError.self) {
            try PageCursor(decoding: token, for: "events/orders\u{0}status=eq.paid", key: key)
        }
    }

    @Test func refusesEveryAlteredByte() throws {
        let token = PageCursor(values: ["123456"]).encoded(for: "q", key: key)
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let bytes = try #require(Data(base64Encoded: base64))
        for index in bytes.indices {
            var altered = bytes
            altered[index] ^= 0x01
            let tampered = altered.base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(throws: HistoryError.self) { try PageCursor(decoding: tampered, for: "q", key: key) }
        }
    }

    @Test(arguments: ["", "!!!", "AQ", "' OR 1=1 --", "10,000 × A"])
    func refusesGarbage(token: String) {
        let token = token == "10,000 × A" ? String(repeating: "A", count: 10_000) : token
        #expect(throws: HistoryError(.invalidCursor, "cursor is not valid for this query",
                                     detail: "use the next_cursor of a response to the same query (same topic and parameters)")) {
            try PageCursor(decoding: token, for: "q", key: key)
        }
    }

    @Test func refusesACursorSignedWithAnotherKey() {
        let token = PageCursor(values: ["1"]).encoded(for: "q", key: SymmetricKey(data: Array(repeating: UInt8(8), count: 32)))
        #expect(throws: HistoryError.self) { try PageCursor(decoding: token, for: "q", key: key) }
    }
}

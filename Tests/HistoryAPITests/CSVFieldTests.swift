@testable import HistoryAPI
import Testing

@Suite struct CSVFieldTests {
    private func field(_ text: String?) -> String {
        var output: [UInt8] = []
        if let text {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { CSVField.append(UnsafeBufferPointer($0), to: &output) }
        } else {
            CSVField.append(nil, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func writesPlainFieldsAsTheyAre() {
        #expect(field("abc 123") == "abc 123")
        #expect(field("żółw ✓") == "żółw ✓")
    }

    @Test func quotesFieldsWithCommasQuotesAndLineBreaks() {
        #expect(field("a,b") == "\"a,b\"")
        #expect(field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(field("two\nlines") == "\"two\nlines\"")
        #expect(field("cr\rlf") == "\"cr\rlf\"")
    }

    @Test func tellsNullFromTheEmptyString() {
        #expect(field(nil) == "")
        #expect(field("") == "\"\"")
    }

    @Test func writesAHeaderLineWithCRLF() {
        var output: [UInt8] = []
        CSVField.appendLine(["position", "a,b", "c"], to: &output)
        #expect(output == Array("position,\"a,b\",c\r\n".utf8))
    }
}

import LoadGenerator
import NIOCore
import Testing

@Suite("Benchmark payload")
struct BenchPayloadTests {
    @Test("encodes compact JSON and decodes it back")
    func roundTrip() {
        var body = ByteBuffer()
        BenchPayload(sequence: 42, sentAt: 1_234_567_890_123).encode(into: &body)
        #expect(String(buffer: body) == #"{"seq":42,"sent":1234567890123}"#)
        #expect(BenchPayload(decoding: body) == BenchPayload(sequence: 42, sentAt: 1_234_567_890_123))
    }

    @Test("decodes re-serialised JSON: spaces and reordered keys")
    func reserialised() {
        let body = ByteBuffer(string: #"{"sent": 99, "seq": 7, "extra": "x"}"#)
        #expect(BenchPayload(decoding: body) == BenchPayload(sequence: 7, sentAt: 99))
    }

    @Test(
        "refuses bodies without both numbers",
        arguments: [#"{"seq":1}"#, #"{"seq":"1","sent":2}"#, "hello", "", #"{"seq":,"sent":2}"#])
    func refuses(text: String) {
        #expect(BenchPayload(decoding: ByteBuffer(string: text)) == nil)
    }
}

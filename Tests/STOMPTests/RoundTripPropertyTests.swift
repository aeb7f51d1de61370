import NIOCore
import PostgresTestSupport
import STOMP
import Testing

@Suite("Round trip: parse(encode(frame)) == frame")
struct RoundTripPropertyTests {
    static let frameCount = 2_000

    @Test(
        "random frames in random streams at random split points",
        arguments: [(STOMPVersion.v1_2, 0x5EED_0012 as UInt64), (.v1_1, 0x5EED_0011), (.v1_0, 0x5EED_0010)]
    )
    func roundTrip(version: STOMPVersion, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var framesLeft = Self.frameCount
        var streamIndex = 0
        while framesLeft > 0 {
            var bytes: [UInt8] = []
            var expected: [STOMPParseEvent] = []
            for _ in 0..<min(framesLeft, Int.random(in: 1...5, using: &generator)) {
                let frame = STOMPFrame.random(version: version, using: &generator)
                bytes += frame.encoded(version: version)
                expected.append(.frame(frame.withEncodedContentLength))
                for _ in 0..<Int.random(in: 0...2, using: &generator) {
                    bytes += Bool.random(using: &generator) ? [0x0A] : [0x0D, 0x0A]
                    expected.append(.heartbeat)
                }
                framesLeft -= 1
            }
            let cuts = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                Int.random(in: 0...bytes.count, using: &generator)
            }.sorted()
            let events = try STOMPParser.events(parsing: bytes, cutAt: cuts, version: version)
            #expect(events == expected, "seed \(seed), stream \(streamIndex), cuts \(cuts)")
            streamIndex += 1
        }
    }
}

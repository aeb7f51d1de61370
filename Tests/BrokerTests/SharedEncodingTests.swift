import Broker
import NIOCore
import STOMP
import Testing

@Suite("Shared tails: encoded once per event and STOMP version")
struct SharedEncodingTests {
    @Test("100 subscribers on 3 versions: 3 encodings per event, 1 for a single version")
    func encodingsPerVersion() throws {
        var broker = Broker.test()
        for number in 0..<100 {
            let version = STOMPVersion.allCases[number % 3]
            try broker.add("s-\(number)", version: version, .init(id: "0", topic: .orders))
        }
        try broker.add("only-1.1", version: .v1_1, .init(id: "0", topic: .chat))

        _ = broker.publish(.row(.orders, 1))
        #expect(broker.metrics.sharedEncodings == 3)
        _ = broker.publish(.row(.orders, 2))
        #expect(broker.metrics.sharedEncodings == 6)
        _ = broker.publish(.row(.chat, 3))
        #expect(broker.metrics.sharedEncodings == 7)
    }

    @Test("subscribers of one version share the tail's storage: the body is not copied per subscriber")
    func tailStorageIsShared() throws {
        var broker = Broker.test()
        try broker.add("a", .init(id: "0", topic: .orders), .init(id: "1", topic: .orders))
        try broker.add("b", .init(id: "0", topic: .orders))
        _ = broker.publish(.row(.orders, 1, body: ByteBuffer(repeating: 7, count: 4096)))

        let tails = (broker.drainAll("a") + broker.drainAll("b")).map(\.tail)

        let addresses = Set(tails.map { $0.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) } })
        #expect(tails.count == 3)
        #expect(addresses.count == 1)
    }

    @Test("heads hold only the per-subscriber headers")
    func headIsSmall() throws {
        var broker = Broker.test()
        try broker.add("a", version: .v1_1, .init(id: "x", topic: .orders, ackMode: .clientIndividual))
        _ = broker.publish(.row(.orders, 7))

        let delivery = try #require(broker.drainAll("a").first)

        #expect(String(buffer: delivery.head) == "MESSAGE\nsubscription:x\nmessage-id:7-x\n")
    }
}

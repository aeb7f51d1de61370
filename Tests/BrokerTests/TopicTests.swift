import Broker
import Testing

@Suite("Topics, destinations and the catalog")
struct TopicTests {
    @Test("valid names", arguments: ["a", "0", "orders", "chat.lobby", "a_b-c.d", "9lives", String(repeating: "x", count: 200)])
    func valid(name: String) throws {
        let topic = try Topic(name)
        #expect(topic.name == name)
        #expect(topic.destination == "/topic/\(name)")
        #expect(try Topic(destination: "/topic/\(name)") == topic)
    }

    @Test(
        "invalid names",
        arguments: ["", "Orders", "_a", ".a", "-a", "a b", "a/b", "é", "a:b", String(repeating: "x", count: 201)]
    )
    func invalid(name: String) {
        #expect(throws: BrokerError.invalidTopic(name)) { try Topic(name) }
        #expect(throws: BrokerError.invalidTopic(name)) { try Topic(destination: "/topic/\(name)") }
    }

    @Test("destinations outside /topic/", arguments: ["/queue/a", "topic/a", "/topic", "/Topic/a", "/topics/a", ""])
    func invalidDestination(destination: String) {
        #expect(throws: BrokerError.invalidDestination(destination)) { try Topic(destination: destination) }
    }

    @Test("a known topic resolves; an unknown one is an error naming it")
    func withoutAutoCreate() throws {
        var broker = Broker.test()

        #expect(try broker.resolveTopic(destination: "/topic/orders") == .existing(.orders))
        let error = #expect(throws: BrokerError.unknownTopic("nope")) { try broker.resolveTopic(destination: "/topic/nope") }
        #expect(error?.message == "unknown topic")
        #expect(error?.detail == "The topic 'nope' does not exist.")
        #expect(throws: BrokerError.invalidDestination("/queue/orders")) {
            try broker.resolveTopic(destination: "/queue/orders")
        }
    }

    @Test("with autoCreateTopics an unknown topic is created once, then exists")
    func autoCreate() throws {
        var broker = Broker.test(.init(autoCreateTopics: true))
        let topic = try Topic("new.topic")

        #expect(try broker.resolveTopic(destination: "/topic/new.topic") == .created(topic))
        #expect(try broker.resolveTopic(destination: "/topic/new.topic") == .existing(topic))
        #expect(broker.catalog.contains(topic))
        #expect(throws: BrokerError.invalidTopic("Bad")) { try broker.resolveTopic(destination: "/topic/Bad") }
    }
}

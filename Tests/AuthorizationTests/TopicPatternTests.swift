import Authorization
import Testing

/// Topic patterns: exact names, a trailing `*`, and everything else refused.
struct TopicPatternTests {
    @Test func anExactNameMatchesOnlyItself() throws {
        let pattern = try TopicPattern("sensors")
        #expect(pattern.matches("sensors"))
        #expect(!pattern.matches("sensors.eu"))
        #expect(!pattern.matches("sensor"))
    }

    @Test func aDotStarPrefixMatchesTheSubtopicsNotTheParent() throws {
        let pattern = try TopicPattern("orders.*")
        #expect(pattern.matches("orders.eu"))
        #expect(pattern.matches("orders.eu.paid"))
        #expect(!pattern.matches("orders"))
        #expect(!pattern.matches("ordersx"))
    }

    @Test func aBareStarPrefixMatchesEveryTopicStartingWithIt() throws {
        let pattern = try TopicPattern("orders*")
        #expect(pattern.matches("orders"))
        #expect(pattern.matches("orders_archive"))
        #expect(!pattern.matches("order"))
        #expect(try TopicPattern("*").matches("anything.at-all"))
        #expect(TopicPattern.all == (try TopicPattern("*")))
    }

    @Test(arguments: ["", "or*ders", "*orders", "Orders", "orders.**", "orders?", "-x", " orders", String(repeating: "a", count: 201)])
    func patternsATopicCannotHaveAreRefused(_ text: String) {
        #expect(throws: AccessPolicyError.invalidPattern(text)) { try TopicPattern(text) }
    }

    @Test func theDescriptionIsThePatternAsWritten() throws {
        #expect(try TopicPattern("orders.*").description == "orders.*")
        #expect(try TopicPattern("sensors").description == "sensors")
    }
}

import Authorization
import RowFilter
import Testing

/// Policies from the claim shape: verbs by pattern, restrictions ANDed in front of the
/// client's own filter, and invalid claims refused whole.
struct AccessPolicyTests {
    @Test func theClaimShapeGrantsEachVerbByItsOwnPatterns() throws {
        let policy = try AccessPolicy(json: #"{"read": ["sensors", "orders.*"], "publish": ["chat.*"]}"#)
        #expect(policy.allows(.read, topic: "sensors"))
        #expect(policy.allows(.read, topic: "orders.eu"))
        #expect(!policy.allows(.read, topic: "orders"))
        #expect(!policy.allows(.read, topic: "chat.lobby"))
        #expect(policy.allows(.publish, topic: "chat.lobby"))
        #expect(!policy.allows(.publish, topic: "sensors"))
    }

    @Test func missingMembersGrantNothing() throws {
        let policy = try AccessPolicy(json: "{}")
        #expect(!policy.allows(.read, topic: "sensors"))
        #expect(!policy.allows(.publish, topic: "sensors"))
        #expect(!AccessPolicy.nothing.allows(.read, topic: "sensors"))
        #expect(AccessPolicy.unrestricted.allows(.publish, topic: "anything"))
    }

    @Test func aRestrictionIsANDedInFrontOfTheClientsFilterSoItCannotBeWidened() throws {
        let policy = try AccessPolicy(claim: AccessClaim(read: ["orders"], filters: ["orders": "tenant=eq.42"]))
        let own = try RowFilter.parse(selector: "tenant=eq.7")
        let combined = try #require(policy.constrain(own, topic: "orders"))
        #expect(combined.description == "tenant=eq.42&tenant=eq.7")
        #expect(!combined.matches(Array(#"{"tenant":7}"#.utf8)))
        #expect(!combined.matches(Array(#"{"tenant":42}"#.utf8)))
        #expect(policy.constrain(nil, topic: "orders")?.description == "tenant=eq.42")
        #expect(policy.constrain(own, topic: "sensors") == own)
        #expect(policy.constrain(nil, topic: "sensors") == nil)
    }

    @Test func everyMatchingRestrictionApplies() throws {
        let policy = try AccessPolicy(claim: AccessClaim(read: ["*"], filters: ["orders*": "tenant=eq.42", "orders.eu": "region=eq.eu"]))
        let restriction = try #require(policy.restriction(for: "orders.eu"))
        #expect(restriction.conditions.count == 2)
        #expect(restriction.matches(Array(#"{"tenant":42,"region":"eu"}"#.utf8)))
        #expect(!restriction.matches(Array(#"{"tenant":42,"region":"us"}"#.utf8)))
        #expect(policy.restriction(for: "orders")?.description == "tenant=eq.42")
    }

    @Test func anInvalidFilterOrPatternRefusesTheWholeClaim() {
        #expect(throws: AccessPolicyError.self) { try AccessPolicy(claim: AccessClaim(read: ["orders"], filters: ["orders": "tenant=zz.42"])) }
        #expect(throws: AccessPolicyError.invalidPattern("Orders")) { try AccessPolicy(claim: AccessClaim(read: ["sensors", "Orders"])) }
        #expect(throws: AccessPolicyError.self) { try AccessPolicy(json: #"{"read": "sensors"}"#) }
        #expect(throws: AccessPolicyError.self) { try AccessPolicy(json: "not json") }
        #expect(throws: AccessPolicyError.self) { try AccessPolicy(claim: AccessClaim(read: ["orders"], filters: ["orders": ""])) }
    }

    @Test func aDenialNamesTheVerbTheTopicAndTheSubject() throws {
        let principal = Principal(kind: .token, subject: "tenant-42", access: try AccessPolicy(json: #"{"read": ["sensors"]}"#))
        try principal.authorize(.read, topic: "sensors")
        #expect(throws: AccessDenial(verb: .publish, topic: "sensors", subject: "tenant-42")) {
            try principal.authorize(.publish, topic: "sensors")
        }
        let denial = AccessDenial(verb: .read, topic: "orders", subject: "tenant-42")
        #expect(denial.message == "access denied")
        #expect(denial.detail == "tenant-42 may not read topic 'orders'.")
    }
}

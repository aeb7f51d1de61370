import Foundation
import RowFilter

extension AccessPolicy {
    /// The policy a claim grants; a claim with one invalid entry grants nothing at all.
    ///
    /// ```swift
    /// let policy = try AccessPolicy(claim: AccessClaim(read: ["sensors"]))
    /// ```
    ///
    /// - Parameters:
    ///   - claim: The decoded claim.
    /// - Throws: ``AccessPolicyError`` naming the first invalid pattern or filter.
    public init(claim: AccessClaim) throws(AccessPolicyError) {
        let read = try (claim.read ?? []).map { text throws(AccessPolicyError) in try TopicPattern(text) }
        let publish = try (claim.publish ?? []).map { text throws(AccessPolicyError) in try TopicPattern(text) }
        var restrictions: [Restriction] = []
        for (text, selector) in (claim.filters ?? [:]).sorted(by: { $0.key < $1.key }) {
            let pattern = try TopicPattern(text)
            guard !selector.isEmpty else {
                throw .invalidFilter(pattern: text, reason: "it is empty; omit the entry to restrict nothing")
            }
            do {
                restrictions.append(Restriction(pattern: pattern, predicate: try RowFilter.parse(selector: selector)))
            } catch {
                throw .invalidFilter(pattern: text, reason: error.description)
            }
        }
        self.init(read: read, publish: publish, restrictions: restrictions)
    }

    /// The policy of a claim written as JSON, as `--anonymous-access` takes it.
    ///
    /// ```swift
    /// let anonymous = try AccessPolicy(json: #"{"read": ["demo.*"]}"#)
    /// ```
    ///
    /// - Parameters:
    ///   - json: The claim's JSON text.
    /// - Throws: ``AccessPolicyError``.
    public init(json: String) throws(AccessPolicyError) {
        let claim: AccessClaim
        do {
            claim = try JSONDecoder().decode(AccessClaim.self, from: Data(json.utf8))
        } catch {
            throw .malformed("\(error)")
        }
        try self.init(claim: claim)
    }
}

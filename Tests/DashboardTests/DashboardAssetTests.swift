import Foundation
import Testing

@testable import Dashboard

@Suite("Dashboard assets")
struct DashboardAssetTests {
    @Test("the page, its script and its style sheet are served with their types")
    func assets() {
        let types = Dictionary(uniqueKeysWithValues: DashboardAsset.all.map { ($0.path, $0.contentType) })
        #expect(
            types == [
                "/": "text/html; charset=utf-8",
                "/dashboard.js": "text/javascript; charset=utf-8",
                "/dashboard.css": "text/css; charset=utf-8",
            ])
        #expect(DashboardAsset.all.allSatisfy { $0.body.readableBytes > 500 })
    }

    @Test("the page links only to its own assets")
    func pageLinks() throws {
        let links = DashboardPage.html.matches(of: /(?:src|href)="([^"]*)"/).map { String($0.output.1) }
        #expect(Set(links) == ["data:,", "/dashboard.css", "/dashboard.js", "#"])
    }

    @Test("nothing is loaded from another site")
    func noExternalURLs() {
        let svgNamespace = "http://www.w3.org/2000/svg"
        for source in [DashboardPage.html, DashboardScript.source, DashboardStyle.css] {
            let text = source.replacingOccurrences(of: svgNamespace, with: "")
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("@import"))
        }
    }

    @Test("the ETag is the quoted FNV-1a hash of the bytes")
    func eTag() {
        #expect(DashboardAsset.eTag(of: []) == "\"cbf29ce484222325\"")
        #expect(DashboardAsset.eTag(of: Array("a".utf8)) == "\"af63dc4c8601ec8c\"")
        #expect(DashboardAsset.eTag(of: Array("foobar".utf8)) == "\"85944171f73967e8\"")
        let tags = Set(DashboardAsset.all.map(\.eTag))
        #expect(tags.count == DashboardAsset.all.count)
    }

    @Test("the script is one strict-mode file with the test hooks the browser test reads")
    func script() {
        #expect(DashboardScript.source.hasPrefix("'use strict';"))
        #expect(DashboardScript.source.contains("window.pgliveReceived = {};"))
        #expect(DashboardScript.source.contains("window.pgliveSnapshotPosition = {};"))
    }
}

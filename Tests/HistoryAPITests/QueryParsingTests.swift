import Crypto
@testable import HistoryAPI
import PostgresLibPQ
import Testing

@Suite struct QueryParsingTests {
    let key = SymmetricKey(data: Array(repeating: UInt8(1), count: 32))
    let orders = CatalogTopic(
        name: "orders", kind: .table, sourceTable: "demo.orders",
        columns: [
            .init(name: "id", type: "bigint", notNull: true, leadsIndex: true),
            .init(name: "status", type: "text", notNull: true, leadsIndex: false),
            .init(name: "amount", type: "numeric(10,2)", notNull: true, leadsIndex: true),
            .init(name: "note", type: "text", notNull: false, leadsIndex: true),
        ],
        keyColumns: ["id"])

    private func events(_ pairs: [(String, String)], format: ResponseFormat = .json) throws -> EventsQuery {
        let parameters = try HistoryParameters(pairs, controlNames: EventsQuery.controlNames, scope: "events/orders")
        return try EventsQuery(parameters, topic: orders, format: format, configuration: .init(), key: key)
    }

    private func rows(_ pairs: [(String, String)]) throws -> RowsQuery {
        let parameters = try HistoryParameters(pairs, controlNames: RowsQuery.controlNames, scope: "rows/orders")
        return try RowsQuery(parameters, topic: orders, format: .json, configuration: .init(), key: key)
    }

    private func error(_ body: () throws -> Any) -> HistoryError.Code? {
        do {
            _ = try body()
            return nil
        } catch let error as HistoryError {
            return error.code
        } catch {
            return .internalError
        }
    }

    @Test func theFingerprintIgnoresOrderLimitCursorAndFormat() throws {
        let a = try HistoryParameters([("status", "eq.open"), ("after", "5"), ("limit", "10")], controlNames: EventsQuery.controlNames, scope: "s")
        let b = try HistoryParameters([("after", "5"), ("status", "eq.open"), ("format", "csv"), ("cursor", "x")], controlNames: EventsQuery.controlNames, scope: "s")
        let c = try HistoryParameters([("after", "6"), ("status", "eq.open")], controlNames: EventsQuery.controlNames, scope: "s")
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test func valuesFromTheRequestOnlyEverBecomeBindParameters() throws {
        let hostile = "x'); DROP TABLE pglive.events; --"
        let query = try events([
            ("status", "eq.\(hostile)"), ("note", "in.(\"\(hostile)\",b)"), ("amount", "gt.1e3"),
            ("from-time", "2026-01-01T00:00:00Z"), ("op", "in.(INSERT,UPDATE)"), ("after", "7"),
        ])
        let (sql, bindings) = query.sql(selecting: EventsQuery.documentColumn, extraRow: true)
        #expect(!sql.contains("DROP"))
        #expect(!sql.contains("2026"))
        #expect(bindings.values.compactMap { $0 as? String }.contains(hostile))
        #expect(bindings.values.count >= 7)
    }

    @Test func limitsAboveTheMaximumAreRefusedNotTruncated() throws {
        #expect(error { try events([("limit", "10001")]) } == .limitTooHigh)
        #expect(try events([("limit", "10000")]).limit == 10_000)
        #expect(try events([]).limit == 100)
        #expect(try events([("limit", "50000000")], format: .ndjson).limit == 50_000_000)
        #expect(try events([], format: .csv).limit == nil)
        #expect(error { try events([("limit", "0")]) } == .invalidParameter)
        #expect(error { try events([("limit", "ten")]) } == .invalidParameter)
    }

    @Test func badParametersNameTheirProblem() {
        #expect(error { try events([("after", "-1")]) } == .invalidParameter)
        #expect(error { try events([("after", "+5")]) } == .invalidParameter)
        #expect(error { try events([("limit", "+5")]) } == .invalidParameter)
        #expect(error { try events([("op", "in.( INSERT,UPDATE)")]) } == .invalidParameter)
        #expect(error { try events([("after", "1"), ("after", "2")]) } == .invalidParameter)
        #expect(error { try events([("from-time", "yesterday")]) } == .invalidParameter)
        #expect(error { try events([("op", "eq.TRUNCATE")]) } == .invalidParameter)
        #expect(error { try events([("op", "in.(INSERT")]) } == .invalidParameter)
        #expect(error { try events([("order", "sideways")]) } == .invalidParameter)
        #expect(error { try events([("status", "approx.open")]) } == .invalidFilter)
        #expect(error { try events([("colour", "eq.red")]) } == .unknownColumn)
        #expect(error { try events([("cursor", "AAAA")]) } == .invalidCursor)
    }

    @Test func timesAreRFC3339WithTAndZInEitherCase() throws {
        let upper = try events([("from-time", "2026-01-01T00:00:00Z")]).fromTime
        #expect(upper != nil)
        #expect(try events([("from-time", "2026-01-01t00:00:00z")]).fromTime == upper)
        #expect(try events([("to-time", "2026-01-01t01:00:00.5+01:00")]).toTime == upper?.addingTimeInterval(0.5))
        #expect(error { try events([("to-time", "2026-01-01 00:00:00Z")]) } == .invalidParameter)
    }

    @Test func timesOutsideYears0001To9999AreTheClientsError() throws {
        // Year 0000 is RFC 3339 but PostgreSQL refuses it (22008): a 500 before this check.
        #expect(error { try events([("from-time", "0000-12-31T23:59:59Z")]) } == .invalidParameter)
        #expect(error { try events([("to-time", "0001-01-01T00:30:00+01:00")]) } == .invalidParameter)
        #expect(try events([("from-time", "0002-01-01T00:00:00Z")]).fromTime != nil)
        #expect(try events([("to-time", "9999-12-31T23:59:59Z")]).toTime != nil)
    }

    @Test func aCursorContinuesFromItsPositionInTheQuerysDirection() throws {
        let parameters = try HistoryParameters([("order", "desc")], controlNames: EventsQuery.controlNames, scope: "events/orders")
        let token = PageCursor(values: ["40"]).encoded(for: parameters.fingerprint, key: key)
        let query = try events([("order", "desc"), ("cursor", token)])
        #expect(query.before == 40 && query.after == nil && query.descending)
        #expect(error { try events([("order", "asc"), ("cursor", token)]) } == .invalidCursor)
    }

    @Test func rowsOrderOnlyByIndexedNotNullColumnsWithTheKeyAsTieBreaker() throws {
        #expect(try rows([("order", "amount.desc")]).sortColumns.map(\.name) == ["amount", "id"])
        #expect(try rows([]).sortColumns.map(\.name) == ["id"])
        #expect(error { try rows([("order", "status.asc")]) } == .invalidParameter)
        #expect(error { try rows([("order", "note.asc")]) } == .invalidParameter)
        #expect(error { try rows([("order", "nope.asc")]) } == .unknownColumn)
        #expect(error { try rows([("select", "id,secret")]) } == .unknownColumn)
        #expect(error { try rows([("order", "amount")]) } == .invalidParameter)
    }

    @Test func rowsQuoteCatalogueIdentifiersAndBindCursorValuesWithTheColumnsTypes() throws {
        let parameters = try HistoryParameters([("order", "amount.asc")], controlNames: RowsQuery.controlNames, scope: "rows/orders")
        let token = PageCursor(values: ["10.50", "3"]).encoded(for: parameters.fingerprint, key: key)
        let query = try rows([("order", "amount.asc"), ("cursor", token)])
        let (sql, bindings) = query.sql(selecting: query.documentColumn, extraRow: true)
        #expect(sql.contains(#"(r."amount", r."id") > ($1::numeric(10,2), $2::bigint)"#))
        #expect(sql.contains(#"ORDER BY r."amount", r."id""#))
        #expect(bindings.values.compactMap { $0 as? String } == ["10.50", "3"])
    }

    @Test func applicationTopicsHaveNoRowsAndNoRowFilters() throws {
        let chat = CatalogTopic(name: "chat", kind: .app, sourceTable: nil, columns: [], keyColumns: [])
        let parameters = try HistoryParameters([], controlNames: RowsQuery.controlNames, scope: "rows/chat")
        #expect(error { try RowsQuery(parameters, topic: chat, format: .json, configuration: .init(), key: key) } == .unknownTopic)
        #expect(error { try RowFilterParameters.filter([("a", "eq.1")], topic: chat) } == .invalidFilter)
    }
}

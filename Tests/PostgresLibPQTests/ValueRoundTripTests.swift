import Foundation
import PostgresLibPQ
import PostgresTestSupport
import Testing

@Suite struct ValueRoundTripTests {
    let database: TestDatabase

    init() throws { database = try TestPostgres.makeDatabase(label: "values") }

    @Test func parametersRoundTripThroughEveryMappedType() throws {
        let connection = try database.connect()
        let instant = Date(timeIntervalSince1970: 1_764_174_119.123456)
        let bytes: [UInt8] = [0, 1, 2, 0xfe, 0xff, 0x5c, 0x00]
        let row = try connection.query(
            """
            SELECT $1::text AS text, $2::int AS int, $3::bigint AS bigint, $4::numeric AS numeric,
                   $5::bool AS bool, $6::timestamptz AS ts, $7::jsonb AS json, $8::bytea AS bytes,
                   $9::text AS null_text, $10::float8 AS double
            """,
            ["héllo 'quoted' \"x\" \\ 🚀", Int32(-42), Int64.max, PostgresValue.numeric("12345678901234567890.000123"),
             true, instant, PostgresJSON(#"{"b": [1, 2], "a": null}"#), bytes, PostgresValue.null, 0.1]
        ).rows[0]
        #expect(try row.decode("text", as: String.self) == "héllo 'quoted' \"x\" \\ 🚀")
        #expect(try row.decode("int", as: Int32.self) == -42)
        #expect(try row.decode("bigint", as: Int64.self) == Int64.max)
        #expect(row["numeric"] == .numeric("12345678901234567890.000123"))
        #expect(try row.decode("bool", as: Bool.self) == true)
        let decodedInstant = try row.decode("ts", as: Date.self)
        #expect(abs(decodedInstant.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        #expect(row["json"] == .json(#"{"a": null, "b": [1, 2]}"#))
        #expect(try row.decode("bytes", as: [UInt8].self) == bytes)
        #expect(row["null_text"] == .null)
        #expect(try row.decode("null_text", as: String?.self) == nil)
        #expect(try row.decode("double", as: Double.self) == 0.1)
    }

    @Test func timestampsWithOffsetsAndZonesDecodeToTheSameInstant() throws {
        let connection = try database.connect()
        try connection.execute("SET TimeZone TO 'Asia/Kolkata'")
        let row = try connection.query(
            "SELECT '2026-11-26 17:21:59.5+00'::timestamptz AS a, '2026-11-26 17:21:59.5'::timestamp AS b").rows[0]
        #expect(try row.decode("a", as: Date.self) == Date(timeIntervalSince1970: 1_795_713_719.5))
        #expect(try row.decode("b", as: Date.self) == Date(timeIntervalSince1970: 1_795_713_719.5))
    }

    @Test func decodingTheWrongTypeIsATypedError() throws {
        let connection = try database.connect()
        let row = try connection.query("SELECT 'x'::text AS t").rows[0]
        #expect(throws: PostgresError.self) { try row.decode("t", as: Int.self) }
        #expect(throws: PostgresError.self) { try row.decode("missing", as: String.self) }
    }
}

import Migrations
import Testing

@Suite struct MigrationFileParsingTests {
    private func parse(_ text: String, name: String = "0001_test.sql") -> MigrationFile {
        MigrationFile(fileName: MigrationFileName(parsing: name)!, contents: Array(text.utf8))
    }

    @Test func splitsUpAndDownWithFileLines() {
        let file = parse("""
            CREATE TABLE a (x int);
            CREATE TABLE b (x int);

            -- migrate:down
            DROP TABLE b;
            DROP TABLE a;
            """)
        #expect(file.isTransactional)
        #expect(file.up.map(\.text) == ["CREATE TABLE a (x int)", "CREATE TABLE b (x int)"])
        #expect(file.down?.map(\.text) == ["DROP TABLE b", "DROP TABLE a"])
        #expect(file.down?.map(\.line) == [5, 6])
        #expect(file.problems.isEmpty)
    }

    @Test func withoutDownMarkerThereIsNoDownSection() {
        #expect(parse("SELECT 1;").down == nil)
        #expect(parse("SELECT 1;\n-- migrate:down\n").down == [])
    }

    @Test func noTransactionDirective() {
        let file = parse("-- pglive:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")
        #expect(!file.isTransactional)
        #expect(file.up.count == 1)
        #expect(file.up[0].line == 2)
    }

    @Test func unknownDirectiveAndRepeatedDownMarkerAreProblems() {
        let file = parse("-- pglive:no-transactions\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\n")
        #expect(file.problems == [
            .unknownDirective(file: "0001_test.sql", line: 1, directive: "-- pglive:no-transactions"),
            .repeatedDownMarker(file: "0001_test.sql", line: 5),
        ])
    }

    @Test func crlfCopyHasTheSameChecksumAndStatements() {
        let lf = "CREATE TABLE a (x text DEFAULT 'a;b');\n-- migrate:down\nDROP TABLE a;\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Array(crlf.utf8) != Array(lf.utf8))
        #expect(parse(crlf) == parse(lf))
        #expect(MigrationChecksum.of(file: Array(crlf.utf8)) == MigrationChecksum.of(file: Array(lf.utf8)))
        #expect(MigrationChecksum.of(file: Array("a\rb".utf8)) == MigrationChecksum.of(file: Array("a\nb".utf8)))
    }

    @Test func checksumIsSHA256HexOfNormalisedBytes() {
        #expect(MigrationChecksum.of(file: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(MigrationChecksum.of(file: Array("SELECT 1;\n".utf8)) != MigrationChecksum.of(file: Array("SELECT 2;\n".utf8)))
    }
}

import Migrations
import Testing

@Suite struct SQLStatementSplitterTests {
    private func texts(_ sql: String) -> [String] {
        SQLStatementSplitter.split(sql).statements.map(\.text)
    }

    @Test func splitsAtTopLevelSemicolonsAndDropsEmptyStatements() {
        #expect(texts("SELECT 1;;\n  SELECT 2 ;\n\n") == ["SELECT 1", "SELECT 2"])
        #expect(texts("SELECT 1") == ["SELECT 1"])
        #expect(texts("  ;  \n -- only a comment\n") == [])
    }

    @Test func semicolonsInSingleQuotesWithDoubledQuotes() {
        #expect(texts("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 2;")
            == ["INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2"])
    }

    @Test func eStringsHonourBackslashEscapes() {
        #expect(texts(#"SELECT E'it\'s; \\';SELECT e'\\';SELECT 3"#)
            == [#"SELECT E'it\'s; \\'"#, #"SELECT e'\\'"#, "SELECT 3"])
    }

    @Test func backslashIsPlainInStandardStrings() {
        #expect(texts(#"SELECT 'C:\';SELECT 2"#) == [#"SELECT 'C:\'"#, "SELECT 2"])
    }

    @Test func anIdentifierEndingInEIsNotAnEString() {
        #expect(texts(#"SELECT some'x\';SELECT 2"#) == [#"SELECT some'x\'"#, "SELECT 2"])
    }

    @Test func doubleQuotedIdentifiers() {
        #expect(texts(#"CREATE TABLE "a;""b" (x int);SELECT 1"#) == [#"CREATE TABLE "a;""b" (x int)"#, "SELECT 1"])
    }

    @Test func dollarQuotesWithAndWithoutTags() {
        let sql = """
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
            BEGIN RETURN 1; END;
            $$;
            CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT $x$;$$x$ $body$;
            SELECT 3;
            """
        let statements = SQLStatementSplitter.split(sql).statements
        #expect(statements.count == 3)
        #expect(statements[0].text.hasSuffix("END;\n$$"))
        #expect(statements[1].text == "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT $x$;$$x$ $body$")
        #expect(statements.map(\.line) == [1, 4, 5])
    }

    @Test func parametersAndDollarsInIdentifiersAreNotDollarQuotes() {
        #expect(texts("PREPARE p AS SELECT $1;SELECT a$b$ FROM t;SELECT 3") == ["PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT 3"])
    }

    @Test func lineCommentsAndNestedBlockComments() {
        let sql = """
            -- leading; comment
            SELECT 1 /* outer; /* inner; */ still; comment */ + 1; -- trailing;
            /* a comment; alone */
            SELECT 2;
            """
        let statements = SQLStatementSplitter.split(sql).statements
        #expect(statements.map(\.text) == ["SELECT 1 /* outer; /* inner; */ still; comment */ + 1", "SELECT 2"])
        #expect(statements.map(\.line) == [2, 4])
        #expect(statements.map(\.number) == [1, 2])
    }

    @Test func sqlStandardFunctionBodyKeepsItsSemicolons() {
        let sql = """
            CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
              SELECT a;
            END;
            SELECT 2;
            """
        #expect(texts(sql).count == 2)
        #expect(texts(sql)[0].hasSuffix("SELECT a;\nEND"))
    }

    @Test func transactionBeginIsNotAFunctionBody() {
        #expect(texts("BEGIN; SELECT 1; COMMIT;") == ["BEGIN", "SELECT 1", "COMMIT"])
    }

    @Test func leadingWordsSkipCommentsAndStrings() {
        let statement = SQLStatementSplitter.split("/* x */ CREATE /* y */ UNIQUE INDEX CONCURRENTLY \"I\" ON t (a)").statements[0]
        #expect(statement.leadingWords == ["create", "unique", "index", "concurrently", "on", "t"])
        #expect(statement.autocommitOnlyCommand == "CREATE INDEX CONCURRENTLY")
    }

    @Test func firstLineOffsetsStatementLines() {
        #expect(SQLStatementSplitter.split("\n\nSELECT 1;", firstLine: 10).statements[0].line == 12)
    }

    @Test(arguments: [
        ("SELECT 'abc", "single-quoted string"), ("SELECT \"abc", "double-quoted identifier"),
        ("SELECT $q$ abc", "dollar-quoted string"), ("SELECT 1; /* /* */", "block comment"),
        ("SELECT E'\\'", "E'' string"),
    ])
    func reportsUnterminatedConstructs(_ sql: String, _ kind: String) {
        #expect(SQLStatementSplitter.split(sql).unterminated?.kind == kind)
    }

    @Test func errorPositionMapsToFileLine() {
        let statement = SQLStatementSplitter.split("\n\nSELECT 'é',\n  nope\n  FROM t", firstLine: 3).statements[0]
        #expect(statement.line == 5)
        #expect(statement.fileLine(ofErrorPosition: 16) == 6)
        #expect(statement.fileLine(ofErrorPosition: nil) == 5)
        #expect(statement.fileLine(ofErrorPosition: 1) == 5)
    }
}

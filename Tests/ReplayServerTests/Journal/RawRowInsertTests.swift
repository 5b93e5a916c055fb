import Foundation
import GRDB
import Testing

@testable import ReplayJournal

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The journal's request rows are bound through SQLite's C API: empty values must stay empty
/// (SQLite binds a NULL pointer as NULL), and a value SQLite refuses must fail its row, not the process.
@Suite("Rows bound through SQLite's C API")
struct RawRowInsertTests {
    @Test func emptyValuesAreStoredEmptyNotNull() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL, b TEXT NOT NULL, c BLOB NOT NULL, d INTEGER, e REAL NOT NULL, f BLOB NOT NULL)")
            var row = RawRowInsert(try db.cachedStatement(sql: "INSERT INTO t (a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?)"), in: db)
            row.bind("")
            row.bind(text: [])
            row.bind(blob: [UInt8]())
            row.bind(nil as Int?)
            row.bind(0.5)
            row.bind(blob: Data())
            try row.insert()
            let stored = try Row.fetchOne(
                db,
                sql: "SELECT typeof(a) AS a, typeof(b) AS b, typeof(c) AS c, typeof(d) AS d, typeof(f) AS f, length(c) AS n FROM t"
            )
            #expect(stored?["a"] == "text")
            #expect(stored?["b"] == "text")
            #expect(stored?["c"] == "blob")
            #expect(stored?["d"] == "null")
            #expect(stored?["f"] == "blob")
            #expect(stored?["n"] == 0)
        }
    }

    @Test func valuesCopiedPastTheReservedRoomAreStoredWholeAndTheStatementKeepsNoneOfThem() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT, b BLOB, c TEXT, d INTEGER)")
            let statement = try db.cachedStatement(sql: "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)")
            let long = String(repeating: "é-", count: 5_000)
            let blob = (0..<70_000).map { UInt8(truncatingIfNeeded: $0) }
            // The row's buffer grows twice after its 16 bytes: each value must be read where it ends up.
            var row = RawRowInsert(statement, in: db, reservingBytes: 16)
            row.bind("short")
            row.bind(blob: blob)
            row.bind(long)
            row.bind(Int64(7))
            try row.insert()
            let stored = try Row.fetchOne(db, sql: "SELECT a, b, c, d FROM t")
            #expect(stored?["a"] == "short")
            #expect(stored?["b"] == Data(blob))
            #expect(stored?["c"] == long)
            #expect(stored?["d"] == 7)
            // The row's buffer is gone: stepped again unbound, the statement inserts NULLs, not the old values.
            #expect(sqlite3_step(statement.sqliteStatement) == SQLITE_DONE)
            sqlite3_reset(statement.sqliteStatement)
            let again = try Row.fetchOne(db, sql: "SELECT a, b, c, d FROM t WHERE rowid = 2")
            #expect(again?["a"] == nil as String?)
            #expect(again?["b"] == nil as Data?)
            #expect(again?["d"] == nil as Int?)
        }
    }

    @Test func aValueSQLiteRefusesToBindFailsItsRowAndTheNextRowGoesIn() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL, b BLOB NOT NULL)")
            // What a 2 GB value is to a real journal: more than SQLite takes.
            sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_LENGTH, 100)
            let statement = try db.cachedStatement(sql: "INSERT INTO t (a, b) VALUES (?, ?)")
            var tooBig = RawRowInsert(statement, in: db)
            tooBig.bind("fits")
            tooBig.bind(blob: [UInt8](repeating: 7, count: 1_000))
            let error = #expect(throws: DatabaseError.self) { try tooBig.insert() }
            #expect(error?.resultCode == .SQLITE_TOOBIG)
            var next = RawRowInsert(statement, in: db)
            next.bind("next")
            next.bind(blob: [UInt8](repeating: 7, count: 10))
            try next.insert()
            #expect(try String.fetchAll(db, sql: "SELECT a FROM t") == ["next"])
        }
    }

    @Test func aConstraintFailureIsADatabaseErrorWithItsCode() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL)")
            let statement = try db.cachedStatement(sql: "INSERT INTO t (id, a) VALUES (?, ?)")
            for expectedFailure in [false, true] {
                var row = RawRowInsert(statement, in: db)
                row.bind(Int64(1))
                row.bind("same id")
                if expectedFailure {
                    let error = #expect(throws: DatabaseError.self) { try row.insert() }
                    #expect(error?.resultCode == .SQLITE_CONSTRAINT)
                    #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY)
                } else {
                    try row.insert()
                }
            }
        }
    }
}

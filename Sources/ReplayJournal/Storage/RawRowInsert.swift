import Foundation
import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// One row bound to a prepared insert through SQLite's C API, then inserted: for the journal's
/// hottest statement, where GRDB's boxed arguments cost more than SQLite's own insert.
///
/// Values are bound in the statement's column order; strings and blobs are copied by SQLite
/// (`SQLITE_TRANSIENT`). Empty strings and blobs are bound empty, never as NULL.
struct RawRowInsert {
    private let statement: Statement
    private let database: Database
    private var column: CInt = 0
    /// The first bind SQLite refused (a value too big), thrown by ``insert()``.
    private var refusedBind: CInt?

    /// Starts a row on a statement prepared by `database` (its bindings of the last row cleared).
    init(_ statement: Statement, in database: Database) {
        self.statement = statement
        self.database = database
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    mutating func bind(_ value: Int64?) {
        column += 1
        guard let value else { return }
        checked(sqlite3_bind_int64(statement.sqliteStatement, column, value))
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Double) {
        column += 1
        checked(sqlite3_bind_double(statement.sqliteStatement, column, value))
    }

    mutating func bind(_ value: String?) {
        guard var value else {
            column += 1
            return
        }
        value.withUTF8 { bind(text: $0) }
    }

    /// Binds UTF-8 bytes as text.
    mutating func bind(text bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bind(text: $0) }
    }

    private mutating func bind(text bytes: UnsafeBufferPointer<UInt8>) {
        column += 1
        guard bytes.count <= CInt.max else { return checked(SQLITE_TOOBIG) }
        checked(sqlite3_bind_text(statement.sqliteStatement, column, Self.pointer(bytes), CInt(bytes.count), Self.transient))
    }

    mutating func bind(blob bytes: some ContiguousBytes) {
        column += 1
        checked(
            bytes.withUnsafeBytes { bytes in
                guard bytes.count <= CInt.max else { return SQLITE_TOOBIG }
                return sqlite3_bind_blob(statement.sqliteStatement, column, bytes.baseAddress ?? Self.empty, CInt(bytes.count), Self.transient)
            }
        )
    }

    /// Inserts the row; throws what SQLite answers, as GRDB would (a `DatabaseError` with its code).
    /// The statement is reset after; its bindings are cleared when the next row starts.
    func insert() throws {
        defer { sqlite3_reset(statement.sqliteStatement) }
        if let refusedBind {
            throw DatabaseError(resultCode: ResultCode(rawValue: refusedBind), message: "a value of the row cannot be bound", sql: statement.sql)
        }
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            var extended = code
            var message: String?
            if let connection = database.sqliteConnection {
                extended = sqlite3_extended_errcode(connection)
                message = String(cString: sqlite3_errmsg(connection))
            }
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
        }
    }

    private mutating func checked(_ code: CInt) {
        if code != SQLITE_OK, refusedBind == nil { refusedBind = code }
    }

    private static func pointer(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar> {
        guard let address = bytes.baseAddress else { return empty.assumingMemoryBound(to: CChar.self) }
        return UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
    }

    /// Where an empty value points: SQLite binds a NULL pointer as NULL, not as empty.
    private static var empty: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }

    /// SQLite's `SQLITE_TRANSIENT`: it copies the value before the bind returns.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}

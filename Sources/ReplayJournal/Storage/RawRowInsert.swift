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
/// Values are given in the statement's column order. Strings and blobs are copied into one
/// buffer of the row, and bound where they stand there while the row is inserted
/// (`SQLITE_STATIC`): one copy, not one allocation per value, which SQLite makes for a value it
/// copies itself. The bindings are cleared before ``insert()`` returns, so that the statement
/// never points at a buffer gone. Empty strings and blobs are bound empty, never as NULL.
struct RawRowInsert {
    /// A value to bind; text and blobs as a range of ``bytes``.
    private enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(Range<Int>)
        case blob(Range<Int>)
    }

    private let statement: Statement
    private let database: Database
    private var values: [Value] = []
    /// The row's text and blobs, one after the other.
    private var bytes: [UInt8] = []

    /// Starts a row on a statement prepared by `database`, with room for `bytes` of text and
    /// blobs before the row's buffer grows.
    init(_ statement: Statement, in database: Database, reservingBytes reserved: Int = 0) {
        self.statement = statement
        self.database = database
        values.reserveCapacity(24)
        bytes.reserveCapacity(reserved)
    }

    mutating func bind(_ value: Int64?) {
        values.append(value.map(Value.integer) ?? .null)
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Double) {
        values.append(.real(value))
    }

    mutating func bind(_ value: Double?) {
        values.append(value.map(Value.real) ?? .null)
    }

    mutating func bind(_ value: String?) {
        guard var value else {
            values.append(.null)
            return
        }
        value.withUTF8 { values.append(.text(stored(UnsafeRawBufferPointer($0)))) }
    }

    /// Binds UTF-8 bytes as text.
    mutating func bind(text bytes: [UInt8]) {
        bytes.withUnsafeBytes { values.append(.text(stored($0))) }
    }

    mutating func bind(blob bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { values.append(.blob(stored($0))) }
    }

    /// Copies bytes into the row's buffer; where they stand there.
    private mutating func stored(_ source: UnsafeRawBufferPointer) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: source)
        return start..<bytes.count
    }

    /// Binds the row and inserts it; throws what SQLite answers, as GRDB would (a
    /// `DatabaseError` with its code). The statement is reset and its bindings cleared after.
    func insert() throws {
        let sqliteStatement = statement.sqliteStatement
        sqlite3_reset(sqliteStatement)
        sqlite3_clear_bindings(sqliteStatement)
        try bytes.withUnsafeBufferPointer { buffer in
            // The bindings point into `buffer`: cleared before it may go.
            defer {
                sqlite3_reset(sqliteStatement)
                sqlite3_clear_bindings(sqliteStatement)
            }
            var refused: CInt?
            for (index, value) in values.enumerated() {
                let column = CInt(index + 1)
                let code: CInt
                switch value {
                case .null: continue
                case .integer(let integer): code = sqlite3_bind_int64(sqliteStatement, column, integer)
                case .real(let real): code = sqlite3_bind_double(sqliteStatement, column, real)
                case .text(let range):
                    guard range.count <= CInt.max else {
                        code = SQLITE_TOOBIG
                        break
                    }
                    code = sqlite3_bind_text(sqliteStatement, column, Self.pointer(buffer, range), CInt(range.count), Self.static)
                case .blob(let range):
                    guard range.count <= CInt.max else {
                        code = SQLITE_TOOBIG
                        break
                    }
                    code = sqlite3_bind_blob(sqliteStatement, column, Self.pointer(buffer, range), CInt(range.count), Self.static)
                }
                if code != SQLITE_OK, refused == nil { refused = code }
            }
            if let refused {
                throw DatabaseError(resultCode: ResultCode(rawValue: refused), message: "a value of the row cannot be bound", sql: statement.sql)
            }
            let code = sqlite3_step(sqliteStatement)
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
    }

    /// Where a value stands in the row's buffer; an empty one points at an empty string, as
    /// SQLite binds a NULL pointer as NULL, not as empty.
    private static func pointer(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafePointer<CChar> {
        guard !range.isEmpty, let address = buffer.baseAddress else {
            return UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
        }
        return UnsafeRawPointer(address + range.lowerBound).assumingMemoryBound(to: CChar.self)
    }

    /// SQLite's `SQLITE_STATIC`: the value stays where it is until the bindings are cleared.
    private static var `static`: sqlite3_destructor_type? { nil }
}

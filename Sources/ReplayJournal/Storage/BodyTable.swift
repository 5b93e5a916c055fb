import Crypto
import Foundation
import GRDB

/// Large answers shared by many entries, stored once in the `body` table by their SHA-256.
enum BodyTable {
    /// Shared parts smaller than this stay in their row: a row of the body table would cost more.
    static let minimumSharedBytes = 1024

    /// Stores bytes under their hash, unless they are there already.
    static func store(_ bytes: [UInt8], hash: String, in db: Database) throws {
        let known = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM body WHERE hash = ?"), arguments: [hash]) ?? false
        if !known {
            try db.cachedStatement(sql: "INSERT INTO body (hash, bytes) VALUES (?, ?)").execute(arguments: [hash, Data(bytes)])
        }
    }

    /// The SHA-256 of bytes, in hex.
    static func hash(_ bytes: [UInt8]) -> String {
        Hex.lowercase(SHA256.hash(data: bytes))
    }
}

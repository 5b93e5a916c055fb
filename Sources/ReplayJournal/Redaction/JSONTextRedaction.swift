import Foundation

/// Secrets replaced in JSON text as it was sent, everything else kept byte for byte, so a
/// journaled body still reads as the client wrote it (member order, spacing, number spelling).
///
/// One pass over the text: member names are tracked to know which values stand under a
/// secret name; a string value the table changes is written again as a JSON string; a number
/// under a secret name becomes its placeholder, as a string. Member names are never changed.
enum JSONTextRedaction {
    private struct Container {
        var isObject: Bool
        /// Whether the container itself stands under a secret name.
        var isSecret: Bool
        /// In an object: whether the next string is a member name.
        var expectsName = true
        /// In an object: whether the current member's value stands under a secret name.
        var memberIsSecret = false
    }

    /// The text with the table's secrets replaced; nil when nothing changed. The text must be
    /// valid JSON (the caller parsed it).
    package static func replacing(in bytes: [UInt8], with table: SecretTable) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        var stack: [Container] = []
        var position = 0

        func valueIsSecret() -> Bool {
            guard let top = stack.last else { return false }
            return top.isObject ? top.memberIsSecret : top.isSecret
        }
        func replace(_ range: Range<Int>, with replacement: String) {
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output += bytes[copied..<range.lowerBound]
            var literal = ""
            JSONString.append(replacement, to: &literal)
            output += literal.utf8
            copied = range.upperBound
        }

        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(Container(isObject: bytes[position] == UInt8(ascii: "{"), isSecret: valueIsSecret()))
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                position += 1
            case UInt8(ascii: ","):
                if let last = stack.indices.last, stack[last].isObject { stack[last].expectsName = true }
                position += 1
            case UInt8(ascii: ":"):
                if let last = stack.indices.last { stack[last].expectsName = false }
                position += 1
            case UInt8(ascii: "\""):
                let literal = position..<endOfString(bytes, from: position)
                position = literal.upperBound
                let text = decoded(bytes[literal])
                if let last = stack.indices.last, stack[last].isObject, stack[last].expectsName {
                    stack[last].memberIsSecret = stack[last].isSecret || SecretName.isSecret(text)
                } else {
                    let replaced = table.replacing(text, underSecretName: valueIsSecret())
                    if replaced != text { replace(literal, with: replaced) }
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = position
                while position < bytes.count, isNumberByte(bytes[position]) { position += 1 }
                if valueIsSecret(), let number = Double(String(decoding: bytes[start..<position], as: UTF8.self)),
                    let placeholder = table.placeholder(standing: SecretFields.text(number))
                {
                    replace(start..<position, with: placeholder)
                }
            default:
                position += 1
            }
        }
        guard !output.isEmpty || copied > 0 else { return nil }
        output += bytes[copied...]
        return output
    }

    /// The index after the string literal starting at `start` (its opening quote).
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""): return position + 1
            default: position += 1
            }
        }
        return bytes.count
    }

    /// A string literal's value: its bytes when it has no escape, else decoded as JSON.
    private static func decoded(_ literal: ArraySlice<UInt8>) -> String {
        let content = literal.dropFirst().dropLast()
        guard content.contains(UInt8(ascii: "\\")) else { return String(decoding: content, as: UTF8.self) }
        return (try? JSONSerialization.jsonObject(with: Data(literal), options: .fragmentsAllowed) as? String)
            ?? String(decoding: content, as: UTF8.self)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }
}

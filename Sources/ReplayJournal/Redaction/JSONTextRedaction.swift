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
        /// The secret name the container itself stands under, if any.
        var secretName: String?
        /// In an object: whether the next string is a member name.
        var expectsName = true
        /// In an object: the secret name the current member's value stands under, if any.
        var memberSecretName: String?
    }

    /// A string or number value of the text, with the secret name it stands under.
    private struct Value {
        var range: Range<Int>
        /// The string's decoded text; nil for a number.
        var text: String?
        var secretName: String?
    }

    /// Every string and number under a member whose name holds a secret, at any depth, read
    /// from the text: a member repeated in an object counts each time (a parsed value keeps one
    /// of them), and text that is not valid JSON is read as far as it goes.
    package static func secrets(in bytes: [UInt8]) -> [Redactor.Found] {
        var found: [Redactor.Found] = []
        walk(bytes) { value in
            guard let name = value.secretName else { return }
            if let text = value.text {
                if !text.isEmpty { found.append(Redactor.Found(value: text, name: name)) }
            } else if let number = number(bytes[value.range]) {
                found.append(Redactor.Found(value: SecretFields.text(number), name: name))
            }
        }
        return found
    }

    /// The text with the table's secrets replaced; nil when nothing changed. Text that is not
    /// valid JSON is read as far as it goes, and the rest kept.
    package static func replacing(in bytes: [UInt8], with table: SecretTable) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        func replace(_ range: Range<Int>, with replacement: String) {
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output += bytes[copied..<range.lowerBound]
            var literal = ""
            JSONString.append(replacement, to: &literal)
            output += literal.utf8
            copied = range.upperBound
        }
        walk(bytes) { value in
            if let text = value.text {
                let replaced = table.replacing(text, underSecretName: value.secretName != nil)
                if replaced != text { replace(value.range, with: replaced) }
            } else if value.secretName != nil, let number = number(bytes[value.range]),
                let placeholder = table.placeholder(standing: SecretFields.text(number))
            {
                replace(value.range, with: placeholder)
            }
        }
        guard !output.isEmpty || copied > 0 else { return nil }
        output += bytes[copied...]
        return output
    }

    /// One pass over the text: member names are tracked to know which values stand under a
    /// secret name (the outermost one); `visit` gets every string value (never a member name)
    /// and every number, in order.
    private static func walk(_ bytes: [UInt8], visit: (Value) -> Void) {
        var stack: [Container] = []
        var position = 0
        func valueSecretName() -> String? {
            guard let top = stack.last else { return nil }
            return top.isObject ? top.memberSecretName : top.secretName
        }
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(Container(isObject: bytes[position] == UInt8(ascii: "{"), secretName: valueSecretName()))
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
                    stack[last].memberSecretName = stack[last].secretName ?? (SecretName.isSecret(text) ? text : nil)
                } else {
                    visit(Value(range: literal, text: text, secretName: valueSecretName()))
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = position
                while position < bytes.count, isNumberByte(bytes[position]) { position += 1 }
                visit(Value(range: start..<position, text: nil, secretName: valueSecretName()))
            default:
                position += 1
            }
        }
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self))
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

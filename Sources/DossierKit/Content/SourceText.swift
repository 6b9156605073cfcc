import Foundation

/// Decodes a file's bytes into the text the rest of the pipeline sees:
/// UTF-8 only, a leading BOM dropped, CRLF and lone CR turned into LF.
enum SourceText {
    static func decode(_ data: Data, file: String) throws(Diagnostic) -> String {
        if let text = decodeCommonCase(data) { return text }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let offset = firstNonUTF8Offset(bytes) {
            let location = locate(byteOffset: offset, in: bytes, file: file)
            throw .error(
                "file is not valid UTF-8 text", at: location,
                hint: "save the file as UTF-8; binary files belong in Templates/assets/, not Content/")
        }
        if bytes.contains(0) {
            let offset = bytes.firstIndex(of: 0)! - bytes.startIndex
            throw .error(
                "file contains a NUL byte and looks binary", at: locate(byteOffset: offset, in: bytes, file: file),
                hint: "only Markdown (.md) and YAML files belong in Content/")
        }
        guard bytes.contains(0x0D) else { return String(decoding: bytes, as: UTF8.self) }
        // On bytes, not Characters: a CR or LF followed by a combining mark or a joiner
        // is one Character to String search, which then missed or doubled line breaks.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var afterCR = false
        for byte in bytes {
            if byte == 0x0A && afterCR { afterCR = false; continue }
            afterCR = byte == 0x0D
            normalized.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: normalized, as: UTF8.self)
    }

    /// Valid UTF-8 with LF line ends and no NUL, as nearly every file is: checked and
    /// copied in one pass over contiguous bytes. nil sends the file through the careful path.
    private static func decodeCommonCase(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            guard let base = bytes.baseAddress else { return "" }
            if memchr(base, 0, bytes.count) != nil || memchr(base, 0x0D, bytes.count) != nil { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    private static func firstNonUTF8Offset(_ bytes: Data.SubSequence) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return consumed
            }
        }
    }

    private static func locate(byteOffset: Int, in bytes: Data.SubSequence, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes.prefix(byteOffset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

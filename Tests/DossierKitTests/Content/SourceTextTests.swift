import Foundation
import Testing

@testable import DossierKit

@Suite("SourceText decoding")
struct SourceTextTests {
    @Test func dropsByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: X\n---\n".utf8)
        let text = try SourceText.decode(data, file: "Content/x.md")
        #expect(text == "---\ntitle: X\n---\n")
        #expect(text.unicodeScalars.first == "-")
    }

    @Test func keepsByteOrderMarkFreeTextUnchanged() throws {
        let original = "Goïta — « citation »\nsecond line\n"
        #expect(try SourceText.decode(Data(original.utf8), file: "x.md") == original)
    }

    @Test func turnsCRLFAndLoneCRIntoLF() throws {
        let data = Data("a\r\nb\r\n\r\nc\rd".utf8)
        let text = try SourceText.decode(data, file: "x.md")
        #expect(text == "a\nb\n\nc\nd")
        #expect(!text.contains("\r"))
    }

    @Test func byteOrderMarkAndCRLFTogether() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: X\r\n---\r\n".utf8)
        #expect(try SourceText.decode(data, file: "x.md") == "---\ntitle: X\n---\n")
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8Location() throws {
        // Line 3, after "é" (two bytes, one column) comes a lone 0xFF byte.
        var data = Data("first\nsecond\n".utf8)
        data += Data("é".utf8) + Data([0xFF]) + Data("rest\n".utf8)
        let error = #expect(throws: Diagnostic.self) { try SourceText.decode(data, file: "Content/bad.md") }
        #expect(error?.location == SourceLocation(file: "Content/bad.md", line: 3, column: 2))
        #expect(error?.severity == .error)
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test("a BOM does not shift the line of an invalid byte")
    func invalidUTF8AfterBOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a\nb\nc\nxy".utf8) + Data([0xC3, 0x28])
        let error = #expect(throws: Diagnostic.self) { try SourceText.decode(data, file: "f.md") }
        #expect(error?.location.line == 4)
        #expect(error?.location.column == 3)
    }

    @Test func truncatedSequenceAtEndIsAnError() {
        let data = Data("ok\n".utf8) + Data([0xE2, 0x82])
        let error = #expect(throws: Diagnostic.self) { try SourceText.decode(data, file: "f.md") }
        #expect(error?.location.line == 2)
    }

    @Test func nulByteIsReportedAsBinary() {
        let data = Data("a\nb".utf8) + Data([0]) + Data("c".utf8)
        let error = #expect(throws: Diagnostic.self) { try SourceText.decode(data, file: "f.md") }
        #expect(error?.message.contains("NUL") == true)
        #expect(error?.location.line == 2)
    }
}

import Testing

@testable import DossierKit

@Suite("FrontMatter.split")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let text = "---\ntitle: Mali\nkind: country\n---\nFirst body line.\n\nSecond paragraph.\n"
        let split = try FrontMatter.split(text, file: "Content/x.md")
        #expect(split.yaml == "title: Mali\nkind: country")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "First body line.\n\nSecond paragraph.\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test(arguments: [0, 1, 4, 9])
    func bodyLineFollowsTheClosingFence(yamlLineCount: Int) throws {
        let yaml = (0..<yamlLineCount).map { "k\($0): v" }.joined(separator: "\n")
        let text = "---\n" + (yamlLineCount > 0 ? yaml + "\n" : "") + "---\nBODY"
        let split = try FrontMatter.split(text, file: "f.md")
        // The closing fence is on line yamlLineCount + 2; the body starts on the next one.
        #expect(split.bodyFirstLine == yamlLineCount + 3)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[split.bodyFirstLine - 1] == "BODY")
        #expect(split.yaml == yaml)
    }

    @Test func fenceMayCarryTrailingSpacesAndDotsClose() throws {
        let spaced = try FrontMatter.split("---  \ntitle: A\n--- \nbody", file: "f.md")
        #expect(spaced.yaml == "title: A")
        #expect(spaced.body == "body")
        let dots = try FrontMatter.split("---\ntitle: A\n...\nbody", file: "f.md")
        #expect(dots.yaml == "title: A")
        #expect(dots.bodyFirstLine == 4)
    }

    /// Fences are found on bytes first, then checked as characters: three dashes whose
    /// last one carries a combining mark are another character, and no fence.
    @Test func dashesFusedWithAMarkAreNotAFence() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\u{301}\nmore: B\n---\nbody", file: "f.md")
        #expect(split.yaml == "title: A\n---\u{301}\nmore: B")
        #expect(split.body == "body")
        #expect(split.bodyFirstLine == 6)
    }

    @Test func textWithoutOpeningFenceIsAllBody() throws {
        let split = try FrontMatter.split("# Just Markdown\n", file: "f.md")
        #expect(split.yaml.isEmpty)
        #expect(split.body == "# Just Markdown\n")
        #expect(split.bodyFirstLine == 1)
    }

    @Test func aLongerDashRuleIsNotAFence() throws {
        let split = try FrontMatter.split("----\ntitle: A\n", file: "f.md")
        #expect(split.yaml.isEmpty)
        #expect(split.bodyFirstLine == 1)
    }

    @Test("an unterminated front matter is an error at line 1")
    func unterminated() {
        let error = #expect(throws: Diagnostic.self) {
            try FrontMatter.split("---\ntitle: A\nsummary: B\n\nBody text\n", file: "Content/briefings/x.md")
        }
        #expect(error?.location == SourceLocation(file: "Content/briefings/x.md", line: 1, column: 1))
        #expect(error?.message.contains("not closed") == true)
    }
}

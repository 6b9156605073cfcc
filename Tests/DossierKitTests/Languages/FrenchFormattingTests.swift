import Testing

@testable import DossierKit

@Suite struct FrenchDatesTests {
    func french(_ text: String) throws -> String {
        let date = try DateParser.parse(text)
        return FrenchDates.display(date)
    }

    @Test func eachPrecision() throws {
        #expect(try french("2025-09-22") == "22 septembre 2025")
        #expect(try french("2025-09") == "septembre 2025")
        #expect(try french("2025") == "2025")
        #expect(try french("2026-06-01") == "1er juin 2026")
        #expect(try french("2025-08") == "août 2025")
    }

    @Test func approximateAndRanges() throws {
        #expect(try french("~2025") == "vers 2025")
        #expect(try french("~2025-09-26") == "vers le 26 septembre 2025")
        #expect(try french("2025-09-15/2025-09-17") == "15–17 septembre 2025")
        #expect(try french("2026-06-01/2026-06-03") == "1er–3 juin 2026")
        #expect(try french("2025-09-30/2025-10-02") == "30 septembre – 2 octobre 2025")
        #expect(try french("2025-09/2025-12") == "septembre–décembre 2025")
        #expect(try french("2024/2026") == "2024–2026")
    }

    @Test func renderingInFrenchSwitchesEveryDate() throws {
        let date = try DateParser.parse("2025-09-22")
        #expect(DateFormatting.display(date) == "22 September 2025")
        DateFormatting.$language.withValue("fr") { #expect(DateFormatting.display(date) == "22 septembre 2025") }
    }
}

@Suite struct FrenchTypographyTests {
    @Test func spacesBeforeDoublePunctuationBecomeUnbreakable() {
        #expect(
            FrenchTypography.apply(toText: "Pourquoi ? Parce que : voilà ; enfin !")
                == "Pourquoi\u{202F}? Parce que\u{A0}: voilà\u{202F}; enfin\u{202F}!")
    }

    @Test func guillemetsGetTheirSpaces() {
        #expect(FrenchTypography.apply(toText: "« retrait immédiat »") == "«\u{202F}retrait immédiat\u{202F}»")
        #expect(FrenchTypography.apply(toText: "«retrait»") == "«\u{202F}retrait\u{202F}»")
    }

    @Test func textWithoutSpacesIsLeftAlone() {
        // URLs, times and English quoted in a French page keep their characters.
        #expect(
            FrenchTypography.apply(toText: "https://example.org/?q=1 at 10:30 said “Why?”")
                == "https://example.org/?q=1 at 10:30 said “Why?”")
    }

    @Test func markupAndCodeAreLeftAlone() {
        let html = "<p title=\"a ? b\">Quoi ? <code>x ? y</code> <a href=\"?q\">lien</a> : fin</p><script>a ? b : c</script>"
        #expect(
            FrenchTypography.apply(toHTML: html)
                == "<p title=\"a ? b\">Quoi\u{202F}? <code>x ? y</code> <a href=\"?q\">lien</a>\u{A0}: fin</p><script>a ? b : c</script>")
    }
}

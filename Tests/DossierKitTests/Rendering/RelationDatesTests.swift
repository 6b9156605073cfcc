import Testing

@testable import DossierKit

@Suite("A relation's dates in the page's language")
struct RelationDatesTests {
    @Test func aDayTakesTheArticleInFrenchAMonthDoesNot() async throws {
        try await withTempSite { site in
            try frenchEngineSite(site)
            _ = try await TranslationTests().build(site)
            // Mali is a member of the AES from a day; Assimi Goïta leads Mali from a month.
            let english = try site.html("entities/countries/mali/index.html")
            #expect(english.contains("from 16 September 2023"))
            #expect(english.contains("from May 2021"))
            let french = try site.html("fr/entities/countries/mali/index.html")
            #expect(french.contains("depuis le 16 septembre 2023"))
            #expect(french.contains("depuis mai 2021"))
            #expect(!french.contains("from 16"), "no English preposition before a French date")
        }
    }
}

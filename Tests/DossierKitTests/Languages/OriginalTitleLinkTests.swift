import Foundation
import Testing

@testable import DossierKit

/// A translated briefing keeps its original title as a name: an analyst translating a page
/// that links [[Sahel overview]] need not know what the briefing is called in French yet.
@Suite struct OriginalTitleLinkTests {
    @Test func theOriginalTitleOfATranslatedBriefingStillNamesIt() async throws {
        try await withTempSite { site in
            try TranslatedSlugTests.translatedBriefing(site, link: "[[Sahel overview]] et [[Vue d’ensemble du Sahel|la vue]]")
            let report = try await TranslationTests().build(site)
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            let mali = try site.html("fr/entities/countries/mali/index.html")
            // Both names reach the French briefing, which shows under its French title.
            #expect(mali.contains(#"<a class="xref" href="../../../briefings/sahel-overview/">Vue d’ensemble du Sahel</a>"#))
            #expect(mali.contains(#"<a class="xref" href="../../../briefings/sahel-overview/">la vue</a>"#))
            // In English the French title names nothing.
            #expect(try site.html("entities/countries/mali/index.html").contains("Vue d’ensemble") == false)
        }
    }
}

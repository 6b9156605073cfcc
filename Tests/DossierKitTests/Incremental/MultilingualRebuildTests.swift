import Foundation
import Testing

@testable import DossierKit

/// `serve` on a site in English and French: body edits in either language render only
/// what they reach in both; a translation added, removed or with new front matter
/// renders everything. After each edit the served folder equals a full build.
@Suite("Incremental rebuilds in two languages")
struct MultilingualRebuildTests {
    typealias Session = IncrementalBuildTests.Session

    func bilingualSession(_ site: TempSite) async throws -> Session {
        try TranslationTests().bilingual(site)
        return try await Session(site)
    }

    @Test("an original's body edit renders its page, and its translation, now stale")
    func originalEdit() async throws {
        try await withTempSite { site in
            let session = try await bilingualSession(site)
            try site.edit("entities/countries/mali.md", replacing: "in 2000", with: "in 2000, and announced its withdrawal in 2025")
            let report = try await session.rebuild()
            #expect(report.renderedCount < session.pageCount)
            #expect(try site.html("fr/entities/countries/mali/index.html").contains("translation-stale"))
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a translation's body edit renders the French page and the French pages it links")
    func translationEdit() async throws {
        try await withTempSite { site in
            let session = try await bilingualSession(site)
            try site.edit("entities/countries/mali.fr.md", replacing: "en 2000", with: "dès 2000, voir [[Sahel overview]]")
            let report = try await session.rebuild()
            #expect(report.renderedCount < 5)
            #expect(try site.html("fr/entities/countries/mali/index.html").contains("dès 2000"))
            try await session.expectEqualToFullBuild()
            // An untranslated page's new link reaches the French page's backlinks.
            try site.edit("entities/countries/niger.md", replacing: "---\n\n", with: "---\n\nA neighbour of [[Mali]].\n\n")
            #expect(try await session.rebuild().renderedCount < session.pageCount)
            try await session.expectEqualToFullBuild()
        }
    }

    @Test("a sequence of edits in both languages, added and removed translations included, ends equal to a full build")
    func sequence() async throws {
        try await withTempSite { site in
            let session = try await bilingualSession(site)
            let nigerHash = TranslationFiles.hash(try site.read("entities/countries/niger.md"))
            let steps: [(String, Bool, () throws -> Void)] = [
                ("edit the French home page's body", true, { try site.edit("index.fr.md", replacing: "Voir", with: "Lire aussi") }),
                (
                    "edit an English briefing", true,
                    {
                        try site.write(
                            "briefings/sahel-overview.md", try site.read("briefings/sahel-overview.md") + "\nSee also [[Mali]].\n")
                    }
                ),
                (
                    "add a translation", false,
                    {
                        try site.write(
                            "entities/countries/niger.fr.md",
                            "---\ntitle: \"Niger\"\ntranslation_of: \"\(nigerHash)\"\n---\n\nLe Niger, voisin du [[Mali]].\n")
                    }
                ),
                (
                    "change a translation's title", false,
                    {
                        try site.edit(
                            "entities/countries/niger.fr.md", replacing: "title: \"Niger\"", with: "title: \"République du Niger\"")
                    }
                ),
                (
                    "edit the new translation's body", true,
                    { try site.edit("entities/countries/niger.fr.md", replacing: "voisin", with: "pays voisin") }
                ),
                (
                    "remove it", false,
                    { try FileManager.default.removeItem(at: site.content.appendingPathComponent("entities/countries/niger.fr.md")) }
                ),
                (
                    "edit the English original of a translation again", true,
                    { try site.edit("entities/countries/mali.md", replacing: "in 2000", with: "in 2000 (the UN records it)") }
                ),
            ]
            for (name, incremental, edit) in steps {
                try edit()
                let report = try await session.rebuild()
                if incremental {
                    #expect(report.renderedCount < session.pageCount, "\(name) rendered \(report.renderedCount) pages")
                } else {
                    #expect(report.renderedCount >= session.pageCount, "\(name) rendered \(report.renderedCount) pages")
                }
                try await session.expectEqualToFullBuild()
            }
        }
    }
}

import Foundation
import Testing

@testable import DossierKit

/// `dossier new --translation`: the copy builds, goes stale when the original changes,
/// says what changed, and is clean again once its hash is updated.
@Suite struct NewTranslationTests {
    func bilingual(_ site: TempSite) throws {
        try site.write("site.yml", try site.read("site.yml") + TranslationTests.languages)
    }

    func newTranslation(_ site: TempSite, _ original: String, language: String = "fr") throws(Diagnostic) -> String {
        let (path, text) = try NewTranslation.make(
            original: original, language: language, contentFolder: site.content, displayRoot: "Content", workingFolder: site.root)
        do { try site.write(path, text) } catch { Issue.record("cannot write \(path)") }
        return path
    }

    func build(_ site: TempSite, useGit: Bool = false) async throws -> SiteBuilder.Report {
        var options = site.options()
        options.useGit = useGit
        return try await SiteBuilder(options: options).build()
    }

    func git(_ site: TempSite, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-C", site.root.path, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
            + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    @Test func theCopyBuildsWithWarningsForWhatIsLeftToTranslate() async throws {
        try await withTempSite { site in
            try bilingual(site)
            let path = try newTranslation(site, "Content/entities/countries/mali.md")
            #expect(path == "entities/countries/mali.fr.md")
            let text = try site.read(path)
            let hash = TranslationFiles.hash(try site.read("entities/countries/mali.md"))
            #expect(text.contains("translation_of: \"\(hash)\""))
            #expect(text.contains("title: \"Mali\"\n"))
            #expect(text.contains("aliases:\n  - \"Republic of Mali\"\n"))
            #expect(!text.contains("relations:") && !text.contains("facts:") && !text.contains("kind:"))
            #expect(text.hasSuffix("Mali ratified the [[Rome Statute]] in 2000 [@untc].\n"))
            let report = try await build(site)
            let messages = report.warnings.filter { $0.location.file == "Content/entities/countries/mali.fr.md" }.map(\.message)
            #expect(
                messages.sorted() == [
                    "not translated yet: the body is the original's", "not translated yet: the summary is the original's",
                ])
            #expect(!report.warnings.contains { $0.message.contains("stale") })
            #expect(try site.html("fr/entities/countries/mali/index.html").contains("Mali ratified the"))
        }
    }

    @Test func aTranslatedCopyIsCleanThenStaleWithWhatChangedThenCleanAgain() async throws {
        try await withTempSite { site in
            try bilingual(site)
            try git(site, "init", "-q")
            try git(site, "add", ".")
            try git(site, "commit", "-q", "-m", "dossier")
            let path = try newTranslation(site, "Content/entities/countries/mali.md")
            try site.edit(
                path, replacing: "\"A West African state in the Alliance of Sahel States.\"", with: "\"Un État d’Afrique de l’Ouest.\"")
            try site.edit(
                path, replacing: "Mali ratified the [[Rome Statute]]", with: "Le Mali a ratifié le [[Rome Statute|Statut de Rome]]")
            #expect(try await build(site, useGit: true).warnings.isEmpty)

            try site.edit(
                "entities/countries/mali.md", replacing: "in 2000 [@untc].",
                with: "in 2000 [@untc].\n\nIt announced its withdrawal in 2025 [@comm-2025].")
            let stale = try await build(site, useGit: true)
            let warning = try #require(stale.warnings.first { $0.message.contains("stale") })
            #expect(warning.location.file == "Content/entities/countries/mali.fr.md")
            #expect(warning.location.line != nil)
            #expect(
                warning.message
                    == "stale translation: Content/entities/countries/mali.md changed since this translation was made: paragraph 2 of the body changed"
            )
            let now = TranslationFiles.hash(try site.read("entities/countries/mali.md"))
            #expect(warning.hint?.contains("set 'translation_of: \(now)'") == true)

            let recorded = try #require(try site.read(path).split(separator: "\n").first { $0.hasPrefix("translation_of:") })
            try site.edit(path, replacing: String(recorded), with: "translation_of: \"\(now)\"")
            #expect(try await build(site, useGit: true).warnings.isEmpty)
        }
    }

    @Test func whatChangedNamesTheFieldsAndParagraphs() {
        let old = "---\ntitle: \"A\"\nsummary: \"S\"\ndate: \"2025-01-01\"\n---\n\nOne.\n\nTwo.\n\nThree.\n"
        #expect(OriginalChanges.describe(old: old, new: old.replacingOccurrences(of: "Two.", with: "Deux.")) == "paragraph 2 of the body")
        #expect(
            OriginalChanges.describe(
                old: old, new: old.replacingOccurrences(of: "\"A\"", with: "\"B\"").replacingOccurrences(of: "2025", with: "2026"))
                == "the title and front matter (date)")
        #expect(
            OriginalChanges.describe(old: old, new: old.replacingOccurrences(of: "\n\nThree.", with: ""))
                == "1 paragraph of the body removed")
    }

    @Test func withoutGitTheWarningStillNamesTheFile() async throws {
        try await withTempSite { site in
            try bilingual(site)
            let path = try newTranslation(site, "Content/briefings/sahel-overview.md")
            try site.write("briefings/sahel-overview.md", try site.read("briefings/sahel-overview.md") + "\nA sentence added.\n")
            let report = try await build(site)
            let warning = try #require(report.warnings.first { $0.message.contains("stale") })
            #expect(warning.location.file == "Content/" + path)
            #expect(
                warning.message.contains("Content/briefings/sahel-overview.md changed since this translation was made (git has no version"))
        }
    }

    @Test func refusesAnUnknownLanguageAnExistingTranslationAndATranslation() async throws {
        try await withTempSite { site in
            try bilingual(site)
            func refusal(_ original: String, _ language: String = "fr") -> Diagnostic? {
                do {
                    _ = try newTranslation(site, original, language: language)
                    return nil
                } catch { return error }
            }
            let unknown = try #require(refusal("Content/entities/countries/mali.md", "de"))
            #expect(unknown.message == "'de' is not one of the dossier's languages")
            #expect(unknown.location.file == "Content/site.yml")
            #expect(unknown.hint?.contains("its other languages: fr") == true)
            #expect(refusal("Content/entities/countries/mali.md", "en")?.message.contains("default language") == true)

            _ = try newTranslation(site, "Content/entities/countries/mali.md")
            let existing = try #require(refusal("Content/entities/countries/mali.md"))
            #expect(existing.message == "Content/entities/countries/mali.fr.md exists already; not overwriting it")
            #expect(existing.location.file == "Content/entities/countries/mali.fr.md")

            let ofTranslation = try #require(refusal("Content/entities/countries/mali.fr.md"))
            #expect(ofTranslation.message == "Content/entities/countries/mali.fr.md is a translation, not an original")
            #expect(ofTranslation.hint == "translate its original: dossier new --translation fr Content/entities/countries/mali.md")

            #expect(refusal("Content/entities/countries/chad.md")?.message == "no such file: Content/entities/countries/chad.md")
            #expect(refusal("Content/site.yml")?.message == "Content/site.yml is not a Markdown page")
            #expect(refusal("README.md")?.message.contains("is not in the content folder") == true)
        }
    }
}

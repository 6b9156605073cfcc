import Foundation
import Testing

@testable import DossierKit

/// A site that lists only its default language publishes exactly what it did before
/// `languages:` existed: the safety net under everything multilingual.
@Suite struct OneLanguageTests {
    @Test func explicitOneLanguageConfigChangesNoByte() async throws {
        try await withTempSite { site in
            var options = site.options(output: site.root.appendingPathComponent("before"))
            options.useGit = false
            _ = try await SiteBuilder(options: options).build()
            let config = try site.read("site.yml")
            try site.write("site.yml", config + "languages:\n  - code: en\n    name: English\n")
            options.outputFolder = site.root.appendingPathComponent("after")
            let report = try await SiteBuilder(options: options).build()
            #expect(report.catalog?.site.languages.map(\.code) == ["en"])
            let before = try snapshot(site.root.appendingPathComponent("before"))
            let after = try snapshot(site.root.appendingPathComponent("after"))
            #expect(before.count > 20)
            #expect(Set(before.keys) == Set(after.keys))
            for (path, data) in before where after[path] != data {
                Issue.record("\(path) differs with an explicit one-language config")
            }
        }
    }

    @Test func theDefaultLanguageMustBeListed() async throws {
        try await withTempSite { site in
            let config = try site.read("site.yml")
            try site.write("site.yml", config + "languages:\n  - code: fr\n    name: Français\n    title: Dossier\n")
            do {
                try await site.build()
                Issue.record("a default language missing from 'languages' built")
            } catch let failure as BuildFailure {
                #expect(
                    failure.diagnostics.contains {
                        $0.message.contains("default language 'en' is not among") && $0.location.file.hasSuffix("site.yml")
                    })
            }
        }
    }

    @Test func languagesAreReadDefaultFirst() throws {
        let yaml = """
            title: Dossier
            language: en
            languages:
              - code: fr
                name: Français
                title: Dossier en français
                description: Un dossier.
              - code: en
                name: English
            """
        let (config, warnings) = try SiteConfigParser.parse(Data(yaml.utf8), file: "site.yml")
        #expect(warnings.isEmpty)
        #expect(config.languages.map(\.code) == ["en", "fr"])
        #expect(config.languages[0].title == "Dossier")
        #expect(config.otherLanguages.first?.title == "Dossier en français")
        #expect(config.isMultilingual)
    }
}

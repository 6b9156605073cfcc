import Foundation
import Testing

@testable import DossierKit

/// `build` and `check` run one pipeline, so one rule is an error or a warning in both.
@Suite("The same rules in build and check")
struct SameRulesTests {
    @Test("a source nobody cites is a warning, in a build that writes and in a check that does not")
    func uncitedSourceIsAWarningForBoth() async throws {
        try await withTempSite { site in
            try site.write("sources/unused.md", page("title: \"Unused\"\npublisher: \"P\"\nkind: analysis"))
            let built = try await site.build()
            var checkOptions = site.options()
            checkOptions.outputFolder = nil
            let checked = try await SiteBuilder(options: checkOptions).build()
            for report in [built, checked] {
                let warning = try #require(report.warnings.first(containing: "source 'unused' is never cited"))
                #expect(warning.location.file == "Content/sources/unused.md")
                #expect(report.diagnostics.errors.isEmpty)
            }
            #expect(built.diagnostics == checked.diagnostics)
        }
    }
}

import Foundation
import Testing

@testable import DossierKit

/// `build()` throws `BuildFailure` and nothing else, whatever goes wrong.
@Suite("build() throws only BuildFailure")
struct BuildFailureTests {
    @Test("an unsafe output folder is a BuildFailure, not a bare diagnostic")
    func unsafeOutput() async throws {
        try await withTempSite { site in
            var options = site.options()
            options.outputFolder = site.content
            // Typed throws: the error is a BuildFailure by its type, no cast needed.
            do throws(BuildFailure) {
                _ = try await SiteBuilder(options: options).build()
                Issue.record("the build wrote into Content/")
            } catch {
                #expect(error.diagnostics.first?.message.contains("refusing to write the site") == true)
            }
        }
    }
}

import Foundation
import Testing

@testable import DossierKit

/// `kind:` of events drives the treaty deadlines, so a value outside the known set is said.
@Suite("Typed event kinds")
struct EventKindTests {
    @Test("a misspelt withdrawal kind is a warning with a did-you-mean, and the text is kept")
    func misspeltKindWarns() async throws {
        try await withTempSite { site in
            try site.edit(
                "events/2025-09-22-aes-announces-withdrawal.md", replacing: "kind: withdrawal-announcement",
                with: "kind: withdrawl-notification")
            let report = try await site.build()
            let warning = try #require(report.warnings.first(containing: "unknown event kind 'withdrawl-notification'"))
            #expect(warning.hint?.hasPrefix("did you mean 'withdrawal-notification'?") == true)
            #expect(warning.location.file == "Content/events/2025-09-22-aes-announces-withdrawal.md")
            #expect(warning.location.line == 5)
            let event = try #require(report.catalog?.events.first)
            #expect(event.kind == "withdrawl-notification")
            #expect(event.knownKind == nil)
        }
    }

    @Test("the kinds the timeline computes from are known kinds")
    func timelineKindsAreKnown() {
        for kind in [TimelineBuilder.announcement, TimelineBuilder.notification, TimelineBuilder.rescission, TimelineBuilder.effective] {
            #expect(EventKind(rawValue: kind) != nil, "\(kind)")
        }
    }

    @Test("every kind the real dossier uses is known")
    func realDossierKindsAreKnown() async throws {
        let root = TestPaths.packageRoot()
        let (catalog, diagnostics) = try await ContentLoader.load(from: root.appendingPathComponent("Content"), displayRoot: "Content")
        #expect(diagnostics.first(containing: "unknown event kind") == nil, "\(diagnostics)")
        #expect(catalog.events.allSatisfy { $0.kind == nil || $0.knownKind != nil })
    }

    @Test("other values that drive behaviour get a did-you-mean too")
    func statusAndSourceKind() async throws {
        try await withTempSite { site in
            try site.edit("events/2025-09-22-aes-announces-withdrawal.md", replacing: "status: confirmed", with: "status: confimred")
            try site.edit("sources/untc.md", replacing: "kind: primary-text", with: "kind: primary-txt")
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let status = try #require(failure?.diagnostics.first(containing: "unknown event status 'confimred'"))
            #expect(status.hint?.hasPrefix("did you mean 'confirmed'?") == true)
            let kind = try #require(failure?.diagnostics.first(containing: "unknown source kind 'primary-txt'"))
            #expect(kind.hint?.hasPrefix("did you mean 'primary-text'?") == true)
        }
    }
}

import Testing

@testable import DossierKit

@Suite("Linker on the fixture dossier")
struct LinkerTests {
    static let mali = "entities/countries/mali/"
    static let aes = "entities/organizations/alliance-of-sahel-states/"
    static let briefing = "briefings/sahel-overview/"

    @Test func fixtureLinksWithoutDiagnostics() async throws {
        try await withTempSite { site in
            let (_, diagnostics) = try await site.link()
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }

    @Test func backlinksCarryTheSentence() async throws {
        try await withTempSite { site in
            let (linked, _) = try await site.link()
            let backlinks = linked.backlinks[Self.mali] ?? []
            let fromBriefing = try #require(backlinks.first { $0.from.path == Self.briefing })
            #expect(fromBriefing.context == "The junta in Mali announced its withdrawal from the court on 22 September 2025.")
            // Sorted by section: briefing, then entity (Niger's body), then the event.
            #expect(backlinks.map(\.from.section) == [.briefing, .entity, .event])
            // One backlink per linking page, although the briefing links to Mali twice.
            #expect(backlinks.filter { $0.from.path == Self.briefing }.count == 1)
            // A page does not list itself.
            #expect(!backlinks.contains { $0.from.path == Self.mali })
        }
    }

    @Test func linkInAKeyPointCountsAsABacklink() async throws {
        try await withTempSite { site in
            let (linked, _) = try await site.link()
            let niger = linked.backlinks["entities/countries/niger/"] ?? []
            #expect(niger.contains { $0.from.path == Self.briefing && $0.context == "Niger joined the announcement." })
        }
    }

    @Test func relationsAreIndexedOnBothEnds() async throws {
        try await withTempSite { site in
            let (linked, _) = try await site.link()
            let membership = try #require(linked.relations.first { $0.type == .memberOf && $0.subject.path == Self.mali })
            #expect(membership.object.path == Self.aes)
            #expect(membership.from == DossierDate(start: CalendarPoint(year: 2023, month: 9, day: 16)))
            #expect(linked.relationsByEntity[Self.mali]?.contains(membership) == true)
            #expect(linked.relationsByEntity[Self.aes]?.contains(membership) == true)
            // Goïta leads Mali is declared on Goïta's page only, and found from Mali's.
            #expect(linked.relationsByEntity[Self.mali]?.contains { $0.type == .leads && $0.subject.title == "Assimi Goïta" } == true)
        }
    }

    @Test func headingsAndCitationsAreCollected() async throws {
        try await withTempSite { site in
            let (linked, _) = try await site.link()
            #expect(linked.headings["entities/treaties/rome-statute/"]?.map(\.id) == ["article-127"])
            #expect(linked.headings[Self.briefing]?.map(\.id) == ["background", "background-1"])
            #expect(linked.citations[Self.briefing] == ["comm-2025"])
            // Mali cites untc in its body and comm-2025 through its relation's sources.
            #expect(Set(linked.citations[Self.mali] ?? []) == ["untc", "comm-2025"])
            #expect(linked.citedBy["comm-2025"]?.contains { $0.path == Self.briefing } == true)
        }
    }

    // The sources page lists, for each source, the pages citing it. Linker.cite only
    // skips a page equal to the last one listed, so a page citing a source in its text
    // and again through a relation or withdrawal rule (after other pages) is listed twice.
    @Test func citedByListsEachPageOnce() async throws {
        try await withTempSite { site in
            let (linked, _) = try await site.link()
            let untc = linked.citedBy["untc"]?.map(\.title) ?? []
            #expect(Set(untc) == ["Mali", "Rome Statute"])
            for (id, pages) in linked.citedBy {
                #expect(Set(pages).count == pages.count, "\(id): \(pages.map(\.title))")
            }
        }
    }

    @Test func eventEntitiesAndTreatyResolve() async throws {
        try await withTempSite { site in
            let (linked, _) = try await site.link()
            let event = "events/2025-09-22-aes-announces-withdrawal/"
            #expect(linked.eventEntities[event]?.map(\.title) == ["Mali", "Niger"])
            #expect(linked.eventTreaty[event]?.title == "Rome Statute")
            #expect(linked.eventsByEntity[Self.mali] == [event])
        }
    }

    @Test func unknownCitationSuggestsTheClosestSource() async throws {
        try await withTempSite { site in
            try site.edit("entities/countries/mali.md", replacing: "in 2000 [@untc]", with: "in 2000 [@untcc]")
            let (_, diagnostics) = try await site.link()
            let error = try #require(diagnostics.first(containing: "unknown source 'untcc'"))
            #expect(error.hint == "did you mean 'untc'?")
            #expect(error.location.file == "Content/entities/countries/mali.md")
        }
    }

    @Test func eventNamingAMissingEntityIsAnError() async throws {
        try await withTempSite { site in
            try site.edit("events/2025-09-22-aes-announces-withdrawal.md", replacing: "[Mali, Niger]", with: "[Mali, Nigerr]")
            let (_, diagnostics) = try await site.link()
            let error = try #require(diagnostics.first(containing: "unknown entity 'Nigerr'"))
            #expect(error.hint == "did you mean 'Niger'?")
            #expect(error.location.line == 7)
        }
    }

    @Test func treatyThatIsNotATreatyIsAnError() async throws {
        try await withTempSite { site in
            try site.edit("events/2025-09-22-aes-announces-withdrawal.md", replacing: "treaty: \"Rome Statute\"", with: "treaty: \"Mali\"")
            let (_, diagnostics) = try await site.link()
            #expect(diagnostics.first(containing: "'Mali' is not a treaty")?.location.line == 6)
        }
    }

    /// Every reference of every page stays resolved until its page is rendered (300,000 of
    /// them at 10,000 pages): an image's payload, boxed, must not set the size of all.
    @Test func aResolvedReferenceTakesTheRoomOfALink() {
        #expect(MemoryLayout<ResolvedReference?>.stride <= 48)
        #expect(MemoryLayout<ResolvedImage>.size > 48)
    }
}

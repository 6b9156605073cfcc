import Testing

@testable import DossierKit

/// A full build empties the Markdown of bodies as the linker renders them ahead: pages must
/// render them exactly as when they are kept, and a body that could not be rendered ahead
/// must keep its text.
@Suite("Markdown released while linking")
struct ReleasedMarkdownTests {
    @Test func releasedBodiesRenderAsBefore() async throws {
        try await withTempSite { site in
            // The character reference for the gap mark is the one text not rendered ahead.
            try site.write(
                "briefings/odd.md",
                page("title: \"Odd\"\ndate: \"2025-09-23\"", "A body with &#2; in it, about [[Niger]] [@comm-2025]."))
            try site.write("entities/countries/oddland.md", page("title: \"Oddland\"\nkind: country", "Oddland, &#2; and [[Mali]]."))
            let (catalog, _) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let (linked, renderedAhead, diagnostics) = await Linker.link(catalog, contentPrefix: "Content/", textLimit: nil, reuse: nil)
            #expect(diagnostics.errors.isEmpty)
            // As a full build does: the bodies rendered ahead wait in a scratch file.
            let spill = try #require(SpillFile())
            let (released, releasedAhead, releasedDiagnostics) = await Linker.link(
                catalog, contentPrefix: "Content/", textLimit: nil, reuse: nil, releasingBodies: true, spill: spill)
            #expect(releasedDiagnostics.map(\.description) == diagnostics.map(\.description))
            let timeline = TimelineBuilder.build(linked)

            let before =
                linked.catalog.briefings.map(\.header) + linked.catalog.entities.map(\.header) + linked.catalog.events.map(\.header)
            let after =
                released.catalog.briefings.map(\.header) + released.catalog.entities.map(\.header) + released.catalog.events.map(\.header)
            #expect(before.count == after.count && before.count > 5)
            for (old, new) in zip(before, after) {
                let odd = old.file.hasSuffix("odd.md") || old.file.hasSuffix("oddland.md")
                #expect(new.body.text == (odd ? old.body.text : ""), "\(old.file)")
                #expect(!old.body.text.isEmpty, "\(old.file)")
                let wasRendered = PageContext(
                    site: linked, renderedAhead: renderedAhead, timeline: timeline, path: old.path, portable: false
                ).html(old.body)
                let isRendered = PageContext(
                    site: released, renderedAhead: releasedAhead, timeline: timeline, path: new.path, portable: false
                ).html(new.body)
                #expect(isRendered == wasRendered, "\(old.file)")
            }
            // The rendered-ahead units are those kept, but for the released bodies' text.
            #expect(releasedAhead.units.keys.sorted() == renderedAhead.units.keys.sorted())
            // Every body rendered ahead went to the scratch file, and nothing else did.
            let bodies = releasedAhead.units.values.compactMap { $0.first?.prepared }
            let bodyBytes = bodies.reduce(0) { $0 + $1.html.byteCount + ($1.text?.byteCount ?? 0) }
            #expect(bodies.count > 5 && bodyBytes > 0)
            #expect(spill.storedBytes == bodyBytes)
            // The index of entities by path holds the released entities, nothing else changed.
            #expect(released.entitiesByPath.count == linked.entitiesByPath.count)
            for (path, entity) in released.entitiesByPath {
                #expect(entity.header.body.text == (path.contains("oddland") ? "Oddland, &#2; and [[Mali]]." : ""), "\(path)")
                #expect(entity.header.title == linked.entitiesByPath[path]?.header.title)
                #expect(entity.facts.map(\.label) == linked.entitiesByPath[path]?.facts.map(\.label))
            }
            // Nothing else lost: sources and the home page keep their Markdown.
            #expect(released.catalog.sources.map(\.header.body) == linked.catalog.sources.map(\.header.body))
            #expect(released.catalog.home?.body == linked.catalog.home?.body)
        }
    }
}

/// Each other language's bodies, rendered ahead when its edition is linked, wait in the
/// build's scratch file too: a bilingual dossier held a second copy of them in memory.
@Suite("Language editions' Markdown in the scratch file")
struct EditionSpillTests {
    @Test func everyEditionBodyGoesToTheScratchFile() async throws {
        try await withTempSite { site in
            try TranslationTests().bilingual(site)
            let (catalog, _) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let spill = try #require(SpillFile())
            let (editions, _) = await LanguageEditions.link(catalog, contentPrefix: "Content/", spill: spill)
            let french = try #require(editions.first)
            let bodies = french.renderedAhead.units.values.compactMap { $0.first?.prepared }
            let bodyBytes = bodies.reduce(0) { $0 + $1.html.byteCount + ($1.text?.byteCount ?? 0) }
            #expect(bodies.count > 5 && bodyBytes > 0)
            #expect(spill.storedBytes == bodyBytes)
        }
    }
}

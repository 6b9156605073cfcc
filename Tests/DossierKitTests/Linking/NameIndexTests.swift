import Testing

@testable import DossierKit

private func target(_ title: String, _ path: String, _ section: Section = .entity) -> LinkTarget {
    LinkTarget(section: section, path: path, title: title, file: "Content/" + path.dropLast() + ".md")
}

@Suite("NameIndex")
struct NameIndexTests {
    let mali = target("Mali", "entities/countries/mali/")
    let goita = target("Assimi Goïta", "entities/people/assimi-goita/")
    let ivory = target("Côte d’Ivoire", "entities/countries/cote-d-ivoire/")

    var index: NameIndex {
        var index = NameIndex()
        for (name, target) in [
            ("Mali", mali), ("mali", mali), ("Republic of Mali", mali),
            ("Assimi Goïta", goita), ("assimi-goita", goita), ("Goïta", goita),
            ("Côte d’Ivoire", ivory), ("cote-d-ivoire", ivory),
        ] { index.add(name, target) }
        return index
    }

    @Test(arguments: ["Mali", "mali", "MALI", "  Mali ", "Republic of Mali", "republic  of\tmali"])
    func findsMaliByTitleSlugAndAliasIgnoringCase(name: String) {
        #expect(index.resolve(name) == .found(mali))
    }

    @Test(
        "ASCII names: lower case, runs of spaces made one, none at either end",
        arguments: [
            ("Rome Statute", "rome statute"), ("  Rome \t\n Statute  ", "rome statute"), ("A-Z_09.[]", "a-z_09.[]"),
            ("   ", ""), ("", ""), ("Republic Of The Very Long Name", "republic of the very long name"),
        ])
    func normalizesASCII(name: String, expected: String) {
        #expect(NameIndex.normalize(name) == expected)
        // The Unicode path (taken when one character is not ASCII) reads the rest the same.
        #expect(NameIndex.normalize("É " + name) == (expected.isEmpty ? "e" : "e " + expected))
    }

    @Test("diacritics are ignored", arguments: ["Goita", "goïta", "GOÏTA", "Assimi Goita", "assimi-goita", "ASSIMI GOÏTA"])
    func diacriticInsensitive(name: String) {
        #expect(index.resolve(name) == .found(goita))
    }

    @Test func typographicApostropheMatchesStraightOne() {
        #expect(index.resolve("Côte d'Ivoire") == .found(ivory))
        #expect(index.resolve("cote d’ivoire") == .found(ivory))
    }

    @Test func sharedAliasIsAmbiguous() {
        var index = self.index
        let niger = target("Niger", "entities/countries/niger/")
        index.add("The Junta", mali)
        index.add("The Junta", niger)
        guard case .ambiguous(let candidates) = index.resolve("the junta") else {
            Issue.record("expected an ambiguity")
            return
        }
        #expect(candidates == [mali, niger])  // sorted by path
    }

    @Test func oneTargetAddedTwiceIsNotAmbiguous() {
        var index = NameIndex()
        index.add("AES", mali)
        index.add("aes", mali)
        #expect(index.resolve("AES") == .found(mali))
    }

    @Test func entityWinsOverEventOfTheSameName() {
        var index = self.index
        let event = target("Mali", "events/mali/", .event)
        index.add("Mali", event)
        #expect(index.resolve("Mali") == .found(mali))
    }

    @Test func twoNonEntitiesWithOneNameAreAmbiguous() {
        var index = NameIndex()
        let briefing = target("The exit", "briefings/the-exit/", .briefing)
        let event = target("The exit", "events/the-exit/", .event)
        index.add("The exit", briefing)
        index.add("The exit", event)
        #expect(index.resolve("The exit") == .ambiguous([briefing, event]))
    }

    @Test func missingNameSuggestsTheClosest() {
        #expect(index.resolve("Malli") == .missing(suggestion: "Mali"))
        #expect(index.resolve("Assimi Goitta") == .missing(suggestion: "Assimi Goïta"))
        #expect(index.resolve("Zimbabwe") == .missing(suggestion: nil))
        #expect(NameIndex().resolve("Mali") == .missing(suggestion: nil))
    }

    @Test func emptyNamesAreNotIndexed() {
        var index = NameIndex()
        index.add("   ", mali)
        #expect(index.resolve("") == .missing(suggestion: nil))
    }

    @Test func indexFromTheFixtureCatalog() async throws {
        try await withTempSite { site in
            let (catalog, _) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let index = NameIndex(catalog: catalog)
            guard case .found(let aes) = index.resolve("aes") else { Issue.record("AES alias not found"); return }
            #expect(aes.path == "entities/organizations/alliance-of-sahel-states/")
            guard case .found(let person) = index.resolve("Goïta") else { Issue.record("Goïta not found"); return }
            #expect(person.title == "Assimi Goïta")
            guard case .found(let briefing) = index.resolve("sahel overview") else { Issue.record("briefing not found"); return }
            #expect(briefing.section == .briefing)
            // Sources are cited with [@id], not linked by name.
            if case .found = index.resolve("comm-2025") { Issue.record("a source id resolved as a page name") }
        }
    }
}

@Suite("Suggestions")
struct SuggestionsTests {
    @Test func editDistance() {
        #expect(Suggestions.editDistance("mali", "mali") == 0)
        #expect(Suggestions.editDistance("malli", "mali") == 1)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
    }

    @Test func closestIsCaseInsensitiveAndBounded() {
        #expect(Suggestions.closest(to: "contry", among: ["country", "court", "person"]) == "country")
        #expect(Suggestions.closest(to: "MALI", among: ["Mali", "Niger"]) == "Mali")
        #expect(Suggestions.closest(to: "xyz", among: ["country", "court"]) == nil)
    }
}

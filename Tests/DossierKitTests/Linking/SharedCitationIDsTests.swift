import Testing

@testable import DossierKit

/// The link stage keeps one string per cited source id, the catalog's, rather than one
/// per citation read from the text.
@Suite struct SharedCitationIDsTests {
    /// Where a string's bytes are: the same address for two strings means one storage.
    /// (Ids of more than 15 bytes have one; shorter ones are held inline.)
    func storage(_ string: String) -> UnsafeRawPointer? {
        string.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func idsAreTheCatalogsStrings() {
        let known = "regional-monitor-kavellen-2008-04-20"
        let other = "court-registry-zagouul-1998-01-04"
        let shared = SharedCitationIDs([known, other])
        let read = String(decoding: Array(known.utf8), as: UTF8.self)
        #expect(storage(read) != storage(known), "a string read from text has storage of its own")

        let single = shared.shared([read])
        #expect(single == [known])
        #expect(storage(single[0]) == storage(known))
        // A citation of one source is the same list each time.
        let again = shared.shared([String(decoding: Array(known.utf8), as: UTF8.self)])
        #expect(single.withUnsafeBufferPointer { $0.baseAddress } == again.withUnsafeBufferPointer { $0.baseAddress })

        let typo = "regional-monitor-kavellen-2008-04-21"
        let several = shared.shared([String(decoding: Array(other.utf8), as: UTF8.self), read, typo])
        #expect(several == [other, known, typo])
        #expect(storage(several[0]) == storage(other) && storage(several[1]) == storage(known))
        #expect(storage(several[2]) == storage(typo), "an id no source has stays as it was read")
    }

    @Test func theScanKeepsTheSharedIDs() async throws {
        try await withTempSite { site in
            let id = "joint-communique-of-the-three-states-2025-09-22"
            try site.write("sources/\(id).md", page("title: \"Communiqué\"\npublisher: \"AES\"\nkind: official-statement"))
            try site.write(
                "briefings/cited.md",
                page("title: \"Cited\"", "First [@\(id)]. Second [@\(id); @comm-2025]. Unknown [@no-such-source-in-this-dossier]."))
            let (catalog, _) = try await ContentLoader.load(from: site.content, displayRoot: "Content")
            let source = try #require(catalog.sources.first { $0.id == id })
            let briefing = try #require(catalog.pages.first { $0.header.file.hasSuffix("cited.md") })
            let shared = SharedCitationIDs(catalog.sources.map(\.id))

            let scan = Linker.scan(briefing, as: NameIndex.target(briefing.header), allowRawHTML: false, citationIDs: shared)
            let cited = scan.references.compactMap { reference -> [String]? in
                if case .citation(let ids) = reference.kind { ids } else { nil }
            }
            #expect(cited == [[id], [id, "comm-2025"], ["no-such-source-in-this-dossier"]])
            #expect(storage(cited[0][0]) == storage(source.id))
            #expect(storage(cited[1][0]) == storage(source.id))

            // Without the shared ids (as `serve` relinks one page), the same ids, read anew.
            let unshared = Linker.scan(briefing, as: NameIndex.target(briefing.header), allowRawHTML: false)
            let read = unshared.references.compactMap { reference -> [String]? in
                if case .citation(let ids) = reference.kind { ids } else { nil }
            }
            #expect(read == cited)
            #expect(storage(read[0][0]) != storage(source.id))
        }
    }
}

/// View models of the sources index and of each source's own page.
///
/// Each source has a page of its own (`sources/<id>/`) listing the pages that cite it, so
/// that a new citation rewrites one small page; the index lists every source compactly,
/// grouped by kind, and shows nothing that depends on who cites what.
extension PageContext {
    func sourcesPage() -> [String: Any] {
        let sources = site.catalog.sources.sorted(byKey: { sortKey($0.header.title.value) }, <)
        let entries = sources.map { source -> [String: Any] in
            var values = sourceValues(source)
            // The id the one sources page gave each source, which published links name.
            values["anchor"] = "src-\(source.id)"
            // Kept empty for a `sources.mustache` written when this page listed who cites
            // each source: it still builds, and the citing pages are on each source's page.
            values["cited_by"] = [Any]()
            values["body"] = false
            return values
        }
        var byKind: [SourceKind: [[String: Any]]] = [:]
        for (source, entry) in zip(sources, entries) { byKind[source.kind, default: []].append(entry) }
        let groups = SourceKind.allCases.compactMap { kind -> [String: Any]? in
            guard let members = byKind[kind] else { return nil }
            return ["title": kind.pluralTitle, "id": "kind-\(kind.rawValue)", "count": members.count, "sources": members]
        }
        return ["sources": entries, "groups": groups, "count": sources.count]
    }

    func sourcePage(_ source: Source) -> [String: Any] {
        var values = sourceValues(source)
        values["body"] = source.header.body.text.trimmingSpaces().isEmpty ? false : html(source.header.body)
        let citing = (site.citedBy[source.id] ?? []).sorted { $0.isListed(before: $1) }
        values["cited_by"] = citing.map(link)
        values["cited_by_count"] = citing.count
        values["cited_by_heading"] =
            switch citing.count {
            case 0: "No page cites it yet"
            case 1: "Cited on 1 page"
            default: "Cited on \(grouped(citing.count)) pages"
            }
        values["located"] = source.url != nil || source.archiveURL != nil || source.accessed != nil
        values["cited_by_groups"] = Section.allCases.compactMap { section -> [String: Any]? in
            let members = citing.filter { $0.section == section }
            guard !members.isEmpty else { return nil }
            return [
                "title": word("section_" + section.rawValue, or: section.pluralTitle), "count": grouped(members.count),
                "items": members.map(link),
            ]
        }
        values["index_url"] = url("sources/#kind-\(source.kind.rawValue)")
        return values
    }
}

/// The values of the print edition (`print.mustache`): the whole dossier as one document
/// in reading order, its sources numbered once, in the order the document first cites them.
extension PageContext {
    func printEdition(pdfMade: Bool) -> [String: Any] {
        var document = self
        let bibliography = Bibliography(known: Set(site.sourcesByID.keys))
        document.bibliography = bibliography
        document.forPaper = true
        // Paper and a PDF leave the site: their links go to the published pages. A
        // portable copy keeps relative links, which work from the disk it is on.
        if !portable {
            document.absoluteRoot = site.catalog.site.baseURL
            document.filesStayRelative = true
        }
        // Built one after the other, in reading order: the order of first citation is the
        // order of the numbers.
        let tracker = document.paperTracker()
        let briefings = document.printBriefings()
        let timeline = document.printTimeline()
        let entities = document.printEntities()
        let sources = document.printBibliography(bibliography)
        let config = site.catalog.site
        var contents: [[String: Any]] = [["title": "Withdrawal tracker", "anchor": "tracker", "items": [] as [Any]]]
        contents.append(["title": "Briefings", "anchor": "briefings", "items": briefings.map { ["title": $0["title"]!, "anchor": $0["anchor"]!] }])
        contents.append(["title": "Timeline", "anchor": "timeline", "items": [] as [Any]])
        contents.append([
            "title": "Entities", "anchor": "entities", "items": entities.map { ["title": $0["title"]!, "anchor": $0["anchor"]!] },
        ])
        contents.append(["title": "Bibliography", "anchor": "bibliography", "items": [] as [Any]])
        return [
            "summary": site.catalog.home?.summary ?? config.description,
            "home_page": document.url(""),
            "contents": contents,
            "briefings": briefings,
            "timeline_rows": timeline,
            "timeline_overview": TimelineDrawing.overview(self.timeline, url: document.url),
            "timeline_legend": TimelineLegend.html(asOf: self.timeline.asOf, fullKeyURL: nil),
            "tracker": tracker,
            "pending": self.timeline.pending.map(document.pendingValues),
            "entity_groups": entities.isEmpty ? [] : groupedEntities(entities),
            "bibliography": sources,
            "source_count": sources.count,
            "pdf_file": pdfMade ? PrintEdition.pdfFile : false,
        ]
    }

    /// The home page's tracker with every case shown: paper cannot open the folded
    /// earlier cases.
    private func paperTracker() -> [String: Any] {
        var tracker = trackerValues()
        let current = tracker["current"] as? [Any] ?? [], earlier = tracker["earlier"] as? [Any] ?? []
        tracker["current"] = current + earlier
        tracker["earlier"] = [Any]()
        tracker["earlier_count"] = 0
        return tracker
    }

    private func printBriefings() -> [[String: Any]] {
        sortedBriefings().map { briefing in
            let anchor = "briefing-\(briefing.header.slug)"
            let keyPoints = briefing.keyPoints.map { ["html": inlineHTML($0)] as [String: Any] }
            return [
                "anchor": anchor,
                "title": briefing.header.title.value,
                "summary": briefing.header.summary ?? false,
                "date": briefing.date.map(DateFormatting.display) ?? false,
                "iso_date": briefing.date?.firstDayISO ?? false,
                "updated": briefing.updated.map(DateFormatting.display) ?? false,
                "web_url": url(briefing.header.path),
                "key_points": keyPoints,
                "body": PrintEdition.scopedBody(html(briefing.header.body), prefix: anchor),
            ]
        }
    }

    private func printTimeline() -> [[String: Any]] {
        timeline.events.map { event in
            [
                "date": DateFormatting.display(event.date),
                "iso_date": event.date.firstDayISO,
                "title": event.title,
                "url": url(event.path),
                "status": event.status.rawValue,
                "glyph": PrintEdition.statusGlyph(event.status),
                "derived": event.derivation != nil,
                "citations": citationHTML(event.sources),
            ]
        }
    }

    private func printEntities() -> [[String: Any]] {
        let entities = site.catalog.entities.sorted(byKey: { (EntityKind.allCases.firstIndex(of: $0.kind)!, sortKey($0.header.title.value)) }, <)
        return entities.map { entity in
            [
                "anchor": "entity-\(entity.header.slug)",
                "title": entity.header.title.value,
                "kind": entity.kind.title,
                "kind_plural": entity.kind.pluralTitle,
                "summary": entity.header.summary ?? false,
                "web_url": url(entity.header.path),
                "facts": entity.facts.map { ["label": $0.label, "html": inlineHTML($0.value)] as [String: Any] },
            ]
        }
    }

    private func groupedEntities(_ entities: [[String: Any]]) -> [[String: Any]] {
        var groups: [[String: Any]] = []
        for entity in entities {
            let kind = entity["kind_plural"] as! String
            if groups.last?["title"] as? String != kind { groups.append(["title": kind, "entities": [] as [[String: Any]]]) }
            var members = groups[groups.count - 1]["entities"] as! [[String: Any]]
            members.append(entity)
            groups[groups.count - 1]["entities"] = members
        }
        return groups
    }

    /// Every source of the dossier: those the document cites, in the order of their
    /// numbers, then the others by title, numbered on.
    private func printBibliography(_ bibliography: Bibliography) -> [[String: Any]] {
        let uncited = site.catalog.sources.sorted(byKey: { sortKey($0.header.title.value) }, <)
        for source in uncited { _ = bibliography.number(for: source.id) }
        return bibliography.order.enumerated().compactMap { index, id in
            guard let source = site.sourcesByID[id] else { return nil }
            var values = sourceValues(source)
            values["number"] = index + 1
            values["anchor"] = "ref-\(index + 1)"
            return values
        }
    }
}

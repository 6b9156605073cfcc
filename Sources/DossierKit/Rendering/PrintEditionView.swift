/// The values of the print edition (`print.mustache`): the whole dossier as one document
/// in reading order, its sources numbered once, in the order the document first cites them.
extension PageContext {
    func printEdition(pdfMade: Bool) -> [String: Any] {
        let (document, bibliography) = paperDocument()
        // Built one after the other, in reading order: the order of first citation is the
        // order of the numbers.
        let tracker = document.paperTracker()
        let briefings = document.printBriefings()
        let timeline = document.printTimeline()
        let entities = document.printEntities()
        let sources = document.printBibliography(bibliography)
        func entry(_ values: [String: Any]) -> [String: Any] {
            ["title": values["title"]!, "anchor": values["anchor"]!, "href": "#\(values["anchor"]!)"]
        }
        var contents: [[String: Any]] = [
            ["title": word("withdrawal_tracker", or: "Withdrawal tracker"), "anchor": "tracker", "href": "#tracker", "items": [] as [Any]]
        ]
        contents.append([
            "title": word("nav_briefings", or: "Briefings"), "anchor": "briefings", "href": "#briefings", "items": briefings.map(entry),
        ])
        contents.append(["title": word("nav_timeline", or: "Timeline"), "anchor": "timeline", "href": "#timeline", "items": [] as [Any]])
        contents.append([
            "title": word("nav_entities", or: "Entities"), "anchor": "entities", "href": "#entities", "items": entities.map(entry),
        ])
        contents.append([
            "title": word("bibliography", or: "Bibliography"), "anchor": "bibliography", "href": "#bibliography", "items": [] as [Any],
        ])
        return [
            "summary": site.catalog.home?.summary ?? site.catalog.site.description,
            "home_page": document.url(""),
            "contents": contents,
            "briefings": briefings,
            "timeline_rows": timeline,
            "timeline_overview": TimelineDrawing.overview(self.timeline, url: document.url, words: interfaceWords),
            "timeline_legend": TimelineLegend.html(asOf: self.timeline.asOf, fullKeyURL: nil, words: interfaceWords),
            "tracker": tracker,
            "pending": self.timeline.pending.map(document.pendingValues),
            "entity_groups": entities.isEmpty ? [] : groupedEntities(entities),
            "bibliography": sources,
            "source_count": sources.count,
            "pdf_file": pdfMade ? PrintEdition.pdfFile : false,
            "volumes": [] as [Any],
        ]
    }

    /// This context made for paper: one numbering of sources for the whole document, links
    /// to the published pages.
    private func paperDocument(_ volumes: PrintVolumes? = nil) -> (PageContext, Bibliography) {
        var document = self
        let bibliography = Bibliography(known: Set(site.sourcesByID.keys))
        if let volumes { bibliography.href = volumes.bibliographyHref }
        document.bibliography = bibliography
        document.forPaper = true
        // Paper and a PDF leave the site: their links go to the published pages. A
        // portable copy keeps relative links, which work from the disk it is on.
        if !portable {
            document.absoluteRoot = site.catalog.site.baseURL
            document.filesStayRelative = true
        }
        return (document, bibliography)
    }

    /// Every page of an edition in volumes: `print/` first, then each volume. Made with
    /// this context, which is at `print/`, beside every volume.
    func printEditionVolumes(_ plan: PrintVolumes, pdfMade: Bool) -> [[String: Any]] {
        let (document, bibliography) = paperDocument(plan)
        let tracker = document.paperTracker()
        let briefings = document.printBriefings()
        let timeline = document.printTimeline()
        let entities = document.printEntities()
        let sources = document.printBibliography(bibliography)
        let count = plan.volumes.count
        func items(_ volume: PrintVolumes.Volume) -> [[String: Any]] {
            let all: [[String: Any]] =
                switch volume.part {
                case .briefings: briefings
                case .timeline: timeline
                case .entities: entities
                case .bibliography: sources
                }
            return Array(all[volume.items.clamped(to: all.indices)])
        }
        let (volumeWord, of, to) = (word("volume", or: "Volume"), word("volume_of", or: "of"), word("range_to", or: "to"))
        let (briefingWord, briefingsWord) = (word("briefing", or: "Briefing"), word("nav_briefings", or: "Briefings"))
        let (timelineWord, entitiesWord) = (word("nav_timeline", or: "Timeline"), word("nav_entities", or: "Entities"))
        let (bibliographyWord, sourceWord, sourcesWord) = (
            word("bibliography", or: "Bibliography"), word("source_lower", or: "source"), word("sources_lower", or: "sources")
        )
        func title(_ volume: PrintVolumes.Volume) -> String {
            let part = items(volume)
            let first = part.first ?? [:], last = part.last ?? [:]
            let range: String =
                switch volume.part {
                case .briefings where volume.items.count == 1: "\(briefingWord) \(volume.items.upperBound) \(of) \(briefings.count)"
                case .briefings: "\(briefingsWord) \(volume.items.lowerBound + 1)–\(volume.items.upperBound) \(of) \(briefings.count)"
                case .bibliography where volume.items.count == 1:
                    "\(bibliographyWord), \(sourceWord) \(volume.items.upperBound) \(of) \(sources.count)"
                case .timeline: "\(timelineWord), \(first["date"] ?? "") \(to) \(last["date"] ?? "")"
                case .entities: "\(entitiesWord), \(first["title"] ?? "") \(to) \(last["title"] ?? "")"
                case .bibliography:
                    "\(bibliographyWord), \(sourcesWord) \(volume.items.lowerBound + 1)–\(volume.items.upperBound) \(of) \(sources.count)"
                }
            return "\(volumeWord) \(volume.number)\(word("colon", or: ":")) \(range)"
        }
        func contents(_ volume: PrintVolumes.Volume) -> [[String: Any]] {
            guard volume.part == .briefings || volume.part == .entities else { return [] }
            return items(volume).map { ["title": $0["title"]!, "anchor": $0["anchor"]!, "href": "\(volume.file)#\($0["anchor"]!)"] }
        }
        let size =
            plan.estimatedBytes >= 1_000_000
            ? phrase("size_mb", or: "{count} MB", ["count": number(plan.estimatedBytes / 1_000_000)])
            : phrase("size_kb", or: "{count} KB", ["count": number(plan.estimatedBytes / 1000)])
        let rule = phrase(
            "print_volume_rule",
            or:
                "The whole dossier is too long for one page (about {size}), so this edition is in {count} volumes of about {limit} KB or less, each a run of one part in reading order with its own contents. Sources are numbered once for the whole edition, in the order it first cites them; the bibliography’s volumes list them all.",
            ["size": size, "count": number(count), "limit": number(plan.limit / 1000)])
        var pages: [[String: Any]] = []
        pages.append([
            "summary": site.catalog.home?.summary ?? site.catalog.site.description,
            "home_page": document.url(""),
            "contents": [
                [
                    "title": word("withdrawal_tracker", or: "Withdrawal tracker"), "anchor": "tracker", "href": "#tracker",
                    "items": [] as [Any],
                ]
            ]
                + plan.volumes.map { ["title": title($0), "anchor": "", "href": $0.file, "items": contents($0)] as [String: Any] },
            "briefings": [] as [Any], "timeline_rows": [] as [Any], "entity_groups": [] as [Any], "bibliography": [] as [Any],
            "timeline_overview": false, "timeline_legend": false, "source_count": sources.count,
            "tracker": tracker,
            "pending": self.timeline.pending.map(document.pendingValues),
            "volumes": plan.volumes.map { ["title": title($0), "url": $0.file] as [String: Any] },
            "volume_rule": rule,
            "volume_count": count,
            "pdf_file": pdfMade ? PrintEdition.pdfFile : false,
        ])
        for (index, volume) in plan.volumes.enumerated() {
            let part = items(volume)
            let isFirstTimeline = volume.part == .timeline && volume.items.lowerBound == 0
            func neighbour(_ offset: Int) -> Any {
                let other = index + offset
                guard plan.volumes.indices.contains(other) else { return false }
                return ["title": "\(volumeWord) \(plan.volumes[other].number)", "url": plan.volumes[other].file] as [String: Any]
            }
            pages.append([
                "volume_title": title(volume),
                "volume_number": volume.number,
                "volume_count": count,
                "volume_rule": rule,
                "cover_url": "./",
                "previous": neighbour(-1),
                "next": neighbour(1),
                "contents": contents(volume).map { ["title": $0["title"]!, "href": "#\($0["anchor"]!)"] as [String: Any] },
                "briefings": volume.part == .briefings ? part : [],
                "timeline_rows": volume.part == .timeline ? part : [],
                "timeline_overview": isFirstTimeline ? document.focusedOverview(limit: plan.overviewEvents).svg as Any : false,
                "timeline_legend": TimelineLegend.html(asOf: self.timeline.asOf, fullKeyURL: nil, words: interfaceWords),
                "entity_groups": volume.part == .entities ? groupedEntities(part) : [],
                "bibliography": volume.part == .bibliography ? part : [],
                "source_count": sources.count,
                "pdf_file": pdfMade ? "volume-\(volume.number).pdf" : false,
            ])
        }
        return pages
    }

    /// The home page's tracker with every case shown: paper cannot open the folded
    /// earlier cases.
    fileprivate func paperTracker() -> [String: Any] {
        var tracker = trackerValues()
        let current = tracker["current"] as? [Any] ?? [], earlier = tracker["earlier"] as? [Any] ?? []
        tracker["current"] = current + earlier
        tracker["earlier"] = [Any]()
        tracker["earlier_count"] = 0
        return tracker
    }

    fileprivate func printBriefings() -> [[String: Any]] {
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

    fileprivate func printTimeline() -> [[String: Any]] {
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

    fileprivate func printEntities() -> [[String: Any]] {
        let entities = site.catalog.entities.sorted(
            byKey: { (EntityKind.allCases.firstIndex(of: $0.kind)!, sortKey($0.header.title.value)) }, <)
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
    fileprivate func printBibliography(_ bibliography: Bibliography) -> [[String: Any]] {
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

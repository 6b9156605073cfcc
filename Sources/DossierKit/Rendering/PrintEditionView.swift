/// The values of the print edition (`print.mustache`): the whole dossier as one document
/// in reading order, its sources numbered once, in the order the document first cites them.
extension PageContext {
    func printEdition(pdfMade: Bool) -> [String: Any] {
        let (document, bibliography) = paperDocument()
        // Built one after the other, in reading order: the order of first citation is the
        // order of the numbers.
        let tracker = document.paperTracker()
        let briefings = document.printBriefings(sortedBriefings())
        let timeline = document.printTimeline(Array(self.timeline.events.indices))
        let entities = document.printEntities(sortedEntities())
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
            "timeline_overview": TimelineDrawing.overview(self.timeline, url: document.url, words: interfaceWords, names: markNames),
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
        let bibliography = volumes.map { Bibliography(fixedOrder: $0.sourceOrder) } ?? Bibliography(known: Set(site.sourcesByID.keys))
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

    /// The cover of an edition in volumes, `print/`: the tracker and the contents of every
    /// volume. Made from titles and dates alone, without any volume's text.
    func printCover(_ plan: PrintVolumes, pdfMade: Bool) -> [String: Any] {
        let (document, _) = paperDocument(plan)
        let outline = PrintOutline(plan, context: self)
        return [
            "summary": site.catalog.home?.summary ?? site.catalog.site.description,
            "home_page": document.url(""),
            "contents": [
                [
                    "title": word("withdrawal_tracker", or: "Withdrawal tracker"), "anchor": "tracker", "href": "#tracker",
                    "items": [] as [Any],
                ]
            ]
                + plan.volumes.map {
                    ["title": outline.title($0), "anchor": "", "href": $0.file, "items": outline.contents($0, from: $0.file)]
                        as [String: Any]
                },
            "briefings": [] as [Any], "timeline_rows": [] as [Any], "entity_groups": [] as [Any], "bibliography": [] as [Any],
            "timeline_overview": false, "timeline_legend": false, "source_count": plan.sourceOrder.count,
            "tracker": document.paperTracker(),
            "pending": self.timeline.pending.map(document.pendingValues),
            "volumes": plan.volumes.map { ["title": outline.title($0), "url": $0.file] as [String: Any] },
            "volume_rule": volumeRule(plan),
            "volume_count": plan.volumes.count,
            "pdf_file": pdfMade ? PrintEdition.pdfFile : false,
        ]
    }

    /// Volume `index` of an edition in volumes: its run of one part, and links to the
    /// volumes beside it. Made with this context, which is at `print/`, beside every volume.
    func printVolume(_ plan: PrintVolumes, at index: Int, pdfMade: Bool) -> [String: Any] {
        let (document, bibliography) = paperDocument(plan)
        let outline = PrintOutline(plan, context: self)
        let volume = plan.volumes[index]
        let volumeWord = word("volume", or: "Volume")
        func neighbour(_ offset: Int) -> Any {
            let other = index + offset
            guard plan.volumes.indices.contains(other) else { return false }
            return ["title": "\(volumeWord) \(plan.volumes[other].number)", "url": plan.volumes[other].file] as [String: Any]
        }
        func run<T>(_ all: [T]) -> [T] { Array(all[volume.items.clamped(to: all.indices)]) }
        let part = volume.part
        let isFirstTimeline = part == .timeline && volume.items.lowerBound == 0
        return [
            "volume_title": outline.title(volume),
            "volume_number": volume.number,
            "volume_count": plan.volumes.count,
            "volume_rule": volumeRule(plan),
            "cover_url": "./",
            "previous": neighbour(-1),
            "next": neighbour(1),
            "contents": outline.contents(volume, from: ""),
            "briefings": part == .briefings ? document.printBriefings(run(plan.briefingOrder).map { site.catalog.briefings[$0] }) : [],
            "timeline_rows": part == .timeline ? document.printTimeline(run(Array(self.timeline.events.indices))) : [],
            "timeline_overview": isFirstTimeline ? document.focusedOverview(limit: plan.overviewEvents).svg as Any : false,
            "timeline_legend": TimelineLegend.html(asOf: self.timeline.asOf, fullKeyURL: nil, words: interfaceWords),
            "entity_groups": part == .entities
                ? groupedEntities(document.printEntities(run(plan.entityOrder).map { site.catalog.entities[$0] })) : [],
            "bibliography": part == .bibliography
                ? document.printBibliography(bibliography, numbers: volume.items.clamped(to: plan.sourceOrder.indices)) : [],
            "source_count": plan.sourceOrder.count,
            "pdf_file": pdfMade ? "volume-\(volume.number).pdf" : false,
        ]
    }

    private func volumeRule(_ plan: PrintVolumes) -> String {
        let (count, megabytes) = plan.sizeShown
        let size =
            megabytes
            ? phrase("size_mb", or: "{count} MB", ["count": number(count)])
            : phrase("size_kb", or: "{count} KB", ["count": number(count)])
        return phrase(
            "print_volume_rule",
            or:
                "The whole dossier is too long for one page (about {size}), so this edition is in {count} volumes of about {limit} KB or less, each a run of one part in reading order with its own contents. Sources are numbered once for the whole edition, in the alphabetical order of their titles, so that each volume stands on its own; the bibliography’s volumes list them all.",
            ["size": size, "count": number(plan.volumes.count), "limit": number(plan.limit / 1000)])
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

    fileprivate func printBriefings(_ briefings: [Briefing]) -> [[String: Any]] {
        briefings.map { briefing in
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

    fileprivate func printTimeline(_ rows: [Int]) -> [[String: Any]] {
        rows.map { row -> [String: Any] in
            let event = timeline.events[row]
            return [
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

    fileprivate func printEntities(_ entities: [Entity]) -> [[String: Any]] {
        entities.map { entity in
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

    func sortedEntities() -> [Entity] {
        site.catalog.entities.sorted(byKey: \.readingKey, <)
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
    /// numbers, then the others by title, numbered on. `numbers`: only the entries at
    /// these places (0 is number 1) of a numbering fixed beforehand, which has them all.
    fileprivate func printBibliography(_ bibliography: Bibliography, numbers: Range<Int>? = nil) -> [[String: Any]] {
        if numbers == nil {
            let uncited = site.catalog.sources.sorted(byKey: { sortKey($0.header.title.value) }, <)
            for source in uncited { _ = bibliography.number(for: source.id) }
        }
        let order = bibliography.order
        return (numbers ?? order.indices).compactMap { index in
            guard let source = site.sourcesByID[order[index]] else { return nil }
            var values = sourceValues(source)
            values["number"] = index + 1
            values["anchor"] = "ref-\(index + 1)"
            return values
        }
    }
}

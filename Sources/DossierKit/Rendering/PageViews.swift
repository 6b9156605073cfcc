/// View models: the values each layout receives. Plain dictionaries, so templates in
/// `Templates/` can be edited without recompiling; every value is escaped by Mustache
/// unless a template uses `{{{triple}}}`, which the default templates use only for HTML
/// made here.
extension PageContext {
    func home(_ header: PageHeader?) -> [String: Any] {
        let catalog = site.catalog
        let briefings = sortedBriefings().map { briefing in
            linkItem(
                briefing.header.title.value, briefing.header.path,
                ["summary": briefing.header.summary ?? "", "changed": changed(briefing.header.path)])
        }
        let kinds = EntityKind.allCases.compactMap { kind -> [String: Any]? in
            let count = catalog.entities.filter { $0.kind == kind }.count
            return count == 0 ? nil : ["title": kind.pluralTitle, "url": url("entities/\(kind.folder)/"), "count": count]
        }
        return [
            "body": header.map { html($0.body) } ?? "",
            "summary": header?.summary ?? catalog.site.description,
            "briefings": briefings,
            "entity_kinds": kinds,
            "event_count": timeline.events.count,
            "timeline_url": url("timeline/"),
            "references": references(),
            "tracker": trackerValues(),
            "map": homeMap(),
        ]
    }

    /// "from 16 September 2023"; a month or a year has words of its own (`…_period`),
    /// since French writes "depuis le 16 septembre 2023" but "depuis septembre 2023".
    private func relationDate(_ key: String, or english: String, _ date: DossierDate) -> String {
        phrase(date.precision == .day ? key : key + "_period", or: english, ["date": DateFormatting.display(date)])
    }

    func sortedBriefings() -> [Briefing] {
        site.catalog.briefings.sorted(byKey: \.readingKey, <)
    }

    func briefing(_ briefing: Briefing) -> [String: Any] {
        let headings = (site.headings[briefing.header.path] ?? []).filter { $0.level == 2 || $0.level == 3 }
        return [
            "body": html(briefing.header.body),
            "summary": briefing.header.summary ?? false,
            "date": briefing.date.map(DateFormatting.display) ?? false,
            "iso_date": briefing.date?.firstDayISO ?? false,
            "updated": briefing.updated.map(DateFormatting.display) ?? false,
            "key_points": briefing.keyPoints.map { ["html": inlineHTML($0)] as [String: Any] },
            "toc": headings.count >= 2 ? headings.map { ["text": $0.text, "id": $0.id, "level": $0.level] } : [],
            "tags": briefing.tags,
            "tag_links": tagLinks(briefing.tags),
            "references": references(),
        ].merging(mentionValues(briefing.header.path)) { $1 }
    }

    func entity(_ entity: Entity) -> [String: Any] {
        let relations = (site.relationsByEntity[entity.header.path] ?? []).map { relation -> [String: Any] in
            let dates = [
                relation.from.map { relationDate("relation_from", or: "from {date}", $0) },
                relation.to.map { relationDate("relation_until", or: "until {date}", $0) },
            ]
            .compactMap { $0 }.joined(separator: ", ")
            return [
                "subject": link(relation.subject), "subject_is_self": relation.subject.path == entity.header.path,
                "phrase": interfaceWords.relation(relation.type), "type": relation.type.rawValue,
                "object": link(relation.object), "object_is_self": relation.object.path == entity.header.path,
                "dates": dates.isEmpty ? false : dates,
                "citations": citationHTML(relation.sources),
            ]
        }
        var rule: Any = false
        if let withdrawal = entity.withdrawalRule {
            rule = [
                "article": interfaceWords.article(withdrawal.article), "period": interfaceWords.period(withdrawal.period),
                "citations": citationHTML(withdrawal.sources.map(\.value)),
            ]
        }
        var values: [String: Any] = [
            "body": html(entity.header.body),
            "summary": entity.header.summary ?? false,
            "kind": interfaceWords.kind(entity.kind),
            "kind_url": url("entities/\(entity.kind.folder)/"),
            "kind_plural": interfaceWords.kinds(entity.kind),
            "aliases": entity.aliases.map(\.value),
            // Facts stay in the original's language (`facts_lang`), their dates with them.
            "facts": entity.facts.map { fact in
                let html = inlineHTML(fact.value)
                let formatted =
                    fallbackLanguage.map { DateFormatting.$language.withValue($0.code) { FactDates.format(html) } }
                    ?? FactDates.format(html)
                return ["label": fact.label, "html": formatted] as [String: Any]
            },
            // A translation takes its facts from the original (they hold dates and citations), so they are in its language.
            "facts_lang": fallbackLanguage?.code ?? false,
            "relations": relations,
            "relation_summary": relationSummary(entity),
            "withdrawal_rule": rule,
            "events": timeline.events(of: entity.header.path).map(eventValues),
            "timeline_drawing": TimelineDrawing.entity(
                entity.header.title.value, events: timeline.events(of: entity.header.path), timeline: timeline, url: url,
                words: interfaceWords, names: markNames),
            "timeline_legend": TimelineLegend.html(asOf: timeline.asOf, fullKeyURL: url("timeline/#timeline-key"), words: interfaceWords),
            "references": references(),
            "map": entityMap(entity),
        ]
        values.merge(neighbourhoodGraph(entity)) { $1 }
        values.merge(mentionValues(entity.header.path)) { $1 }
        return values
    }

    func event(_ event: Event, row: TimelineEvent?, consequences: [TimelineEvent]) -> [String: Any] {
        var values = row.map(eventValues) ?? [:]
        values["body"] = html(event.header.body)
        values["consequences"] = consequences.map(eventValues)
        values["pending"] = timeline.pending.filter { $0.announcement.path == event.header.path }.map(pendingValues)
        values["references"] = references()
        values.merge(mentionValues(event.header.path)) { $1 }
        values["timeline_drawing"] = TimelineDrawing.neighbourhood(
            of: event.header.path, timeline: timeline, url: url, words: interfaceWords, names: markNames)
        values["timeline_legend"] = TimelineLegend.html(
            asOf: timeline.asOf, fullKeyURL: url("timeline/#timeline-key"), words: interfaceWords)
        return values
    }

    /// Citations made by front matter (relations, withdrawal rules): the marker a
    /// `[@id]` in the text makes, or nothing when none of them is cited on this page.
    func citationHTML(_ ids: [String]) -> String {
        ids.contains { citationNumber($0) != nil } ? citationMarker(ids) : ""
    }

    /// Past this many entities, the page of all entities lists titles only and leaves the
    /// summaries to each kind's page: with 3,200 it was over a megabyte.
    static let entitySummariesUpTo = 500

    func entityList(kind: EntityKind?) -> [String: Any] {
        let entities = site.catalog.entities.filter { kind == nil || $0.kind == kind }
        let compact = kind == nil && entities.count > Self.entitySummariesUpTo
        let groups = EntityKind.allCases.compactMap { groupKind -> [String: Any]? in
            let members = entities.filter { $0.kind == groupKind }.sorted(byKey: { sortKey($0.header.title.value) }, <)
            guard !members.isEmpty else { return nil }
            return [
                "title": groupKind.pluralTitle, "url": url("entities/\(groupKind.folder)/"),
                "items": members.map {
                    linkItem(
                        $0.header.title.value, $0.header.path,
                        ["summary": compact ? "" : $0.header.summary ?? "", "changed": changed($0.header.path)])
                },
            ]
        }
        let intro =
            compact
            ? phrase(
                "entities_intro_compact",
                or:
                    "All {count} countries, people, organizations, courts, treaties and armed groups in the dossier, by title; each kind’s page has their summaries.",
                ["count": number(entities.count)])
            : word("entities_intro", or: "Every country, person, organization, court, treaty and armed group in the dossier.")
        return ["groups": groups, "intro": kind == nil ? intro : false]
    }

    func briefingList() -> [String: Any] {
        [
            "groups": [
                [
                    "title": word("nav_briefings", or: "Briefings"), "url": url("briefings/"),
                    "items": sortedBriefings().map {
                        linkItem(
                            $0.header.title.value, $0.header.path, ["summary": $0.header.summary ?? "", "changed": changed($0.header.path)])
                    },
                ]
            ],
            "intro": word("briefings_intro", or: "Analyses in reading order."),
        ]
    }

    /// `timeline/`, or one year of a timeline paged by year (`Timeline.byYear`).
    func timelinePage(year: Int? = nil, limits: PageLimits = PageLimits()) -> [String: Any] {
        let listed = year.map { year in timeline.events.filter { $0.date.start.year == year } } ?? (timeline.byYear ? [] : timeline.events)
        var years: [(year: Int, events: [[String: Any]])] = []
        for event in listed {
            if event.date.start.year != years.last?.year { years.append((event.date.start.year, [])) }
            years[years.count - 1].events.append(eventValues(event))
        }
        let counted = year == nil ? timeline.events : listed
        var values: [String: Any] = [
            "years": years.map { ["year": $0.year, "events": $0.events] as [String: Any] },
            "pending": year == nil ? timeline.pending.map(pendingValues) : [],
            // A timeline paged by year draws its focus years instead (`yearPageValues`): the
            // whole history, drawn here for nothing, was the render's peak of memory.
            "overview": year == nil && !timeline.byYear
                ? TimelineDrawing.overview(timeline, url: url, words: interfaceWords, names: markNames) as Any : false,
            "legend": TimelineLegend.html(asOf: timeline.asOf, words: interfaceWords),
            "event_count": counted.count,
            "json_url": url("timeline.json"),
            "ics_url": url("events.ics"),
            "derived_count": counted.filter { $0.derivation != nil }.count,
            "year_pages": [] as [Any], "year_nav": false, "timeline_rule": false,
        ]
        if timeline.byYear { values.merge(yearPageValues(year: year, limit: limits.timelineEvents)) { $1 } }
        return values
    }
}

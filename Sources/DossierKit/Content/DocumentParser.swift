import Foundation

/// One parsed Markdown file, before the catalog puts it with the others.
extension Catalog {
    /// Files the document under its kind.
    mutating func add(_ document: ParsedDocument) {
        switch document {
        case .home(let header): home = header
        case .briefing(let briefing): briefings.append(briefing)
        case .entity(let entity): entities.append(entity)
        case .event(let event): events.append(event)
        case .source(let source): sources.append(source)
        }
    }
}

enum ParsedDocument: Sendable {
    case home(PageHeader)
    case briefing(Briefing)
    case entity(Entity)
    case event(Event)
    case source(Source)

    var header: PageHeader {
        switch self {
        case .home(let h): h
        case .briefing(let b): b.header
        case .entity(let e): e.header
        case .event(let e): e.header
        case .source(let s): s.header
        }
    }
}

/// Turns one file's text into a typed document. Pure: no disk, no clock.
enum DocumentParser {
    static let commonFields = ["title", "summary", "draft", "updated", "change_note"]
    static let briefingFields = commonFields + ["date", "order", "key_points", "tags"]
    static let entityFields = commonFields + ["kind", "aliases", "facts", "relations", "withdrawal_rule", "geo", "location"]
    static let eventFields = commonFields + ["date", "status", "kind", "entities", "treaty", "sources", "date_note"]
    static let sourceFields =
        commonFields + [
            "publisher", "date", "url", "kind", "language", "note",
            "accessed", "archive_url", "original_gone", "reliability",
        ]

    /// `relativePath` is inside the content folder (`briefings/x.md`); `file` is how
    /// diagnostics name it (`Content/briefings/x.md`).
    static func parse(text: String, relativePath: String, file: String) -> (ParsedDocument?, [Diagnostic]) {
        let split: FrontMatterSplit
        do {
            split = try FrontMatter.split(text, file: file)
        } catch {
            return (nil, [error])
        }
        var fields = YAMLFields.parse(split.yaml, file: file, firstLine: split.yamlFirstLine)
        if split.yaml.isEmpty && !text.hasPrefix("---") {
            fields.error(
                "file has no front matter", at: SourceLocation(file: file),
                hint: "start the file with '---', a 'title: ...' line and '---'")
            return (nil, fields.diagnostics)
        }
        guard fields.diagnostics.isEmpty else { return (nil, fields.diagnostics) }

        let components = relativePath.split(separator: "/").map(String.init)
        // A page bundle, `briefings/overview/index.md`, is the page `briefings/overview.md`
        // with its images in its own folder.
        let isBundle = components.count >= 3 && components.last == "index.md"
        let stem = isBundle ? components[components.count - 2] : String(components.last!.dropLast(3))
        let depth = isBundle ? components.count - 1 : components.count
        let slug = Slug.make(stem)
        let body = MarkdownText(text: split.body, firstLine: split.bodyFirstLine, file: file)
        let section: Section
        switch components.first {
        case "briefings" where depth == 2: section = .briefing
        case "entities" where depth >= 2: section = .entity
        case "events" where depth == 2: section = .event
        case "sources" where depth == 2: section = .source
        case "index.md" where components.count == 1: section = .home
        default:
            return (
                nil,
                [
                    .error(
                        "no page type for '\(relativePath)'", at: SourceLocation(file: file),
                        hint: "put pages in briefings/, entities/<kind>/, events/ or sources/, or name the home page index.md")
                ]
            )
        }
        if slug.isEmpty {
            return (
                nil,
                [
                    .error(
                        "file name '\(stem)' gives an empty slug", at: SourceLocation(file: file),
                        hint: "use letters or digits in the file name")
                ]
            )
        }

        let title = fields.string("title", required: true)
        let summary = fields.string("summary")?.value
        let draft = fields.bool("draft") ?? false
        let updated = fields.date("updated")?.value
        let changeNote = fields.string("change_note")?.value
        let resolvedTitle = title ?? Located(stem, at: fields.location)
        // Captures values only: the section parsers hold `fields` inout while calling this.
        let header = { (path: String) in
            PageHeader(
                file: file, section: section, slug: slug, path: path, title: resolvedTitle, summary: summary, body: body, draft: draft,
                updated: updated, changeNote: changeNote)
        }

        let document: ParsedDocument?
        switch section {
        case .home:
            fields.reportUnknownKeys(known: commonFields)
            document = .home(header(""))
        case .briefing:
            let briefing = Briefing(
                header: header("briefings/\(slug)/"),
                date: fields.date("date")?.value,
                updated: updated,
                order: fields.int("order"),
                keyPoints: fields.stringList("key_points"),
                tags: fields.stringList("tags").map(\.value))
            fields.reportUnknownKeys(known: briefingFields)
            document = .briefing(briefing)
        case .entity:
            document = parseEntity(&fields, slug: slug, header: header)
        case .event:
            document = parseEvent(&fields, header: header("events/\(slug)/"))
        case .source:
            document = parseSource(&fields, header: header("sources/\(slug)/"))
        }
        let ok = !fields.diagnostics.contains { $0.severity == .error } && title != nil
        return (ok ? document : nil, fields.diagnostics)
    }

    private static func parseEntity(
        _ fields: inout YAMLFields, slug: String, header: (String) -> PageHeader
    ) -> ParsedDocument? {
        let kind = fields.choice("kind", as: EntityKind.self, required: true, what: "entity kind", listedAs: "kinds")?.value
        let aliases = fields.stringList("aliases")
        var facts: [Fact] = []
        for var item in fields.mappings("facts") {
            let label = item.string("label", required: true)
            let value = item.string("value", required: true)
            item.reportUnknownKeys(known: ["label", "value"])
            fields.absorb(item)
            if let label, let value { facts.append(Fact(label: label.value, value: value)) }
        }
        var relations: [RelationDeclaration] = []
        for var item in fields.mappings("relations") {
            let type = item.string("type", required: true)
            let target = item.string("target", required: true)
            let from = item.date("from")?.value
            let to = item.date("to")?.value
            let sources = item.stringList("sources")
            item.reportUnknownKeys(known: ["type", "target", "from", "to", "sources"])
            fields.absorb(item)
            if let type, let target {
                relations.append(RelationDeclaration(type: type, target: target, from: from, to: to, sources: sources))
            }
        }
        var rule: WithdrawalRule?
        if var ruleFields = fields.mapping("withdrawal_rule") {
            let article = ruleFields.string("article", required: true)
            let periodText = ruleFields.string("period", required: true)
            let sources = ruleFields.stringList("sources")
            ruleFields.reportUnknownKeys(known: ["article", "period", "sources"])
            var period: Period?
            if let periodText {
                period = Period.parse(periodText.value)
                if period == nil {
                    ruleFields.error(
                        "cannot read period '\(periodText.value)'", at: periodText.location,
                        hint: "write for example '1 year', '6 months' or '1 year 30 days'")
                }
            }
            fields.absorb(ruleFields)
            if let article, let period {
                rule = WithdrawalRule(article: article.value, period: period, sources: sources, location: ruleFields.location)
            }
        }
        let geo = fields.string("geo")
        let location = parseLocation(&fields)
        fields.reportUnknownKeys(known: entityFields)
        guard let kind else { return nil }
        if rule != nil && kind != .treaty, let location = fields.has("withdrawal_rule") ? rule?.location : nil {
            fields.error("only a treaty can have a withdrawal rule", at: location)
        }
        return .entity(
            Entity(
                header: header("entities/\(kind.folder)/\(slug)/"), kind: kind, aliases: aliases, facts: facts,
                relations: relations, withdrawalRule: rule, geo: geo, location: location))
    }

    /// `location: [lat, lon]` in decimal degrees, latitude first as people write it.
    private static func parseLocation(_ fields: inout YAMLFields) -> Located<GeoPoint>? {
        guard fields.has("location") else { return nil }
        let values = fields.stringList("location")
        guard let first = values.first else { return nil }
        let numbers = values.compactMap { Double($0.value.trimmingSpaces()) }
        guard values.count == 2, numbers.count == 2 else {
            fields.error(
                "location must be two numbers, [latitude, longitude]", at: first.location,
                hint: "for example location: [12.65, -8.0] (Bamako)")
            return nil
        }
        let point = GeoPoint(lat: numbers[0], lon: numbers[1])
        guard point.isInRange else {
            fields.error(
                "location [\(values[0].value), \(values[1].value)] is out of range", at: first.location,
                hint: "latitude comes first (-90…90), then longitude (-180…180)")
            return nil
        }
        return Located(point, at: first.location)
    }

    private static func parseEvent(_ fields: inout YAMLFields, header: PageHeader) -> ParsedDocument? {
        let date = fields.date("date", required: true)
        let status = fields.choice("status", as: EventStatus.self, required: true, what: "event status", listedAs: "statuses")?.value
        // Kept as written, but a kind the timeline does not know may be a misspelt
        // withdrawal kind whose treaty deadline would silently go missing.
        let kind = fields.choice("kind", as: EventKind.self, unknownIsWarning: true, what: "event kind", listedAs: "kinds")?.text.value
        let entities = fields.stringList("entities")
        let treaty = fields.string("treaty")
        let sourceList = fields.stringListIfPresent("sources")
        let sources = sourceList ?? []
        let dateNote = fields.string("date_note")?.value
        if sourceList == nil {
            fields.error(
                "event has no sources", at: fields.location,
                hint: "add 'sources: [source-id]' naming a file in Content/sources/")
        } else if sources.isEmpty {
            fields.warning(
                "event lists no sources yet", at: fields.location,
                hint: "fill in 'sources: [source-id]' before publishing, naming a file in Content/sources/")
        }
        fields.reportUnknownKeys(known: eventFields)
        guard let date, let status else { return nil }
        return .event(
            Event(
                header: header, date: date, status: status, kind: kind, entities: entities, treaty: treaty,
                sources: sources, dateNote: dateNote))
    }

    private static func parseSource(_ fields: inout YAMLFields, header: PageHeader) -> ParsedDocument? {
        let publisher = fields.string("publisher", required: true, placeholder: true)
        let date = fields.date("date")?.value
        let url = fields.string("url")
        let archiveURL = fields.string("archive_url")
        let accessed = fields.date("accessed")?.value
        let goneLocation = fields.location(of: "original_gone")
        let originalGone = fields.bool("original_gone") ?? false
        let reliability = reliability(&fields)
        let kind = fields.choice("kind", as: SourceKind.self, required: true, what: "source kind", listedAs: "kinds")?.value
        for field in [url, archiveURL] {
            if let field, !URLSafety.isWebURL(field.value) {
                fields.error(
                    "source URL must start with http:// or https://", at: field.location,
                    hint: "other schemes (javascript:, data:, file:) are refused")
            }
        }
        if originalGone, archiveURL == nil, let gone = goneLocation {
            fields.error(
                "'original_gone' is true but the source has no 'archive_url'", at: gone,
                hint: "add 'archive_url: https://web.archive.org/...' so readers can still read it")
        }
        let language = fields.string("language")?.value
        let note = fields.string("note")?.value
        fields.reportUnknownKeys(known: sourceFields)
        guard let publisher, let kind else { return nil }
        return .source(
            Source(
                header: header, publisher: publisher.value, date: date, url: url?.value, urlLocation: url?.location,
                kind: kind, language: language, note: note, accessed: accessed, archiveURL: archiveURL?.value,
                archiveURLLocation: archiveURL?.location,
                originalGone: originalGone, reliability: reliability))
    }

    /// An unknown reliability is a warning, not an error: the source is still usable,
    /// and the note says what the analyst meant.
    private static func reliability(_ fields: inout YAMLFields) -> SourceReliability? {
        guard let text = fields.string("reliability") else { return nil }
        if let value = SourceReliability(rawValue: text.value) { return value }
        let known = SourceReliability.allCases.map(\.rawValue)
        fields.warning(
            "unknown source reliability '\(text.value)' is ignored", at: text.location,
            hint: (Suggestions.closest(to: text.value, among: known).map { "did you mean '\($0)'? " } ?? "")
                + "reliabilities: \(known.joined(separator: ", "))")
        return nil
    }
}

enum URLSafety {
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }
}

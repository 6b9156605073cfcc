/// The Markdown a page holds: its body and the inline values of its front matter
/// (fact values, key points) that may carry links and citations too.
struct MarkdownUnit: Sendable {
    enum Role: Hashable, Sendable {
        case body
        case fact(Int)
        case keyPoint(Int)
    }

    var role: Role
    var markdown: MarkdownText
}

typealias PageUnits = (header: PageHeader, units: [MarkdownUnit])

extension Catalog {
    /// Every page with its Markdown, in a stable order.
    var pages: [PageUnits] {
        var result: [PageUnits] = []
        if let home { result.append(Self.units(home)) }
        for briefing in briefings { result.append(Self.units(briefing)) }
        for entity in entities { result.append(Self.units(entity)) }
        for event in events { result.append(Self.units(event.header)) }
        for source in sources { result.append(Self.units(source.header)) }
        return result
    }

    /// The page published from a content file (display path, e.g. `Content/x.md`), if any.
    func page(forFile file: String) -> PageUnits? {
        if let home, home.file == file { return Self.units(home) }
        if let briefing = briefings.first(where: { $0.header.file == file }) { return Self.units(briefing) }
        if let entity = entities.first(where: { $0.header.file == file }) { return Self.units(entity) }
        if let event = events.first(where: { $0.header.file == file }) { return Self.units(event.header) }
        if let source = sources.first(where: { $0.header.file == file }) { return Self.units(source.header) }
        return nil
    }

    private static func units(_ header: PageHeader) -> PageUnits {
        (header, [MarkdownUnit(role: .body, markdown: header.body)])
    }

    private static func units(_ briefing: Briefing) -> PageUnits {
        (briefing.header, units(briefing.header).units + briefing.keyPoints.enumerated().map { inline(.keyPoint($0), $1) })
    }

    private static func units(_ entity: Entity) -> PageUnits {
        (entity.header, units(entity.header).units + entity.facts.enumerated().map { inline(.fact($0), $1.value) })
    }

    private static func inline(_ role: MarkdownUnit.Role, _ value: Located<String>) -> MarkdownUnit {
        MarkdownUnit(
            role: role,
            markdown: MarkdownText(
                text: value.value, firstLine: value.location.line, file: value.location.file, firstColumn: value.location.column))
    }
}

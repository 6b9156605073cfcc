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

extension Catalog {
    /// Every page with its Markdown, in a stable order.
    var pages: [(header: PageHeader, units: [MarkdownUnit])] {
        func body(_ header: PageHeader) -> MarkdownUnit { MarkdownUnit(role: .body, markdown: header.body) }
        func inline(_ role: MarkdownUnit.Role, _ value: Located<String>) -> MarkdownUnit {
            MarkdownUnit(role: role, markdown: MarkdownText(
                text: value.value, firstLine: value.location.line, file: value.location.file, firstColumn: value.location.column))
        }
        var result: [(PageHeader, [MarkdownUnit])] = []
        if let home { result.append((home, [body(home)])) }
        for briefing in briefings {
            result.append((briefing.header, [body(briefing.header)] + briefing.keyPoints.enumerated().map { inline(.keyPoint($0), $1) }))
        }
        for entity in entities {
            result.append((entity.header, [body(entity.header)] + entity.facts.enumerated().map { inline(.fact($0), $1.value) }))
        }
        for event in events { result.append((event.header, [body(event.header)])) }
        for source in sources { result.append((source.header, [body(source.header)])) }
        return result
    }
}

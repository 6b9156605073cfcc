import Foundation

/// What `dossier check` adds to a build: the dossier's figures.
public enum CheckSummary {
    public static func figures(_ catalog: Catalog, _ site: LinkedSite, _ timeline: Timeline) -> [String: Int] {
        [
            "briefings": catalog.briefings.count,
            "entities": catalog.entities.count,
            "events": catalog.events.count,
            "derived events": timeline.events.filter { $0.derivation != nil }.count,
            "sources": catalog.sources.count,
            "citations": citationCount(catalog, site),
            "relations": site.relations.count,
        ]
    }

    /// Citation occurrences: `[@id]` markers in text plus source ids listed by events and relations.
    static func citationCount(_ catalog: Catalog, _ site: LinkedSite) -> Int {
        var count = catalog.events.reduce(0) { $0 + $1.sources.count }
        count += site.relations.reduce(0) { $0 + $1.sources.count }
        count += catalog.entities.reduce(0) { $0 + ($1.withdrawalRule?.sources.count ?? 0) }
        count += site.inlineCitationCount
        return count
    }

    public static func json(diagnostics: [Diagnostic], figures: [String: Int]) -> String {
        struct Entry: Encodable {
            var file: String, line: Int, column: Int, severity: String, message: String, hint: String?
        }
        struct Output: Encodable {
            var errors: Int, warnings: Int, diagnostics: [Entry], figures: [String: Int]
        }
        let output = Output(
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                    message: $0.message, hint: $0.hint)
            },
            figures: figures)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }
}

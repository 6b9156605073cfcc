import Foundation

/// `dossier new`: a new content file with the right front matter in the right folder.
public enum NewDocument {
    public enum Kind: String, CaseIterable, Sendable {
        case briefing, entity, event, source
    }

    /// The date a new file takes: the dossier's `as_of`, so that what is written matches
    /// the dossier's "today" rather than the clock; nil when site.yml has none.
    public static func date(contentFolder: URL) -> DossierDate? {
        guard let data = FileManager.default.contents(atPath: contentFolder.appendingPathComponent("site.yml").path) else { return nil }
        return (try? SiteConfigParser.parse(data, file: "site.yml"))?.config.asOf
    }

    /// The file's path inside the content folder and its text. Fields the author must fill
    /// in are written empty (`publisher: ""`, `sources: []`): the build warns about them,
    /// so the file builds as it is.
    public static func make(
        _ kind: Kind, title: String, entityKind: EntityKind = .country, date: DossierDate
    ) -> (path: String, text: String) {
        let slug = Slug.make(title)
        let today = date
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        switch kind {
        case .briefing:
            return (
                "briefings/\(slug).md",
                """
                ---
                title: \(quoted)
                summary: ""
                date: "\(today)"
                key_points: []
                ---

                """
            )
        case .entity:
            return (
                "entities/\(entityKind.folder)/\(slug).md",
                """
                ---
                title: \(quoted)
                kind: \(entityKind.rawValue)
                aliases: []
                summary: ""
                facts: []
                relations: []
                ---

                """
            )
        case .event:
            return (
                // Dated file names keep the folder in date order, as the dossier's own are.
                "events/\(date.precision == .day ? "\(date)-" : "")\(slug).md",
                """
                ---
                title: \(quoted)
                date: "\(today)"
                status: reported
                entities: []
                sources: []
                ---

                """
            )
        case .source:
            return (
                "sources/\(slug).md",
                """
                ---
                title: \(quoted)
                publisher: ""
                kind: news-report
                ---

                """
            )
        }
    }
}

import Foundation

/// `dossier new`: a new content file with the right front matter in the right folder.
public enum NewDocument {
    public enum Kind: String, CaseIterable, Sendable {
        case briefing, entity, event, source
    }

    /// The file's path inside the content folder and its text.
    public static func make(_ kind: Kind, title: String, entityKind: EntityKind = .country, today: DossierDate) -> (path: String, text: String) {
        let slug = Slug.make(title)
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

                """)
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

                """)
        case .event:
            return (
                "events/\(slug).md",
                """
                ---
                title: \(quoted)
                date: "\(today)"
                status: reported
                entities: []
                sources: []
                ---

                """)
        case .source:
            return (
                "sources/\(slug).md",
                """
                ---
                title: \(quoted)
                publisher: ""
                kind: news-report
                ---

                """)
        }
    }
}

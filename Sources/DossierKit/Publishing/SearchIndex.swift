import Foundation

/// The search index: one record per briefing, entity, event and source, written as a
/// script file (`window.dossierSearch = …`) rather than JSON, because a page opened from
/// `file://` may load a script but may not `fetch` a file.
enum SearchIndex {
    /// Body text kept per page: enough for matching and snippets, while the index of a
    /// large site stays a size a browser loads at once (about 8 MB of text in all).
    static func textLimit(pageCount: Int) -> Int { min(4000, max(600, 8_000_000 / max(1, pageCount))) }

    static func records(_ pages: [RenderedPage], site: LinkedSite) -> [[String: Any]] {
        let limit = textLimit(pageCount: pages.count)
        var records: [[String: Any]] = []
        for page in pages {
            let job = page.job
            var record: [String: Any] = ["u": job.path, "t": job.title, "s": job.description]
            switch job.kind {
            case .briefing(let briefing):
                record["k"] = "Briefing"
                if let date = briefing.date { record["d"] = DateFormatting.display(date) }
                if let summary = briefing.header.summary { record["s"] = summary }
            case .entity(let entity):
                record["k"] = entity.kind.title
                record["s"] = entity.header.summary ?? ""
                if !entity.aliases.isEmpty { record["a"] = entity.aliases.map(\.value).joined(separator: " · ") }
            case .event(let event):
                record["k"] = "Event"
                record["d"] = DateFormatting.display(event.date.value)
                record["s"] = event.header.summary ?? ""
            case .home, .collection, .search, .notFound:
                continue
            }
            let headings = (site.headings[job.path] ?? []).map(\.text)
            if !headings.isEmpty { record["h"] = headings.joined(separator: " · ") }
            record["x"] = truncated(page.text, limit: limit)
            records.append(record)
        }
        for source in site.catalog.sources {
            var record: [String: Any] = [
                "u": source.header.path, "t": source.header.title.value, "k": "Source",
                "s": [source.publisher, source.note].compactMap { $0 }.joined(separator: ". "),
            ]
            if let date = source.date { record["d"] = DateFormatting.display(date) }
            records.append(record)
        }
        return records.sorted { ($0["u"] as! String) < ($1["u"] as! String) }
    }

    static func script(_ records: [[String: Any]]) -> Data {
        Data("window.dossierSearch = \(ScriptJSON.encode(records));\n".utf8)
    }

    static func truncated(_ text: String, limit textLimit: Int) -> String {
        var collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Citation markers leave a space before punctuation ("the Statute [1], signed").
        for mark in [",", "."] { collapsed = collapsed.replacingOccurrences(of: " " + mark, with: mark) }
        guard collapsed.count > textLimit else { return collapsed }
        let cut = collapsed.prefix(textLimit)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)])
    }
}

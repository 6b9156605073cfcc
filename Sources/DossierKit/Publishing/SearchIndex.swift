import Foundation

/// The search index: one record per briefing, entity, event and source, written as a
/// script file (`window.dossierSearch = …`) rather than JSON, because a page opened from
/// `file://` may load a script but may not `fetch` a file.
enum SearchIndex {
    /// Body text kept per page: enough for matching and snippets, while the index of a
    /// large site stays a size a browser loads at once (about 8 MB of text in all).
    static func textLimit(pageCount: Int) -> Int { min(4000, max(600, 8_000_000 / max(1, pageCount))) }

    /// The index script. `reusing` names records known unchanged since the last build
    /// (pages not rendered again, and sources, when only bodies changed): their encoded
    /// form is taken from `cache` instead of being made again.
    static func script(_ pages: [RenderedPage], site: LinkedSite, cache: SearchIndexCache? = nil, reusing: Set<String> = []) -> Data {
        let limit = textLimit(pageCount: pages.count)
        var parts: [(path: String, json: String)] = []
        func add(_ path: String, _ record: () -> [String: Any]?) {
            let json: String
            if reusing.contains(path), let known = cache?.json(for: path) {
                json = known
            } else if let record = record() {
                json = ScriptJSON.encode(record)
            } else {
                return
            }
            cache?.store(json, for: path)
            parts.append((path, json))
        }
        for page in pages { add(page.job.path) { self.record(page, site: site, limit: limit) } }
        for source in site.catalog.sources { add(source.header.path) { self.record(source) } }
        parts.sort { $0.path < $1.path }
        var script = "window.dossierSearch = ["
        script.reserveCapacity(parts.reduce(64) { $0 + $1.json.utf8.count + 1 })
        for (index, part) in parts.enumerated() {
            if index > 0 { script += "," }
            script += part.json
        }
        script += "];\n"
        return Data(script.utf8)
    }

    private static func record(_ page: RenderedPage, site: LinkedSite, limit: Int) -> [String: Any]? {
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
            return nil
        }
        let headings = (site.headings[job.path] ?? []).map(\.text)
        if !headings.isEmpty { record["h"] = headings.joined(separator: " · ") }
        record["x"] = truncated(page.text, limit: limit)
        return record
    }

    private static func record(_ source: Source) -> [String: Any] {
        var record: [String: Any] = [
            "u": source.header.path, "t": source.header.title.value, "k": "Source",
            "s": [source.publisher, source.note].compactMap { $0 }.joined(separator: ". "),
        ]
        if let date = source.date { record["d"] = DateFormatting.display(date) }
        return record
    }

    /// Whitespace collapsed, spaces before `,` and `.` dropped (citation markers leave
    /// them), cut at a word boundary near `limit` bytes. Works on bytes: it runs over the
    /// text of every page.
    static func truncated(_ text: String, limit: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(text.utf8.count, limit + 8))
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x0A, 0x09, 0x0D:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace && byte != UInt8(ascii: ",") && byte != UInt8(ascii: ".") { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            if out.count > limit { break }
        }
        if out.count > limit {
            if let space = out.lastIndex(of: 0x20) { out.removeSubrange(space...) }
            // Never end inside a multi-byte character.
            if let lead = out.lastIndex(where: { $0 & 0xC0 != 0x80 }) {
                let length = out[lead] >= 0xF0 ? 4 : out[lead] >= 0xE0 ? 3 : out[lead] >= 0xC0 ? 2 : 1
                if out.count - lead < length { out.removeSubrange(lead...) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Encoded search records of the last build, by page path.
final class SearchIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: [String: String] = [:]
    private var current: [String: String] = [:]

    func json(for path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return previous[path]
    }

    func store(_ json: String, for path: String) {
        lock.lock()
        defer { lock.unlock() }
        current[path] = json
    }

    /// Keeps only what the last index used.
    func finishBuild() {
        lock.lock()
        defer { lock.unlock() }
        previous = current
        current = [:]
    }
}

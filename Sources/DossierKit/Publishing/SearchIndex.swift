import Foundation

/// The search index: one record per briefing, entity, event and source, written as a
/// script file (`window.dossierSearch = …`) rather than JSON, because a page opened from
/// `file://` may load a script but may not `fetch` a file.
enum SearchIndex {
    /// Body text kept per page: enough for matching and snippets, while the index of a
    /// large site stays a size a browser loads at once (about 8 MB of text in all).
    /// Known from the catalog, so the link stage keeps no more of each text than this.
    static func textLimit(for catalog: Catalog) -> Int { min(4000, max(600, 8_000_000 / max(1, catalog.pageCount))) }

    /// The index script of a whole site: `pages` is every page (those without a record,
    /// such as lists, are skipped). Its records are kept in `cache` for `script(updating:)`.
    static func script(
        _ pages: [RenderedPage], site: LinkedSite, cache: SearchIndexCache? = nil, language: IndexLanguage? = nil
    ) async -> Data {
        let limit = textLimit(for: site.catalog)
        // Each record is made on its own, so in parallel: one after another they kept one
        // core busy alone after the pages were rendered.
        let encoded = await Parallel.map(pages) { page -> (path: String, json: String)? in
            record(page, site: site, limit: limit, words: language?.words ?? .english).map {
                (page.job.path, ScriptJSON.encode(language?.tagged($0) ?? $0))
            }
        }
        var records = encoded.compactMap { $0 }
        for source in site.catalog.sources {
            records.append(
                (
                    source.header.path,
                    ScriptJSON.encode(
                        language?.tagged(record(source, words: language?.words ?? .english), as: source.language) ?? record(source))
                ))
        }
        records.sort { $0.path < $1.path }
        cache?.keep(records)
        return assemble(records, stopWords: language.map { SearchStopWords.words($0.code) } ?? [])
    }

    /// The index of a language edition: its pages are its translations and the default
    /// language's pages it has none of; a record of the latter says its language (`l`),
    /// so the results show its title and text as being in that language. A source's
    /// record says the source's language, when it is not the edition's.
    struct IndexLanguage: Sendable {
        var code: String
        /// The edition's folder, and the language of the pages outside it.
        var prefix: String
        var fallback: String
        /// The edition's words, which name each record's kind.
        var words = InterfaceWords.english

        func tagged(_ record: [String: Any]) -> [String: Any] {
            guard let path = record["u"] as? String, !path.hasPrefix(prefix) else { return record }
            return tagged(record, as: fallback)
        }

        func tagged(_ record: [String: Any], as language: String?) -> [String: Any] {
            guard let language, language != code, LanguageConfigParser.isLanguageCode(language) else { return record }
            var tagged = record
            tagged["l"] = language
            return tagged
        }
    }

    /// The index script after some pages were rendered again (`pages`) on a site whose
    /// pages and sources are the ones `cache` last saw: their records are replaced, the
    /// others are reused as they were encoded.
    static func script(updating pages: [RenderedPage], site: LinkedSite, cache: SearchIndexCache, language: IndexLanguage? = nil) -> Data {
        let limit = textLimit(for: site.catalog)
        let records = cache.update(
            pages.compactMap { page in
                record(page, site: site, limit: limit, words: language?.words ?? .english).map {
                    (page.job.path, ScriptJSON.encode(language?.tagged($0) ?? $0))
                }
            })
        return assemble(records, stopWords: language.map { SearchStopWords.words($0.code) } ?? [])
    }

    /// `window.dossierSearch = [record,record,…];`, copied into one buffer of the right
    /// size: the index of a large site is megabytes, and `serve` makes it on every rebuild.
    private static func assemble(_ records: [(path: String, json: String)], stopWords: [String] = []) -> Data {
        let stopLine = stopWords.isEmpty ? "" : "window.dossierSearchStopWords = " + ScriptJSON.encode(stopWords) + ";\n"
        let opening = Array("window.dossierSearch = [".utf8), closing = Array(("];\n" + stopLine).utf8)
        var size = opening.count + closing.count + max(0, records.count - 1)
        for index in records.indices { size += records[index].json.utf8.count }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        var offset = 0
        func copy(_ bytes: UnsafeRawBufferPointer) {
            UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
            offset += bytes.count
        }
        opening.withUnsafeBytes(copy)
        for index in records.indices {
            if index > 0 {
                buffer[offset] = UInt8(ascii: ",")
                offset += 1
            }
            var json = records[index].json
            json.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
        }
        closing.withUnsafeBytes(copy)
        return Data(bytesNoCopy: buffer.baseAddress!, count: size, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }

    private static func record(_ page: RenderedPage, site: LinkedSite, limit: Int, words: InterfaceWords = .english) -> [String: Any]? {
        let job = page.job
        var record: [String: Any] = ["u": job.path, "t": job.title, "s": job.description]
        switch job.kind {
        case .briefing(let briefing):
            record["k"] = words.word("briefing", or: "Briefing")
            if let date = briefing.date { record["d"] = DateFormatting.display(date) }
            if let summary = briefing.header.summary { record["s"] = summary }
        case .entity(let entity):
            record["k"] = words.kind(entity.kind)
            record["s"] = entity.header.summary ?? ""
            if !entity.aliases.isEmpty { record["a"] = entity.aliases.map(\.value).joined(separator: " · ") }
        case .event(let event):
            record["k"] = words.word("event", or: "Event")
            record["d"] = DateFormatting.display(event.date.value)
            record["s"] = event.header.summary ?? ""
        case .home, .collection, .search, .notFound, .source:  // sources: from the catalog, below
            return nil
        }
        let headings = (site.headings[job.path] ?? []).map(\.text)
        if !headings.isEmpty { record["h"] = headings.joined(separator: " · ") }
        record["x"] = truncated(page.text, limit: limit)
        return record
    }

    private static func record(_ source: Source, words: InterfaceWords = .english) -> [String: Any] {
        var record: [String: Any] = [
            "u": source.header.path, "t": source.header.title.value, "k": words.word("search_kind_source", or: "Source"),
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

/// The encoded search records of the last build, sorted by page path, so that `serve`
/// re-encodes only the records of the pages it rendered again.
final class SearchIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [(path: String, json: String)] = []
    private var positions: [String: Int] = [:]

    func keep(_ records: [(path: String, json: String)]) {
        lock.lock()
        defer { lock.unlock() }
        self.records = records
        positions = Dictionary(records.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The kept records with `changed` ones put in place (a path not seen before is added
    /// in order); the result is kept for the next update.
    func update(_ changed: [(path: String, json: String)]) -> [(path: String, json: String)] {
        lock.lock()
        defer { lock.unlock() }
        var added = false
        for record in changed {
            if let position = positions[record.path] {
                records[position] = record
            } else {
                records.append(record)
                added = true
            }
        }
        if added {
            records.sort { $0.path < $1.path }
            positions = Dictionary(records.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return records
    }
}

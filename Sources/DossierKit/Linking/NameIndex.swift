import Foundation

/// A page that a name can lead to. A class, because every backlink, citation and
/// resolved link holds one: copying a reference is one count, copying five strings was
/// five, and at 10,000 pages those copies were a tenth of linking.
public final class LinkTarget: Hashable, Sendable, CustomStringConvertible {
    public let section: Section
    public let path: String
    public let title: String
    public let file: String
    /// The title folded for sorting, made once: lists of backlinks sort by it.
    public let sortKey: String

    public init(section: Section, path: String, title: String, file: String) {
        self.section = section
        self.path = path
        self.title = title
        self.file = file
        sortKey = NameIndex.normalize(title)
    }

    public static func == (a: LinkTarget, b: LinkTarget) -> Bool {
        a === b || (a.path == b.path && a.section == b.section && a.title == b.title && a.file == b.file)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(title)
    }

    /// The order of pages in lists of backlinks: by section, then title, then path.
    func isListed(before other: LinkTarget) -> Bool {
        if section != other.section { return section < other.section }
        if sortKey != other.sortKey { return sortKey < other.sortKey }
        return path < other.path
    }

    /// True when this is the target `header` makes, checked without making one (which
    /// folds the title): `serve` asks it of every page on every rebuild.
    func describes(_ header: PageHeader) -> Bool {
        path == header.path && title == header.title.value && file == header.file && section == header.section
    }

    public var description: String { "LinkTarget(\(section.rawValue) \(path) '\(title)')" }
}

/// Resolves `[[names]]` by slug, title and alias, ignoring case and diacritics
/// (`Goita` finds `Goïta`). One dictionary lookup per reference, whatever the site size.
public struct NameIndex: Sendable {
    public enum Resolution: Equatable {
        case found(LinkTarget)
        case ambiguous([LinkTarget])
        case missing(suggestion: String?)
    }

    private var targets: [String: [LinkTarget]] = [:]
    /// Display names for "did you mean", by normalized key.
    private var displayNames: [String: String] = [:]

    /// Smart punctuation turns `'` into `’` before links are seen, so quotes are folded too.
    public static func normalize(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(name) }
        var name = name
        // ‘ ’ “ ” – — … all lie in U+2013…U+2026: a range test per scalar, where asking a
        // string of them about each character compared strings.
        if name.unicodeScalars.contains(where: { (0x2013...0x2026).contains($0.value) }) {
            name = name.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
                .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
                .replacingOccurrences(of: "–", with: "--").replacingOccurrences(of: "—", with: "---")
                .replacingOccurrences(of: "…", with: "...")
        }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Most names are ASCII once their accents are folded away.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(folded) }
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The common case, without Foundation: lowercase, whitespace runs as one space.
    private static func normalizeASCII(_ name: String) -> String {
        // Written straight into the string's storage (no storage at all for names of up to
        // 15 bytes): every link is normalized when it is resolved.
        let bytes = name.utf8
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                out[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                count += 1
            }
            return count
        }
    }

    public init() {}

    public init(catalog: Catalog) {
        for entity in catalog.entities {
            let target = Self.target(entity.header)
            add(entity.header.title.value, target)
            add(entity.header.slug, target)
            for alias in entity.aliases { add(alias.value, target) }
        }
        for briefing in catalog.briefings {
            let target = Self.target(briefing.header)
            add(briefing.header.title.value, target)
            add(briefing.header.slug, target)
            if let original = briefing.header.originalTitle { add(original, target) }
        }
        for event in catalog.events {
            let target = Self.target(event.header)
            add(event.header.slug, target)
            add(event.header.title.value, target)
            if let original = event.header.originalTitle { add(original, target) }
        }
    }

    /// The names of pages left out as drafts: titles and slugs.
    init(drafts: [PageHeader]) {
        for header in drafts {
            let target = Self.target(header)
            add(header.title.value, target)
            add(header.slug, target)
        }
    }

    static func target(_ header: PageHeader) -> LinkTarget {
        LinkTarget(section: header.section, path: header.path, title: header.title.value, file: header.file)
    }

    public mutating func add(_ name: String, _ target: LinkTarget) {
        let key = Self.normalize(name)
        guard !key.isEmpty else { return }
        if !(targets[key]?.contains(target) ?? false) { targets[key, default: []].append(target) }
        if displayNames[key] == nil { displayNames[key] = name }
    }

    /// A page the name leads to, the first by path when it names several.
    func firstMatch(_ name: String) -> LinkTarget? {
        switch resolve(name) {
        case .found(let target): target
        case .ambiguous(let targets): targets.first
        case .missing: nil
        }
    }

    public func resolve(_ name: String) -> Resolution {
        let key = Self.normalize(name)
        guard let found = targets[key], !found.isEmpty else {
            return .missing(suggestion: Suggestions.closest(to: key, among: displayNames.keys).flatMap { displayNames[$0] })
        }
        let distinct = found.count == 1 ? found : Array(Set(found)).sorted { $0.path < $1.path }
        if distinct.count == 1 { return .found(distinct[0]) }
        // An entity title wins over an event or briefing of the same name: entities are
        // what analysts link to by name.
        let entities = distinct.filter { $0.section == .entity }
        if entities.count == 1 { return .found(entities[0]) }
        return .ambiguous(distinct)
    }
}

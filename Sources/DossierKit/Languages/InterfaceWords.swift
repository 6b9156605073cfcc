/// The interface words of one language (`Templates/i18n/<code>.yml`) for text made in Swift:
/// drawings, the tracker, computed titles. A key the table lacks reads in English, so code
/// that runs without templates (tests, other callers) keeps the words it always had.
struct InterfaceWords: Sendable {
    var table: [String: String] = [:]

    static let english = InterfaceWords()

    func word(_ key: String, or english: String) -> String { table[key] ?? english }

    /// `key`'s sentence with its `{name}`s filled in: word order differs between languages.
    func phrase(_ key: String, or english: String, _ values: [String: String]) -> String {
        Self.fill(word(key, or: english), values)
    }

    /// `{name}`s replaced by their values in one pass (a `{name}` without a value stays).
    /// By hand: Foundation's `replacingOccurrences`, once per value, was 6% of a build's
    /// time when every mark of every timeline drawing was named this way.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            if let value = values[String(rest[rest.index(after: open)..<close])] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A treaty rule's period in words: "1 year", in French "un an" (as article 127 says it).
    func period(_ period: Period) -> String {
        func part(_ count: Int, _ unit: String) -> String? {
            guard count != 0 else { return nil }
            let key = count == 1 ? "period_\(unit)" : "period_\(unit)s"
            return phrase(key, or: count == 1 ? "{count} \(unit)" : "{count} \(unit)s", ["count": String(count)])
        }
        return [part(period.years, "year"), part(period.months, "month"), part(period.days, "day")].compactMap { $0 }.joined(separator: " ")
    }

    /// Numbers up to twelve spelled out, as the timeline's rule label says them: "one year".
    func spelled(_ text: String) -> String {
        let numbers = word("spelled_numbers", or: "one two three four five six seven eight nine ten eleven twelve").split(separator: " ")
        return text.split(separator: " ", omittingEmptySubsequences: false).map { part in
            Int(part).flatMap { $0 >= 1 && $0 <= numbers.count ? String(numbers[$0 - 1]) : nil } ?? String(part)
        }.joined(separator: " ")
    }

    /// A rule's article as a sentence names it: front matter writes "Article 127(1)", which
    /// a French sentence reads as "l’article 127(1)".
    func article(_ article: String) -> String {
        guard article.hasPrefix("Article ") else { return article }
        return word("article_named", or: "Article") + article.dropFirst("Article".count)
    }

    /// A relation's phrase between subject and object: "member of", in French "membre de".
    func relation(_ type: RelationType) -> String { word("relation_" + Self.key(type.rawValue), or: type.phrase) }

    /// The relation read from its object's side, as a label: "Led by", "Dirigé par".
    func inverseRelation(_ type: RelationType) -> String { word("relation_inverse_" + Self.key(type.rawValue), or: type.inverseLabel) }

    /// An entity kind's name: "Country", "Pays".
    func kind(_ kind: EntityKind) -> String { word("entity_kind_" + Self.key(kind.rawValue), or: kind.title) }

    /// The kind's plural, as a heading: "Countries", "Pays".
    func kinds(_ kind: EntityKind) -> String { word("entity_kinds_" + Self.key(kind.rawValue), or: kind.pluralTitle) }

    /// A source's kind: "News report", "Dépêche".
    func sourceKind(_ kind: SourceKind) -> String { word("source_kind_" + Self.key(kind.rawValue), or: kind.title) }

    /// A source's reliability as the sources page grades it.
    func reliability(_ reliability: SourceReliability) -> String {
        word("reliability_" + Self.key(reliability.rawValue), or: reliability.title)
    }

    /// A raw value as part of a key, `-` written `_` (`news-report` → `news_report`). On
    /// bytes: Foundation's replacing was half a percent of a build, for every source cited
    /// on every page.
    static func key(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "-")) else { return raw }
        return String(decoding: raw.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    /// Names as a sentence lists them: "Mali, Niger and Burkina Faso".
    func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + word("list_and", or: " and ") + names.last!
    }
}

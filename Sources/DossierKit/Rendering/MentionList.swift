/// Which mentions of a page its "Mentioned in" section quotes. A hub page can be linked
/// from thousands of pages, and a page quoting every sentence was megabytes no reader
/// could use: the page quotes the most useful `quotedLimit` and lists the others by
/// title, grouped by kind, saying so.
///
/// The rule: briefings first (the dossier's own analysis), from the newest, then events
/// from the newest, then every other page in the list's order (by kind, then title).
struct MentionList {
    static let quotedLimit = 40
    static let rule = "briefings first, then events, each from the newest, then other pages by title"

    /// Every mention, in the list's order (by kind, then title).
    let backlinks: [Backlink]
    /// Indices into `backlinks` of the quoted mentions, in the order of the rule.
    let quoted: [Int]

    /// `briefingDate` gives a briefing's date by its path.
    init(_ backlinks: [Backlink], timeline: Timeline, briefingDate: (String) -> DossierDate? = { _ in nil }, limit: Int = quotedLimit) {
        self.backlinks = backlinks
        guard backlinks.count > limit else {
            quoted = Array(backlinks.indices)
            return
        }
        func rank(_ index: Int) -> (Int, Int, Int) {
            let from = backlinks[index].from
            switch from.section {
            case .briefing: return (0, briefingDate(from.path).map { -$0.firstDay } ?? Int.max, index)
            case .event: return (1, timeline.index(of: from.path).map { -$0 } ?? Int.max, index)
            default: return (2, 0, index)
            }
        }
        // Partial sort: only the first `limit` by rank are needed.
        var chosen: [(rank: (Int, Int, Int), index: Int)] = []
        for index in backlinks.indices {
            let entry = (rank: rank(index), index: index)
            if chosen.count == limit, let last = chosen.last, !(entry.rank < last.rank) { continue }
            let at = chosen.partitioningIndex { entry.rank < $0.rank }
            chosen.insert(entry, at: at)
            if chosen.count > limit { chosen.removeLast() }
        }
        quoted = chosen.map(\.index)
    }

    var isCapped: Bool { quoted.count < backlinks.count }
}

extension PageContext {
    /// The "Mentioned in" groups of a page: one per kind of page, each with every mention
    /// (`items`, the quoted ones first and with their sentence), the quoted ones
    /// (`quoted`) and the others (`more`, without a sentence).
    func backlinkGroups(_ list: MentionList) -> [[String: Any]] {
        let quotedSet = Set(list.quoted)
        var quotedBySection: [Section: [[String: Any]]] = [:]
        var moreBySection: [Section: [[String: Any]]] = [:]
        for index in list.quoted {
            let backlink = list.backlinks[index]
            var item = link(backlink.from)
            item["context"] = backlink.context
            quotedBySection[backlink.from.section, default: []].append(item)
        }
        for index in list.backlinks.indices where !quotedSet.contains(index) {
            let from = list.backlinks[index].from
            var item = link(from)
            item["context"] = false
            moreBySection[from.section, default: []].append(item)
        }
        return Section.allCases.compactMap { section -> [String: Any]? in
            let quoted = quotedBySection[section] ?? [], more = moreBySection[section] ?? []
            guard !quoted.isEmpty || !more.isEmpty else { return nil }
            return [
                "title": word("section_" + section.rawValue, or: section.pluralTitle), "count": grouped(quoted.count + more.count),
                "items": quoted + more, "quoted": quoted, "more": more,
            ]
        }
    }

    /// The values of the "Mentioned in" section: the groups, and how many are quoted.
    func mentionValues(_ targetPath: String) -> [String: Any] {
        let dates = site.briefingDates
        let list = MentionList(site.backlinks[targetPath] ?? [], timeline: timeline, briefingDate: { dates[$0] })
        return [
            "backlinks": backlinkGroups(list),
            "backlink_count": list.backlinks.count,
            "backlinks_capped": list.isCapped
                ? [
                    "quoted": grouped(list.quoted.count), "total": grouped(list.backlinks.count),
                    "others": grouped(list.backlinks.count - list.quoted.count), "rule": word("mentions_rule", or: MentionList.rule),
                ] as [String: Any] : false,
        ]
    }
}

/// A count as a reader writes it: 2,113.
func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var text = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return (number < 0 ? "-" : "") + text
}

/// The values of the change log page (`updates.mustache`).
extension PageContext {
    func updatesPage(_ log: ChangeLog) -> [String: Any] {
        // The newest edition changed when its newest page did, which may be after its
        // `as_of` (a reader who looked after that day has not seen what came later).
        let newest = site.catalog.lastChanged.values.map(\.sortKey).max() ?? ""
        let entries = log.entries.enumerated().map { index, entry -> [String: Any] in
            var values = updateEntryValues(entry)
            values["changed"] = index == 0 ? max(entry.asOf.firstDayISO, newest) : entry.asOf.firstDayISO
            return values
        }
        return [
            "entries": entries,
            "from_git": log.fromGit,
            "updates_feed_url": url(UpdatesFeed.path),
        ]
    }

    func updateEntryValues(_ entry: ChangeLog.Entry) -> [String: Any] {
        func page(_ ref: ChangeLog.PageRef) -> [String: Any] {
            ["title": ref.title, "url": url(ref.path), "kind": ref.section == .event ? "event" : ref.section.singularTitle]
        }
        return [
            "anchor": "as-of-\(entry.asOf.firstDayISO)",
            "as_of": DateFormatting.display(entry.asOf),
            "iso_date": entry.asOf.firstDayISO,
            "previous_as_of": entry.previousAsOf.map(DateFormatting.display) ?? false,
            "is_first": entry.isFirst,
            "counts": entry.counts.isEmpty
                ? false : entry.counts.map { "\($0.count) \($0.section.pluralTitle.lowercased())" }.joined(separator: ", "),
            "added": entry.added.filter { $0.section != .source }.map(page),
            // Sources come in numbers and say little by title alone: a list of their own.
            "sources_added": entry.added.filter { $0.section == .source }.map(page),
            "updated": entry.updated.map { update -> [String: Any] in
                var values = page(update.page)
                values["note"] = update.note ?? false
                return values
            },
            "removed": entry.removed.map { ["title": $0.title] as [String: Any] },
            "events_added": entry.eventsAdded.map(page),
            "status_changes": entry.statusChanges.map { change -> [String: Any] in
                var values = page(change.event)
                values["date"] = change.date
                values["from"] = change.from.rawValue
                values["to"] = change.to.rawValue
                return values
            },
            "standings": entry.standings.map { ["state": $0.state, "before": $0.before ?? false, "after": $0.after] as [String: Any] },
            "nothing": entry.isEmpty,
        ]
    }
}

extension Section {
    var singularTitle: String {
        switch self {
        case .home: "home page"
        case .briefing: "briefing"
        case .entity: "entity"
        case .event: "event"
        case .source: "source"
        }
    }
}

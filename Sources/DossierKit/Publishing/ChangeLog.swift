/// What changed between the dossier's editions (one per `as_of` date), newest first:
/// pages added, pages updated (with a one-line note), events added or whose status
/// changed, and withdrawal standings that changed. Pure: the editions are read elsewhere
/// (`GitEditions`), and a dossier without git history has one edition, the current one.
public struct ChangeLog: Sendable {
    public struct PageRef: Sendable, Equatable {
        public var title: String
        public var path: String
        public var section: Section
    }

    public struct Update: Sendable, Equatable {
        public var page: PageRef
        public var note: String?
    }

    public struct StatusChange: Sendable, Equatable {
        public var event: PageRef
        public var date: String
        public var from: EventStatus
        public var to: EventStatus
    }

    public struct StandingChange: Sendable, Equatable {
        public var state: String
        public var before: String?
        public var after: String
    }

    public struct Entry: Sendable {
        public var asOf: DossierDate
        public var previousAsOf: DossierDate?
        /// The first edition known: everything in it is new, so it is summed up, not listed.
        public var isFirst: Bool
        public var counts: [(section: Section, count: Int)] = []
        public var added: [PageRef] = []
        public var updated: [Update] = []
        public var removed: [PageRef] = []
        public var eventsAdded: [PageRef] = []
        public var statusChanges: [StatusChange] = []
        public var standings: [StandingChange] = []

        public var isEmpty: Bool {
            !isFirst && added.isEmpty && updated.isEmpty && removed.isEmpty && eventsAdded.isEmpty && statusChanges.isEmpty
                && standings.isEmpty
        }
    }

    /// Newest first.
    public var entries: [Entry]
    /// Where the history came from, said on the page.
    public var fromGit: Bool
}

/// One edition as the change log compares it.
public struct EditionSnapshot: Sendable {
    public struct Page: Sendable {
        public var ref: ChangeLog.PageRef
        /// Changes when the file's bytes change (a git blob id, or the text itself).
        public var identity: String
        public var changeNote: String?
        /// Subject of the last commit that touched the file in this edition, if known.
        public var commitSubject: String?
    }

    public struct TimelineRow: Sendable {
        public var ref: ChangeLog.PageRef
        public var date: String
        public var status: EventStatus
    }

    public var asOf: DossierDate
    /// Content file (relative path) → page.
    public var pages: [String: Page]
    /// Timeline anchor → row, derived rows included.
    public var rows: [String: TimelineRow]
    /// State → its withdrawal events, as one line.
    public var standings: [String: String]
}

extension EditionSnapshot {
    /// `identity` gives each file's identity; `subject` the last commit subject touching it.
    public static func make(
        catalog: Catalog, timeline: Timeline, contentPrefix: String, identity: (String) -> String, subject: (String) -> String?
    ) -> EditionSnapshot {
        var pages: [String: Page] = [:]
        for header in catalog.allHeaders {
            let file = header.file.hasPrefix(contentPrefix) ? String(header.file.dropFirst(contentPrefix.count)) : header.file
            pages[file] = Page(
                ref: .init(title: header.title.value, path: header.path, section: header.section), identity: identity(file),
                changeNote: header.changeNote, commitSubject: subject(file))
        }
        var rows: [String: TimelineRow] = [:]
        var standings: [String: [String]] = [:]
        for event in timeline.events {
            let ref = ChangeLog.PageRef(title: event.title, path: event.page?.path ?? "timeline/#" + event.anchor, section: .event)
            let date = DateFormatting.display(event.date)
            rows[event.anchor] = TimelineRow(ref: ref, date: date, status: event.status)
            guard let kind = event.kind, kind.hasPrefix("withdrawal-") else { continue }
            let phrase = kind.dropFirst("withdrawal-".count).replacingOccurrences(of: "-", with: " ")
            for state in event.entities where state.path.hasPrefix("entities/\(EntityKind.country.folder)/") {
                standings[state.title, default: []].append("\(phrase) \(date) (\(event.status.rawValue))")
            }
        }
        return EditionSnapshot(
            asOf: catalog.site.asOf ?? DossierDate(start: CalendarPoint(year: 1970)), pages: pages, rows: rows,
            standings: standings.mapValues { $0.joined(separator: "; ") })
    }
}

extension ChangeLog {
    /// Compares each edition (oldest first in `editions`) with the one before it.
    public static func make(_ editions: [EditionSnapshot], fromGit: Bool) -> ChangeLog {
        var entries: [Entry] = []
        for (index, edition) in editions.enumerated() {
            entries.append(index == 0 ? first(edition) : compare(editions[index - 1], edition))
        }
        return ChangeLog(entries: entries.reversed(), fromGit: fromGit)
    }

    static func first(_ edition: EditionSnapshot) -> Entry {
        var entry = Entry(asOf: edition.asOf, previousAsOf: nil, isFirst: true)
        let sections = Dictionary(grouping: edition.pages.values, by: \.ref.section)
        entry.counts = Section.allCases.compactMap { section in
            guard section != .home, let pages = sections[section], !pages.isEmpty else { return nil }
            return (section, pages.count)
        }
        return entry
    }

    static func compare(_ old: EditionSnapshot, _ new: EditionSnapshot) -> Entry {
        var entry = Entry(asOf: new.asOf, previousAsOf: old.asOf, isFirst: false)
        for (file, page) in new.pages.sorted(by: { $0.key < $1.key }) {
            guard let before = old.pages[file] else {
                if page.ref.section == .event { entry.eventsAdded.append(page.ref) } else { entry.added.append(page.ref) }
                continue
            }
            guard before.identity != page.identity else { continue }
            // A note left from an earlier change says nothing about this one.
            let note = page.changeNote != before.changeNote ? page.changeNote : page.commitSubject
            entry.updated.append(Update(page: page.ref, note: note))
        }
        entry.removed = old.pages.filter { new.pages[$0.key] == nil }.sorted { $0.key < $1.key }.map(\.value.ref)
        for (anchor, row) in new.rows.sorted(by: { $0.key < $1.key }) {
            if let before = old.rows[anchor], before.status != row.status {
                entry.statusChanges.append(StatusChange(event: row.ref, date: row.date, from: before.status, to: row.status))
            } else if old.rows[anchor] == nil, row.ref.path.hasPrefix("timeline/#") {
                // Derived rows have no file; recorded events are counted as pages above.
                entry.eventsAdded.append(row.ref)
            }
        }
        for (state, standing) in new.standings.sorted(by: { $0.key < $1.key }) where old.standings[state] != standing {
            entry.standings.append(StandingChange(state: state, before: old.standings[state], after: standing))
        }
        entry.updated.sort { ($0.page.section, $0.page.title) < ($1.page.section, $1.page.title) }
        entry.added.sort { ($0.section, $0.title) < ($1.section, $1.title) }
        return entry
    }
}

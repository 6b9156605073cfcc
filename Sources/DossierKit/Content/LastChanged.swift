/// When a page last changed: its front matter's `updated:`, which wins, else the last
/// commit that touched its file.
public struct LastChanged: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case frontMatter = "front matter"
        case git
    }

    /// The day (or the month or year, as front matter may give it).
    public var date: DossierDate
    /// `2026-11-29T07:03:43Z`, when git gives the time as well.
    public var timestamp: String?
    public var origin: Origin
    /// The subject of the commit, for the change log when front matter has no note.
    public var commitSubject: String?

    /// For the sitemap's `lastmod` (W3C Datetime takes either form).
    public var w3cDatetime: String { timestamp ?? date.start.isoString }
    /// For Atom's `updated`, which needs a time.
    public var atomTimestamp: String { timestamp ?? date.firstDayISO + "T00:00:00Z" }
    /// Sorts and compares across origins: `2026-11-29` or `2026-11-29T07:03:43Z`.
    public var sortKey: String { timestamp ?? date.firstDayISO }
}

public enum LastChangedDates {
    /// Page path → when it last changed, for every page that has a date from either
    /// source. `contentPrefix` is what the headers' `file` starts with (`Content/`).
    public static func make(_ catalog: Catalog, history: GitHistory?, contentPrefix: String) -> [String: LastChanged] {
        var dates: [String: LastChanged] = [:]
        for header in catalog.allHeaders {
            let relative = header.file.hasPrefix(contentPrefix) ? String(header.file.dropFirst(contentPrefix.count)) : header.file
            let commit = history?.lastCommit(touching: relative)
            if let updated = header.updated {
                dates[header.path] = LastChanged(date: updated, timestamp: nil, origin: .frontMatter, commitSubject: commit?.subject)
            } else if let commit {
                let (day, time) = utc(commit.authorTime)
                dates[header.path] = LastChanged(date: day, timestamp: time, origin: .git, commitSubject: commit.subject)
            }
        }
        return dates
    }

    /// The UTC day and ISO 8601 time of a Unix time.
    static func utc(_ seconds: Int) -> (DossierDate, String) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = CivilCalendar.components(ofOrdinal: CivilCalendar.ordinal(1970, 1, 1) + days)
        let time = "\(pad4(y))-\(pad2(m))-\(pad2(d))T\(pad2(rest / 3600)):\(pad2(rest / 60 % 60)):\(pad2(rest % 60))Z"
        return (DossierDate(start: CalendarPoint(year: y, month: m, day: d)), time)
    }
}

extension Catalog {
    /// Every page's header, sources included, in a fixed order.
    var allHeaders: [PageHeader] {
        (home.map { [$0] } ?? []) + briefings.map(\.header) + entities.map(\.header) + events.map(\.header) + sources.map(\.header)
    }
}

import Foundation

/// `updates.xml`: an Atom feed of the change log, one entry per edition, apart from the
/// content feed, for readers who want to hear only what changed. Dated by the editions'
/// `as_of`, never by the clock.
enum UpdatesFeed {
    static let path = "updates.xml"
    static let pagePath = "updates/"

    static func atom(_ log: ChangeLog, site config: SiteConfig) -> Data {
        func text(_ value: String) -> String { HTML.escape(value) }
        func timestamp(_ date: DossierDate) -> String { date.firstDayISO + "T00:00:00Z" }
        let page = config.baseURL + pagePath
        let updated = log.entries.first.map { timestamp($0.asOf) } ?? config.asOf.map(timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(text(config.language))">
              <title>\(text(config.title)): updates</title>
              <subtitle>What changed each time the dossier was brought up to date.</subtitle>
              <link rel="self" type="application/atom+xml" href="\(text(config.baseURL + path))"/>
              <link rel="alternate" type="text/html" href="\(text(page))"/>
              <id>\(text(page))</id>
              <updated>\(updated)</updated>
              <author><name>\(text(config.author ?? config.title))</name></author>
              <generator>dossier</generator>

            """
        for entry in log.entries {
            let url = page + "#as-of-\(entry.asOf.firstDayISO)"
            xml += "  <entry>\n"
            xml += "    <title>\(text("Current to " + DateFormatting.display(entry.asOf)))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(text(url))\"/>\n"
            xml += "    <id>\(text(url))</id>\n"
            xml += "    <updated>\(timestamp(entry.asOf))</updated>\n"
            xml += "    <summary>\(text(summary(entry)))</summary>\n"
            xml += "  </entry>\n"
        }
        return Data((xml + "</feed>\n").utf8)
    }

    /// One line per kind of change, e.g. "Status changed: Niger notifies … (disputed → confirmed)."
    static func summary(_ entry: ChangeLog.Entry) -> String {
        var lines: [String] = []
        if entry.isFirst {
            lines.append(
                "First edition: " + entry.counts.map { "\($0.count) \($0.section.pluralTitle.lowercased())" }.joined(separator: ", ") + ".")
        }
        if !entry.statusChanges.isEmpty {
            lines.append(
                "Status changed: "
                    + entry.statusChanges.map { "\($0.event.title) (\($0.from.rawValue) → \($0.to.rawValue))" }.joined(separator: "; ")
                    + ".")
        }
        if !entry.standings.isEmpty {
            lines.append("Withdrawal tracker: " + entry.standings.map { "\($0.state): \($0.after)" }.joined(separator: "; ") + ".")
        }
        if !entry.eventsAdded.isEmpty { lines.append("Events added: " + entry.eventsAdded.map(\.title).joined(separator: "; ") + ".") }
        if !entry.added.isEmpty { lines.append("Pages added: " + entry.added.map(\.title).joined(separator: "; ") + ".") }
        if !entry.updated.isEmpty {
            lines.append(
                "Pages updated: " + entry.updated.map { $0.page.title + ($0.note.map { " (\($0))" } ?? "") }.joined(separator: "; ") + ".")
        }
        if !entry.removed.isEmpty { lines.append("Pages removed: " + entry.removed.map(\.title).joined(separator: "; ") + ".") }
        if lines.isEmpty { lines.append("No change to the pages or the timeline.") }
        return lines.joined(separator: " ")
    }
}

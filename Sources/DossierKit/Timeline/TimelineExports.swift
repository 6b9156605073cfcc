import Foundation

/// The timeline as data: `timeline.json` for scripts, `events.ics` for calendar apps.
public enum TimelineExports {
    struct JSONEvent: Encodable {
        var id: String
        var title: String
        var date: String
        var displayDate: String
        var precision: String
        var approximate: Bool
        var status: String
        var kind: String?
        var url: String
        var entities: [String]
        var sources: [String]
        var derivedFrom: String?
        /// The title's language, in a multilingual dossier.
        var lang: String?

        // The file's keys are snake_case, as scripts reading it expect.
        enum CodingKeys: String, CodingKey {
            case id, title, date, precision, approximate, status, kind, url, entities, sources, lang
            case displayDate = "display_date"
            case derivedFrom = "derived_from"
        }
    }

    /// A multilingual dossier's exports tag each title with its language: the edition's
    /// own (computed events' too, whose titles the build writes in the edition's words),
    /// or, for a page it has no translation of, the default language.
    public struct TitleLanguages: Sendable {
        var code: String
        /// The edition's folder and the default language; nil in the default language.
        var edition: (prefix: String, fallback: String)? = nil

        func of(_ event: TimelineEvent) -> String {
            guard let edition, let page = event.page else { return code }
            return page.path.hasPrefix(edition.prefix) ? code : edition.fallback
        }

        /// The edition's folder, where its exports are.
        var folder: String { edition?.prefix ?? "" }
    }

    public static func json(_ timeline: Timeline, baseURL: String, languages: TitleLanguages? = nil) -> Data {
        let folder = languages?.folder ?? ""
        let events = timeline.events.map { event in
            JSONEvent(
                id: event.anchor, title: event.title, date: event.date.description, displayDate: DateFormatting.display(event.date),
                precision: "\(event.date.precision)", approximate: event.date.isApproximate, status: event.status.rawValue,
                kind: event.kind, url: baseURL + (event.page?.path ?? folder + event.rowPath),
                entities: event.entities.map(\.title), sources: event.sources,
                derivedFrom: event.derivation.map { baseURL + $0.cause.path }, lang: languages?.of(event))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(["as_of": AnyEncodable(timeline.asOf?.description ?? ""), "events": AnyEncodable(events)])) ?? Data()
    }

    /// RFC 5545: all-day events spanning the days the date may stand for (a month-only
    /// date spans the month), CRLF line ends, lines folded at 75 octets.
    public static func iCalendar(_ timeline: Timeline, site: SiteConfig, languages: TitleLanguages? = nil) -> Data {
        iCalendar(timeline, site: site, languages: languages, words: .english)
    }

    static func iCalendar(_ timeline: Timeline, site: SiteConfig, languages: TitleLanguages?, words: InterfaceWords) -> Data {
        let folder = languages?.folder ?? ""
        // The same event in another language's calendar is another event to a calendar app.
        let uidSuffix = languages?.edition == nil ? "" : "-" + (languages?.code ?? "")
        let host = URLComponents(string: site.baseURL)?.host ?? "dossier"
        let stamp = (timeline.asOf?.firstDayISO ?? "2000-01-01").replacingOccurrences(of: "-", with: "") + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dossier//\(escape(site.title))//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:\(escape(site.title))",
        ]
        for event in timeline.events {
            let (y1, m1, d1) = CivilCalendar.components(ofOrdinal: event.date.firstDay)
            let (y2, m2, d2) = CivilCalendar.components(ofOrdinal: event.date.lastDay + 1)
            let status = words.word("status_" + event.status.rawValue, or: event.status.rawValue)
            var description = "\(DateFormatting.display(event.date)) (\(status))."
            if let derivation = event.derivation {
                description +=
                    " "
                    + words.phrase(
                        "calendar_computed", or: "Computed: {period} after {cause}, under {article}.",
                        [
                            "period": words.period(derivation.period), "cause": derivation.cause.title,
                            "article": words.article(derivation.article),
                        ])
            }
            if let note = event.dateNote { description += " " + words.word("date_note", or: "Date:") + " \(note)" }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(event.anchor)\(uidSuffix)@\(host)",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(pad4(y1))\(pad2(m1))\(pad2(d1))",
                "DTEND;VALUE=DATE:\(pad4(y2))\(pad2(m2))\(pad2(d2))",
                "SUMMARY\(languages.map { ";LANGUAGE=" + $0.of(event) } ?? ""):\(escape(event.title))",
                "DESCRIPTION:\(escape(description))",
                "STATUS:\(event.status == .confirmed ? "CONFIRMED" : "TENTATIVE")",
                "URL:\(site.baseURL)\(event.page?.path ?? folder + event.rowPath)",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return Data(lines.map(fold).joined(separator: "\r\n").appending("\r\n").utf8)
    }

    /// Text values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11).
    /// On bytes, all four in one pass (four of Foundation's replacements per value were
    /// half the time of the calendar, the slowest file written after the pages).
    static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") || $0 == 0x0A }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte == 0x0A ? UInt8(ascii: "n") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Folds a content line into chunks of at most 75 octets, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var octets = 0
        var limit = 75
        for character in line {
            let width = character.utf8.count
            if octets + width > limit {
                result += "\r\n "
                octets = 0
                limit = 74  // the leading space of a continuation counts
            }
            result.append(character)
            octets += width
        }
        return result
    }
}

/// Lets the JSON export mix a string and a list in its top-level object.
struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}

extension AnyEncodable: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self.init(value) }
}

import Foundation

/// The words `timeline.js` writes on a drawing (its buttons, filters and axis months), in
/// each language of the site, as one script: `assets/timeline-words.<hash>.js`, which
/// pages load before `timeline.js`. They were each drawing's `data-words` attribute, the
/// same kilobyte on every entity and event page: 7.6 MB of a 10,000-page dossier.
enum TimelineScriptWords {
    /// The script's name among the assets; the build makes it (see `SiteAssets.adding`).
    static let assetName = "timeline-words.js"

    /// The words of one language, in the language `DateFormatting.language` is set to.
    static func values(_ words: InterfaceWords) -> [String: Any] {
        var values: [String: Any] = [
            "view": words.word("timeline_view", or: "Timeline view"),
            "zoom_out": words.word("zoom_out", or: "Zoom out"), "zoom_in": words.word("zoom_in", or: "Zoom in"),
            "earlier": words.word("timeline_move_earlier", or: "Move earlier"),
            "later": words.word("timeline_move_later", or: "Move later"),
            "focus": words.word("timeline_focus", or: "Focus"), "focus_view": words.word("timeline_focus_view", or: "Focus view"),
            "whole": words.word("timeline_whole_history", or: "Whole history"), "filter": words.word("timeline_filter", or: "Filter"),
            "lanes": words.word("timeline_lanes", or: "Lanes"), "status": words.word("status", or: "Status"),
            "showing": words.word("timeline_showing", or: "Showing {from} to {to}"),
            "showing_focus": words.word("timeline_showing_focus", or: "Showing the focus, with earlier history compressed"),
            "months": (1...12).map(DateFormatting.shortMonth),
        ]
        for status in EventStatus.allCases {
            values["status_" + status.rawValue] = words.word("status_" + status.rawValue, or: status.rawValue)
        }
        return values
    }

    /// One language's words as JSON, for a figure's `data-words` (templates written before
    /// the script still use it).
    static func json(_ words: InterfaceWords) -> String { ScriptJSON.encode(values(words)) }

    /// The script: every language's words by its code, which `timeline.js` picks by the
    /// page's `lang`.
    static func script(strings: InterfaceStrings, languages: [String]) -> Data {
        var byLanguage: [String: Any] = [:]
        for code in languages {
            byLanguage[code] = DateFormatting.$language.withValue(code) {
                values(InterfaceWords(table: strings.byLanguage[code] ?? [:]))
            }
        }
        return Data(
            ("// Made by `dossier build` from Templates/i18n/: the words timeline.js writes, by language.\n"
                + "window.dossierTimelineWords = \(ScriptJSON.encode(byLanguage));\n").utf8)
    }
}

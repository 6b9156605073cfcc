/// The index pages that list pages by something other than their section: every event by
/// year, and briefings by tag. They use the `list` layout.
extension PageContext {
    /// `events/`: every recorded event, by year, in timeline order.
    func eventList() -> [String: Any] {
        var years: [(year: Int, items: [[String: Any]])] = []
        for event in timeline.events {
            guard let page = event.page else { continue }  // derived events live on the timeline only
            if event.date.start.year != years.last?.year { years.append((event.date.start.year, [])) }
            let summary = "\(DateFormatting.display(event.date)) · \(word("status_" + event.status.rawValue, or: event.status.rawValue))"
            years[years.count - 1].items.append(linkItem(event.title, page.path, ["summary": summary, "changed": changed(page.path)]))
        }
        return [
            "groups": years.map {
                [
                    "title": String($0.year),
                    "url": timeline.byYear ? url(Timeline.yearPath($0.year)) : url("timeline/") + "#year-\($0.year)", "items": $0.items,
                ] as [String: Any]
            },
            "intro": word(
                "events_intro", or: "Every recorded event of the dossier, by year. The timeline adds the dates that follow from treaty law."
            ),
        ]
    }

    /// `tags/`: every tag, each with its briefings.
    func tagList() -> [String: Any] {
        [
            "groups": BriefingTags(site.catalog.briefings).tags.map { tag in
                // Titles only: a briefing is listed under each of its tags, and its summary on each tag's page.
                let items = tag.briefings.map {
                    linkItem($0.header.title.value, $0.header.path, ["summary": false, "changed": changed($0.header.path)])
                }
                return ["title": tag.name, "url": url(tag.path), "items": items] as [String: Any]
            },
            "intro": word("tags_intro", or: "The tags of the dossier’s briefings."),
        ]
    }

    /// `tags/<slug>/`: the briefings with one tag.
    func tagPage(_ tag: BriefingTags.Tag) -> [String: Any] {
        [
            "groups": [["title": "Briefings", "url": url("briefings/"), "items": tag.briefings.map(briefingItem)] as [String: Any]],
            "intro": false,
        ]
    }

    /// A briefing's tags as links to their pages.
    func tagLinks(_ tags: [String]) -> [[String: Any]] {
        tags.map { ["title": $0, "url": url(BriefingTags.path(of: $0))] as [String: Any] }
    }

    private func briefingItem(_ briefing: Briefing) -> [String: Any] {
        linkItem(
            briefing.header.title.value, briefing.header.path,
            ["summary": briefing.header.summary ?? "", "changed": changed(briefing.header.path)])
    }
}

/// Briefings grouped by their `tags`. Tags whose slugs are the same (`ICC`, `icc`) are one
/// tag, named as first written.
struct BriefingTags: Sendable {
    struct Tag: Sendable {
        var name: String
        var path: String
        var briefings: [Briefing]
    }

    /// In the order of their names, each tag's briefings in the order of their titles.
    let tags: [Tag]

    init(_ briefings: [Briefing]) {
        var byPath: [String: Tag] = [:]
        for briefing in briefings.sorted(byKey: { sortKey($0.header.title.value) }, <) {
            for name in briefing.tags where !Slug.make(name).isEmpty {
                let path = Self.path(of: name)
                if byPath[path]?.briefings.contains(where: { $0.header.path == briefing.header.path }) == true { continue }
                byPath[path, default: Tag(name: name, path: path, briefings: [])].briefings.append(briefing)
            }
        }
        tags = Array(byPath.values).sorted(byKey: { (sortKey($0.name), $0.path) }, <)
    }

    static func path(of tag: String) -> String { "tags/\(Slug.make(tag))/" }
}

/// What the print edition's cover and each of its volumes say of every volume: its title
/// ("Volume 3: Briefings 41–60 of 800") and contents. Made from titles and dates alone, so
/// that a page names the other volumes without making their text.
struct PrintOutline {
    private let plan: PrintVolumes
    private let context: PageContext

    init(_ plan: PrintVolumes, context: PageContext) {
        self.plan = plan
        self.context = context
    }

    func title(_ volume: PrintVolumes.Volume) -> String {
        let word = context.word
        let (of, to) = (word("volume_of", "of"), word("range_to", "to"))
        let (first, last) = (volume.items.lowerBound, volume.items.upperBound)
        let number = context.number
        let range: String =
            switch volume.part {
            case .briefings where volume.items.count == 1:
                "\(word("briefing", "Briefing")) \(number(last)) \(of) \(number(plan.briefingOrder.count))"
            case .briefings:
                "\(word("nav_briefings", "Briefings")) \(number(first + 1))–\(number(last)) \(of) \(number(plan.briefingOrder.count))"
            case .timeline:
                "\(word("nav_timeline", "Timeline")), \(eventDate(first)) \(to) \(eventDate(last - 1))"
            case .entities:
                "\(word("nav_entities", "Entities")), \(entity(first)?.header.title.value ?? "") \(to) \(entity(last - 1)?.header.title.value ?? "")"
            case .bibliography where volume.items.count == 1:
                "\(word("bibliography", "Bibliography")), \(word("source_lower", "source")) \(number(last)) \(of) \(number(plan.sourceOrder.count))"
            case .bibliography:
                "\(word("bibliography", "Bibliography")), \(word("sources_lower", "sources")) \(number(first + 1))–\(number(last)) \(of) \(number(plan.sourceOrder.count))"
            }
        return "\(word("volume", "Volume")) \(volume.number)\(word("colon", ":")) \(range)"
    }

    /// The briefings or entities in `volume`, each with its title and its anchor, linked
    /// from `file` (the volume's file, or "" on the volume itself).
    func contents(_ volume: PrintVolumes.Volume, from file: String) -> [[String: Any]] {
        let entries: [(title: String, anchor: String)] =
            switch volume.part {
            case .briefings:
                volume.items.compactMap { item in
                    plan.briefingOrder.indices.contains(item) ? context.site.catalog.briefings[plan.briefingOrder[item]] : nil
                }.map { ($0.header.title.value, "briefing-\($0.header.slug)") }
            case .entities: volume.items.compactMap(entity).map { ($0.header.title.value, "entity-\($0.header.slug)") }
            case .timeline, .bibliography: []
            }
        return entries.map { ["title": $0.title, "anchor": $0.anchor, "href": "\(file)#\($0.anchor)"] }
    }

    private func entity(_ item: Int) -> Entity? {
        plan.entityOrder.indices.contains(item) ? context.site.catalog.entities[plan.entityOrder[item]] : nil
    }

    private func eventDate(_ row: Int) -> String {
        context.timeline.events.indices.contains(row) ? DateFormatting.display(context.timeline.events[row].date) : ""
    }
}

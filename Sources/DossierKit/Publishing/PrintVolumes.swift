import Foundation

/// A print edition too long for one page, in volumes: `print/` keeps the cover, the
/// contents of every volume and the tracker; each volume (`print/volume-<n>.html`) holds a
/// run of one part (briefings, timeline rows, entities or bibliography entries) with its own
/// contents. The plan is made from the Markdown before anything renders, so that every
/// volume knows where each bibliography number is.
///
/// Sources are numbered by title here, not in the order of first citation as on one page:
/// then each volume is made without the others, and a briefing edited in `serve`, even
/// with a new citation, changes its own volume and no other.
struct PrintVolumes: Sendable {
    enum Part: String, Sendable { case briefings, timeline, entities, bibliography }

    struct Volume: Sendable, Equatable {
        var number: Int
        var part: Part
        /// Indexes into the part's items, in reading order.
        var items: Range<Int>
        var file: String { "volume-\(number).html" }
        var path: String { PrintEdition.path + file }
    }

    /// Empty: the edition is one page.
    var volumes: [Volume]
    /// The briefings' site paths in reading order, which the briefing volumes' items index.
    var briefingPaths: [String] = []
    /// The reading order of the catalog's briefings and entities, as indexes into its lists.
    var briefingOrder: [Int] = []
    var entityOrder: [Int] = []
    /// Source ids in the order of their numbers (by title), which the bibliography's items
    /// index, and the same as places in the catalog's list.
    var sourceOrder: [String] = []
    var sourceIndexes: [Int] = []
    /// The estimated size of the whole edition in bytes, and the volume size it was planned for.
    var estimatedBytes: Int
    var limit: Int
    var sourcesPerVolume: Int
    /// The timeline's overview draws the focus years, at most this many events (as the timeline page does).
    var overviewEvents = PageLimits().timelineEvents

    var isSplit: Bool { !volumes.isEmpty }

    /// The size the volumes' rule states: whole megabytes past one, else whole kilobytes.
    var sizeShown: (count: Int, megabytes: Bool) {
        estimatedBytes >= 1_000_000 ? (estimatedBytes / 1_000_000, true) : (estimatedBytes / 1000, false)
    }

    /// Whether every volume of `other` holds what the same volume of this plan holds, and
    /// says the same of the whole: then an edit of briefings changes only their volumes.
    func sameLayout(as other: PrintVolumes?) -> Bool {
        guard let other else { return false }
        return volumes == other.volumes && briefingPaths == other.briefingPaths && sourceOrder == other.sourceOrder
            && entityOrder == other.entityOrder
            && sizeShown == other.sizeShown && limit == other.limit && overviewEvents == other.overviewEvents
    }

    /// The volumes that hold one of the briefings at `paths`.
    func volumes(holding paths: Set<String>) -> [Volume] {
        volumes.filter { volume in volume.part == .briefings && volume.items.contains { paths.contains(briefingPaths[$0]) } }
    }

    /// Where the bibliography entry `number` is, seen from another volume.
    func bibliographyHref(_ number: Int) -> String {
        guard let first = volumes.first(where: { $0.part == .bibliography }) else { return "#ref-\(number)" }
        return "volume-\(first.number + (number - 1) / sourcesPerVolume).html#ref-\(number)"
    }

    /// Sizes are estimated from the Markdown: HTML of a body is about two and a half times
    /// its Markdown, and each row or entry carries a few hundred bytes of markup.
    /// Each `…Order` lists places in its array in reading order (sources: in the order of
    /// their numbers); the pages are read where they are, not copied into new arrays,
    /// which cost more than the estimate at 10,000 pages.
    /// `bodyBytes`: the size of a body's HTML, known once linking rendered it ahead.
    static func plan(
        briefings: [Briefing], briefingOrder: [Int], events: [TimelineEvent], entities: [Entity], entityOrder: [Int],
        sources: [Source], sourceOrder: [Int], limit: Int, bodyBytes: (MarkdownText) -> Int
    ) -> PrintVolumes {
        func bytes(_ text: String) -> Int { text.utf8.count }
        func briefingSize(_ briefing: Briefing) -> Int {
            800 + bodyBytes(briefing.header.body) + 5 * briefing.keyPoints.reduce(0) { $0 + bytes($1.value) } / 2
        }
        func entitySize(_ entity: Entity) -> Int {
            400 + 4 * bytes(entity.header.summary ?? "") / 3 + 2 * entity.facts.reduce(0) { $0 + bytes($1.label) + bytes($1.value.value) }
        }
        func sourceSize(_ source: Source) -> Int {
            let links = bytes(source.url ?? "") + bytes(source.archiveURL ?? "")
            return 400 + bytes(source.header.title.value) + bytes(source.publisher) + 2 * links
        }
        let parts: [(Part, [Int])] = [
            (.briefings, briefingOrder.map { briefingSize(briefings[$0]) }),
            (.timeline, events.map { 500 + bytes($0.title) + 200 * $0.sources.count }),
            (.entities, entityOrder.map { entitySize(entities[$0]) }),
        ]
        let sourceSizes = sourceOrder.map { sourceSize(sources[$0]) }
        let total = parts.reduce(0) { $0 + $1.1.reduce(0, +) } + sourceSizes.reduce(0, +)
        let perSource = sourceSizes.isEmpty ? 1 : max(1, limit / max(1, sourceSizes.max()!))
        guard total > limit else { return PrintVolumes(volumes: [], estimatedBytes: total, limit: limit, sourcesPerVolume: perSource) }
        let briefingPaths = briefingOrder.map { briefings[$0].header.path }, sourceIDs = sourceOrder.map { sources[$0].id }
        var volumes: [Volume] = []
        for (part, sizes) in parts {
            var start = 0, filled = 0
            for (index, size) in sizes.enumerated() {
                if filled + size > limit, index > start {
                    volumes.append(Volume(number: volumes.count + 1, part: part, items: start..<index))
                    (start, filled) = (index, 0)
                }
                filled += size
            }
            if start < sizes.count { volumes.append(Volume(number: volumes.count + 1, part: part, items: start..<sizes.count)) }
        }
        for start in stride(from: 0, to: sourceOrder.count, by: perSource) {
            volumes.append(Volume(number: volumes.count + 1, part: .bibliography, items: start..<min(sourceOrder.count, start + perSource)))
        }
        return PrintVolumes(
            volumes: volumes, briefingPaths: briefingPaths, briefingOrder: briefingOrder, entityOrder: entityOrder,
            sourceOrder: sourceIDs, sourceIndexes: sourceOrder, estimatedBytes: total, limit: limit, sourcesPerVolume: perSource)
    }
}

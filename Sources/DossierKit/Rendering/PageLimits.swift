/// Past what size the site-wide pages draw less or split into pages of their own, so that
/// no page of a large dossier outgrows what a reader can load and use (about a megabyte at
/// 10,000 pages). Below them, as in a dossier of a few hundred pages, nothing changes.
public struct PageLimits: Sendable, Equatable {
    /// The graph page draws at most this many entities: those with the most relations.
    public var graphEntities = 60
    /// Past this many events, the timeline page draws the focus years and lists the years,
    /// each year's events on a page of their own (`timeline/<year>/`).
    public var timelineEvents = 1_000
    /// Past about this many bytes (estimated from the Markdown before rendering), the print
    /// edition is in volumes (`print/volume-<n>.html`) of about this size each.
    public var printVolumeBytes = 600_000

    public init() {}
}

/// The kinds of page a dossier publishes; each has its folder in `Content/`.
public enum Section: String, Sendable, CaseIterable, Comparable {
    case home, briefing, entity, event, source

    /// Sections sort in the order they are declared; backlink lists compare this for
    /// every pair of pages, so it is a switch, not a search of `allCases`.
    private var rank: Int {
        switch self {
        case .home: 0
        case .briefing: 1
        case .entity: 2
        case .event: 3
        case .source: 4
        }
    }

    public static func < (a: Section, b: Section) -> Bool { a.rank < b.rank }

    /// Heading used where pages of this section are grouped (backlinks, search).
    public var pluralTitle: String {
        switch self {
        case .home: "Home"
        case .briefing: "Briefings"
        case .entity: "Entities"
        case .event: "Events"
        case .source: "Sources"
        }
    }
}

/// Markdown text and the line of its file it starts on.
public struct MarkdownText: Sendable, Equatable {
    public var text: String
    public var firstLine: Int
    public var file: String
    /// Column of the file where the text's first line starts (front matter values).
    public var firstColumn: Int = 1
}

/// What every page has, whatever its section.
public struct PageHeader: Sendable {
    public var file: String
    public var section: Section
    public var slug: String
    /// Site path of the page, e.g. `entities/countries/mali/` (home is "").
    public var path: String
    public var title: Located<String>
    public var summary: String?
    public var body: MarkdownText
    public var draft: Bool
    /// `updated:`, the day the page last changed, which wins over what git says.
    public var updated: DossierDate? = nil
    /// `change_note:`, one line for the change log about the page's last change.
    public var changeNote: String? = nil
    /// On a translated page: the original's title, which still names the page in links.
    public var originalTitle: String? = nil
}

public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var description: String
    public var author: String?
    public var asOf: DossierDate?
    /// The period the timeline opens on (`focus: 2024-09/2027-12`); nil: about two years
    /// before `as_of` to the last projected event.
    public var focus: DossierDate? = nil
    public var allowRawHTML: Bool
    public var portable: Bool
    /// The languages the dossier is published in, the default first (`languages:`).
    public var languages: [LanguageConfig] = []

    public init(
        title: String, baseURL: String = "https://example.org/", language: String = "en", description: String = "",
        author: String? = nil, asOf: DossierDate? = nil, allowRawHTML: Bool = false, portable: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.description = description
        self.author = author
        self.asOf = asOf
        self.allowRawHTML = allowRawHTML
        self.portable = portable
    }
}

public struct Briefing: Sendable {
    public var header: PageHeader
    public var date: DossierDate?
    public var updated: DossierDate?
    public var order: Int?
    public var keyPoints: [Located<String>]
    public var tags: [String]
}

public enum EntityKind: String, Sendable, CaseIterable {
    case country, person, organization, treaty, court
    case armedGroup = "armed-group"

    public var title: String {
        switch self {
        case .country: "Country"
        case .person: "Person"
        case .organization: "Organization"
        case .treaty: "Treaty"
        case .court: "Court"
        case .armedGroup: "Armed group"
        }
    }

    public var pluralTitle: String {
        switch self {
        case .country: "Countries"
        case .person: "People"
        case .organization: "Organizations"
        case .treaty: "Treaties"
        case .court: "Courts"
        case .armedGroup: "Armed groups"
        }
    }

    /// Folder name under `entities/`, also used for the kind's index page.
    public var folder: String {
        switch self {
        case .country: "countries"
        case .person: "people"
        case .organization: "organizations"
        case .treaty: "treaties"
        case .court: "courts"
        case .armedGroup: "armed-groups"
        }
    }
}

public struct Fact: Sendable {
    public var label: String
    /// Inline Markdown; may hold wiki links and citations.
    public var value: Located<String>
}

public struct RelationDeclaration: Sendable {
    public var type: Located<String>
    public var target: Located<String>
    public var from: DossierDate?
    public var to: DossierDate?
    public var sources: [Located<String>]
}

/// A treaty's rule for when a withdrawal takes effect (Rome Statute art. 127(1)).
public struct WithdrawalRule: Sendable {
    public var article: String
    public var period: Period
    public var sources: [Located<String>]
    public var location: SourceLocation
}

public struct Entity: Sendable {
    public var header: PageHeader
    public var kind: EntityKind
    public var aliases: [Located<String>]
    public var facts: [Fact]
    public var relations: [RelationDeclaration]
    public var withdrawalRule: WithdrawalRule?
    /// The id of the entity's shape in the content's GeoJSON (`geo: MLI`).
    public var geo: Located<String>? = nil
    /// Where a place, city or court is (`location: [lat, lon]`).
    public var location: Located<GeoPoint>? = nil
}

public enum EventStatus: String, Sendable, CaseIterable {
    case confirmed, reported, projected, disputed, unconfirmed

    /// How much doubt the status carries; a derived event takes its cause's doubt.
    var doubt: Int {
        switch self {
        case .confirmed: 0
        case .reported: 1
        case .projected: 1
        case .unconfirmed: 2
        case .disputed: 3
        }
    }
}

public struct Event: Sendable {
    public var header: PageHeader
    public var date: Located<DossierDate>
    public var status: EventStatus
    /// As written in front matter; shown on the page.
    public var kind: String?
    public var entities: [Located<String>]
    public var treaty: Located<String>?
    public var sources: [Located<String>]
    public var dateNote: String?

    /// `kind` as one of the known kinds; nil when it is absent or unknown (a warning).
    public var knownKind: EventKind? { kind.flatMap(EventKind.init(rawValue:)) }
}

public enum SourceKind: String, Sendable, CaseIterable {
    case primaryText = "primary-text"
    case officialStatement = "official-statement"
    case newsReport = "news-report"
    case analysis
    case aggregatorCopy = "aggregator-copy"
    case reference

    public var title: String {
        switch self {
        case .primaryText: "Primary text"
        case .officialStatement: "Official statement"
        case .newsReport: "News report"
        case .analysis: "Analysis"
        case .aggregatorCopy: "Aggregator copy"
        case .reference: "Reference work"
        }
    }

    public var pluralTitle: String {
        switch self {
        case .primaryText: "Primary texts"
        case .officialStatement: "Official statements"
        case .newsReport: "News reports"
        case .analysis: "Analyses"
        case .aggregatorCopy: "Aggregator copies"
        case .reference: "Reference works"
        }
    }
}

public struct Source: Sendable {
    public var header: PageHeader
    public var id: String { header.slug }
    public var publisher: String
    public var date: DossierDate?
    public var url: String?
    /// Where `url` is written, so `check --external` can point at it.
    public var urlLocation: SourceLocation?
    public var kind: SourceKind
    public var language: String?
    public var note: String?
    /// The day the source was last read.
    public var accessed: DossierDate?
    /// A copy in a web archive, for when `url` stops answering.
    public var archiveURL: String?
    public var archiveURLLocation: SourceLocation?
    /// The original at `url` no longer answers; pages then link the archived copy first.
    public var originalGone: Bool = false
    public var reliability: SourceReliability?
}

/// Everything `load` read: the input of the link stage.
public struct Catalog: Sendable {
    public var site: SiteConfig
    public var home: PageHeader?
    public var briefings: [Briefing] = []
    public var entities: [Entity] = []
    public var events: [Event] = []
    public var sources: [Source] = []
    /// Pages marked `draft: true` and left out, so a link to one can say why it fails.
    public var drafts: [PageHeader] = []
    /// Names (slug, title) and source ids of files that failed to load, so that when the
    /// build goes on to report the bodies' errors, links to them are not errors too.
    var unreadable: UnreadablePages = .init()
    /// The images beside the pages, and the GeoJSON maps are drawn from.
    public var images = ContentImages()
    public var geo = GeoData()
    /// Page path → when the page last changed (front matter `updated:`, else git).
    public var lastChanged: [String: LastChanged] = [:]
    /// The content folder's git history; nil when it is not in a git checkout.
    public var gitHistory: GitHistory?
    /// Translations of pages into the site's other languages (`mali.fr.md`).
    public var translations: [Translation] = []
    /// Hash of the text of each original that has a translation, by its path in the
    /// content folder: what a translation's `translation_of` is compared with.
    public var originalHashes: [String: String] = [:]

    public init(site: SiteConfig) { self.site = site }

    public var pageCount: Int { (home == nil ? 0 : 1) + briefings.count + entities.count + events.count }
}

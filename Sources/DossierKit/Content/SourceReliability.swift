/// How far a source can be trusted on its own, as the content guide defines it
/// (`Content/README.md`): what a reader weighs before relying on a fact it carries.
public enum SourceReliability: String, Sendable, CaseIterable {
    /// The text itself, from whoever made it: a treaty, a court's or a government's own page.
    case primary
    /// A news agency's report (AFP, Reuters, AP, Xinhua, Lusa), wherever it was read.
    case wire
    /// A newspaper, broadcaster or news site with its own editorial staff.
    case nationalPress = "national-press"
    /// A copy or rewrite of someone else's text on a site that adds nothing of its own.
    case aggregatorCopy = "aggregator-copy"
    /// An outlet run by or for a party to the story (a state's foreign-audience media,
    /// a campaign): usable for what that side says, not alone for what happened.
    case partisanOutlet = "partisan-outlet"

    public var title: String {
        switch self {
        case .primary: "Primary"
        case .wire: "Wire"
        case .nationalPress: "National press"
        case .aggregatorCopy: "Aggregator copy"
        case .partisanOutlet: "Partisan outlet"
        }
    }
}

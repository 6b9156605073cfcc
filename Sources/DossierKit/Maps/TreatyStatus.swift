/// Where a state stands with a treaty that has a withdrawal rule (the Rome Statute), as
/// the dossier's relations say: the map colours and hatches states by it.
enum TreatyStatus: String, CaseIterable, Comparable {
    /// `withdrew-from`, dated on or before the dossier's date.
    case withdrawn
    /// `withdrew-from`, dated after it: notified, not yet in effect.
    case notified
    /// `announced-withdrawal-from`, with no withdrawal recorded.
    case announced
    /// `party-to`, and none of the above.
    case member

    var label: String {
        switch self {
        case .withdrawn: "Withdrawal in effect"
        case .notified: "Withdrawal notified, not yet in effect"
        case .announced: "Withdrawal announced, no notice in effect"
        case .member: "State Party"
        }
    }

    /// The label in the page's words (`map_status_<case>`).
    func label(_ words: InterfaceWords) -> String { words.word("map_status_" + rawValue, or: label) }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    static func < (a: TreatyStatus, b: TreatyStatus) -> Bool { a.rank < b.rank }

    /// The entity's status with `treaty`, if its relations give one. `asOf` is the
    /// dossier's date (day number); without one, a dated withdrawal counts as in effect.
    static func of(_ entityPath: String, treaty: String, in site: LinkedSite, asOf: Int?) -> TreatyStatus? {
        let relations = (site.relationsByEntity[entityPath] ?? []).filter { $0.subject.path == entityPath && $0.object.path == treaty }
        if let withdrawal = relations.first(where: { $0.type == .withdrewFrom }) {
            if let from = withdrawal.from, let asOf, from.firstDay > asOf { return .notified }
            return .withdrawn
        }
        if relations.contains(where: { $0.type == .announcedWithdrawalFrom }) { return .announced }
        if relations.contains(where: { $0.type == .partyTo }) { return .member }
        return nil
    }

    /// The treaty the map speaks of: the one with a withdrawal rule that the drawn states
    /// have relations with (the first by title if several).
    static func treaty(for entities: [String], in site: LinkedSite) -> Entity? {
        site.catalog.entities.filter { $0.withdrawalRule != nil }
            .sorted { $0.header.title.value < $1.header.title.value }
            .first { treaty in
                entities.contains { path in (site.relationsByEntity[path] ?? []).contains { $0.object.path == treaty.header.path } }
            }
    }
}

/// The withdrawal tracker's values, for `partials/tracker.mustache` (the home page shows
/// it; any layout may, since the values are made here and not by the home page).
extension PageContext {
    func trackerValues() -> [String: Any] {
        let site = self.site
        let cases = WithdrawalTracker.cases(timeline) { site.entitiesByPath[$0.path]?.kind == .country }
        // Cases begun within the focus of the timeline are current; the rest are precedents.
        let recent = TimelineFocus.defaultStart(asOf: timeline.asOf, events: timeline.events)
        let rows = cases.map { ($0.firstDay >= recent, caseValues($0)) }
        let current = rows.filter(\.0).map(\.1), earlier = rows.filter { !$0.0 }.map(\.1)
        return [
            "current": current, "earlier": earlier, "earlier_count": earlier.count,
            "as_of": timeline.asOf.map(DateFormatting.display) ?? false,
            "any": !cases.isEmpty,
        ]
    }

    private func caseValues(_ withdrawal: WithdrawalCase) -> [String: Any] {
        func step(_ label: String, _ event: TimelineEvent?, missing: String, note: String? = nil) -> [String: Any] {
            guard let event else { return ["label": label, "found": false, "missing": missing] }
            var values = eventValues(event)
            values["label"] = label
            values["found"] = true
            values["step_note"] = note ?? false
            return values
        }
        let words = interfaceWords
        let takesEffect = word("tracker_takes_effect", or: "Takes effect")
        let effect: [String: Any]
        switch withdrawal.outcome {
        case .notNotified:
            effect = step(takesEffect, nil, missing: word("tracker_not_computed", or: "cannot be computed: no notification found"))
        case .computed(let event):
            let rule = event.derivation.map {
                phrase(
                    "tracker_computed", or: "computed: {article}, {period} after the notification",
                    ["article": words.article($0.article), "period": words.period($0.period)])
            }
            effect = step(takesEffect, event, missing: "", note: rule)
        case .recorded(let event):
            effect = step(word("tracker_took_effect", or: "Took effect"), event, missing: "")
        case .rescinded(let event):
            effect = step(
                word("tracker_rescinded", or: "Rescinded"), event, missing: "",
                note: word("tracker_rescinded_note", or: "the notification was withdrawn; it does not take effect"))
        }
        let standing = withdrawal.standingKey(asOf: timeline.asOf)
        let none = word("tracker_none_found", or: "none found")
        return [
            "state": link(withdrawal.state),
            "treaty": link(withdrawal.treaty),
            "standing": word(standing.key, or: standing.english),
            "steps": [
                step(word("tracker_announced", or: "Announced"), withdrawal.announced?.event, missing: none),
                step(word("tracker_notified", or: "Notified"), withdrawal.notified?.event, missing: none),
                effect,
            ],
        ]
    }
}

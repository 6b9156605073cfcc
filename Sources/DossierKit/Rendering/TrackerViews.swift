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
        let effect: [String: Any]
        switch withdrawal.outcome {
        case .notNotified:
            effect = step("Takes effect", nil, missing: "cannot be computed: no notification found")
        case .computed(let event):
            let rule = event.derivation.map { "computed: \($0.article), \($0.period) after the notification" }
            effect = step("Takes effect", event, missing: "", note: rule)
        case .recorded(let event):
            effect = step("Took effect", event, missing: "")
        case .rescinded(let event):
            effect = step("Rescinded", event, missing: "", note: "the notification was withdrawn; it does not take effect")
        }
        return [
            "state": link(withdrawal.state),
            "treaty": link(withdrawal.treaty),
            "standing": withdrawal.standing(asOf: timeline.asOf),
            "steps": [
                step("Announced", withdrawal.announced?.event, missing: "none found"),
                step("Notified", withdrawal.notified?.event, missing: "none found"),
                effect,
            ],
        ]
    }
}

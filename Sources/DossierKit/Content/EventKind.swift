/// The kinds an event's `kind:` may name. The timeline derives treaty deadlines from the
/// withdrawal kinds, so a misspelt kind would silently drop a deadline: a kind outside
/// this set is a warning with a "did you mean". Content keeps the strings as written.
public enum EventKind: String, Sendable, CaseIterable {
    // What the timeline computes from.
    case withdrawalAnnouncement = "withdrawal-announcement"
    case withdrawalNotification = "withdrawal-notification"
    case withdrawalRescission = "withdrawal-rescission"
    case withdrawalEffective = "withdrawal-effective"
    // Shown as written, grouped by nothing more than their name.
    case withdrawal
    case withdrawalInstrument = "withdrawal-instrument"
    case adoption, agreement, announcement, appeal, appointment, arrest
    case atrocityAllegation = "atrocity-allegation"
    case charter, court, coup, deadline, deployment, election
    case entryIntoForce = "entry-into-force"
    case inauguration, investigation
    case ministerialMeeting = "ministerial-meeting"
    case noteVerbale = "note-verbale"
    case notification, ratification, reaction, referendum, referral, reparations, revocation
    case ruling, sanctions, sentence, signature, statement
    case statusCheck = "status-check"
    case summit, treaty, verdict, warrant
}

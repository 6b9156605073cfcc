/// Dates as a French page writes them: "22 septembre 2025", "1er juin 2026",
/// "15–17 septembre 2025", "vers 2025". Month names take no capital in French.
public enum FrenchDates {
    public static func display(_ date: DossierDate) -> String { DateWords.french.display(date) }
}

extension DateWords {
    static let french = DateWords(
        monthNames: [
            "janvier", "février", "mars", "avril", "mai", "juin",
            "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        ],
        // The first of the month is an ordinal in French: "1er juin".
        day: { $0 == 1 ? "1er" : "\($0)" },
        // "vers le 26 septembre 2025", but "vers septembre 2025" and "vers 2025".
        approximately: { $0 == .day ? "vers le " : "vers " })
}

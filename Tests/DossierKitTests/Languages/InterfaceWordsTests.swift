import Foundation
import Testing

@testable import DossierKit

/// Words made in Swift: a rule's period and article in a sentence, and the spelled
/// numbers of the timeline's rule label, in English without a table and in French with one.
@Suite struct InterfaceWordsTests {
    static let french = InterfaceWords(table: [
        "period_year": "un an", "period_years": "{count} ans", "period_month": "un mois", "period_months": "{count} mois",
        "spelled_numbers": "un deux trois quatre cinq six sept huit neuf dix onze douze", "article_named": "l’article",
    ])

    @Test func englishKeepsTheWordsItAlwaysHad() {
        let english = InterfaceWords.english
        #expect(english.period(Period(years: 1)) == "1 year")
        #expect(english.period(Period(years: 1, months: 6)) == "1 year 6 months")
        #expect(english.period(Period(years: 1)) == Period(years: 1).description)
        #expect(english.spelled(english.period(Period(years: 1))) == "one year")
        #expect(english.spelled(english.period(Period(months: 18))) == "18 months")
        #expect(english.article("Article 127(1)") == "Article 127(1)")
    }

    @Test func rawValuesBecomeKeysWithUnderscores() {
        #expect(InterfaceWords.key("news-report") == "news_report")
        #expect(InterfaceWords.key("armed-group") == "armed_group")
        #expect(InterfaceWords.key("a-b-c") == "a_b_c")
        #expect(InterfaceWords.key("country") == "country")
        #expect(InterfaceWords.key("") == "")
        // The same keys as Foundation's replacing made, for every raw value that is a key.
        let raws = SourceKind.allCases.map(\.rawValue) + EntityKind.allCases.map(\.rawValue) + ["é-è", "a--b"]
        for raw in raws { #expect(InterfaceWords.key(raw) == raw.replacingOccurrences(of: "-", with: "_"), "\(raw)") }
    }

    @Test func frenchSaysUnAnAndNamesTheArticleInASentence() {
        #expect(Self.french.period(Period(years: 1)) == "un an")
        #expect(Self.french.period(Period(years: 2, months: 1)) == "2 ans un mois")
        #expect(Self.french.spelled(Self.french.period(Period(years: 2))) == "deux ans")
        #expect(Self.french.article("Article 127(1)") == "l’article 127(1)")
        // An article written otherwise is left as it is.
        #expect(Self.french.article("Art. 58") == "Art. 58")
        #expect(Self.french.phrase("missing", or: "{a} and {b}", ["a": "x", "b": "y"]) == "x and y")
    }
}

/// Which page of each language stands for which: the language switcher and the
/// `hreflang` alternates of every page.
struct LanguageLinks: Sendable {
    let languages: [LanguageConfig]
    let baseURL: String
    /// Language code → original's path → path of its translation.
    var translations: [String: [String: String]] = [:]
    /// Language code → edition path → original's path.
    var originals: [String: [String: String]] = [:]

    init(languages: [LanguageConfig], baseURL: String, editions: [LanguageEdition]) {
        self.languages = languages
        self.baseURL = baseURL
        for edition in editions {
            originals[edition.language.code] = edition.originalPaths
            translations[edition.language.code] = Dictionary(uniqueKeysWithValues: edition.originalPaths.map { ($0.value, $0.key) })
        }
    }

    /// The page standing for `original` in `language`, if the language has one.
    func path(of original: String, in language: String) -> String? {
        language == languages.first?.code ? original : translations[language]?[original]
    }

    /// `alternates` (`hreflang`, `url`) and `language_links` (`code`, `name`, `url`,
    /// `translated`) of the page at `path` in `language`.
    func values(path: String, language: String, url: (String) -> String) -> [String: Any] {
        let original = originals[language]?[path] ?? path
        let versions = languages.compactMap { other in self.path(of: original, in: other.code).map { (other.code, $0) } }
        var alternates: [[String: Any]] = []
        if versions.count > 1 {
            alternates = versions.map { ["hreflang": $0.0, "url": baseURL + $0.1] }
            alternates.append(["hreflang": "x-default", "url": baseURL + original])
        }
        let links: [[String: Any]] = languages.compactMap { other in
            guard other.code != language else { return nil }
            if let page = self.path(of: original, in: other.code) {
                return ["code": other.code, "name": other.name, "url": url(page), "translated": true]
            }
            // No translation: the language's home page, said so.
            guard let home = self.path(of: "", in: other.code) else { return nil }
            return ["code": other.code, "name": other.name, "url": url(home), "translated": false]
        }
        return ["alternates": alternates, "language_links": links]
    }
}

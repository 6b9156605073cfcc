/// Which page of each language stands for which: the language switcher and the
/// `hreflang` alternates of every page.
struct LanguageLinks: Sendable {
    let languages: [LanguageConfig]
    let baseURL: String
    /// Language code → original's path → path of its translation.
    var translations: [String: [String: String]] = [:]
    /// Language code → edition path → original's path.
    var originals: [String: [String: String]] = [:]

    /// The site-wide pages every edition has in its folder (`SiteRenderer.editionPages`).
    var sitePages: Set<String> = []

    init(languages: [LanguageConfig], baseURL: String, editions: [LanguageEdition], sitePages: Set<String> = []) {
        self.languages = languages
        self.baseURL = baseURL
        self.sitePages = sitePages
        for edition in editions {
            var paths = edition.originalPaths
            for page in sitePages { paths[edition.prefix + page] = page }
            originals[edition.language.code] = paths
            translations[edition.language.code] = Dictionary(uniqueKeysWithValues: paths.map { ($0.value, $0.key) })
        }
    }

    /// The language of the page at `path`: the edition whose folder has it, else the default.
    func language(ofPage path: String) -> String {
        languages.dropFirst().first { originals[$0.code]?[path] != nil }?.code ?? languages.first?.code ?? ""
    }

    /// The original of the page at `path` (itself in the default language).
    func original(ofPage path: String) -> String {
        originals[language(ofPage: path)]?[path] ?? path
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

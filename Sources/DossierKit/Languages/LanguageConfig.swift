/// One language the dossier is published in (`languages:` in `site.yml`).
public struct LanguageConfig: Sendable, Equatable {
    /// `en`, `fr`: the suffix of translation files (`mali.fr.md`) and the folder of the
    /// language's pages (`fr/`), except for the default language, which has no folder.
    public var code: String
    /// The language's name in itself, for the language switcher: "English", "Français".
    public var name: String
    public var title: String
    public var description: String

    public init(code: String, name: String, title: String, description: String) {
        self.code = code
        self.name = name
        self.title = title
        self.description = description
    }
}

extension SiteConfig {
    /// The languages after the default one, each published under `<code>/`.
    public var otherLanguages: [LanguageConfig] { Array(languages.dropFirst()) }

    public var isMultilingual: Bool { languages.count > 1 }

    /// The site as a language publishes it: its title, description and `lang`.
    func edition(_ language: LanguageConfig) -> SiteConfig {
        var config = self
        config.language = language.code
        config.title = language.title
        config.description = language.description
        return config
    }
}

enum LanguageConfigParser {
    static let fields = ["code", "name", "title", "description"]

    /// Reads `languages:`; the default language (`language:`) comes first. Without the
    /// field, the site has one language, the default, named after its code.
    static func parse(_ yaml: inout YAMLFields, config: SiteConfig) -> [LanguageConfig] {
        var languages: [LanguageConfig] = []
        for var entry in yaml.mappings("languages") {
            guard let code = entry.string("code", required: true) else {
                yaml.absorb(entry)
                continue
            }
            if !isLanguageCode(code.value) {
                entry.error("language code '\(code.value)' must be two or three lowercase letters, such as 'fr'", at: code.location)
            } else if languages.contains(where: { $0.code == code.value }) {
                entry.error("language '\(code.value)' is listed twice", at: code.location)
            }
            let isDefault = code.value == config.language
            let name = entry.string("name", required: true)?.value ?? code.value
            let title = entry.string("title", required: !isDefault)?.value ?? config.title
            let description = entry.string("description")?.value ?? (isDefault ? config.description : "")
            entry.reportUnknownKeys(known: fields)
            yaml.absorb(entry)
            let language = LanguageConfig(code: code.value, name: name, title: title, description: description)
            if isDefault { languages.insert(language, at: 0) } else { languages.append(language) }
        }
        if !languages.isEmpty, languages.first?.code != config.language {
            yaml.error(
                "the default language '\(config.language)' is not among 'languages'", at: yaml.location(of: "languages") ?? yaml.location,
                hint: "add '- code: \(config.language)' with its name, or set 'language:' to one of the listed codes")
        }
        if languages.isEmpty {
            languages = [LanguageConfig(code: config.language, name: config.language, title: config.title, description: config.description)]
        }
        return languages
    }

    static func isLanguageCode(_ text: String) -> Bool {
        (2...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isLowercase }
    }
}

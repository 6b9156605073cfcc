import Foundation
import Yams

/// The words of the interface in each language, `Templates/i18n/<code>.yml` (the folder
/// Hugo uses), given to every layout as `t`: `{{t.skip_to_content}}`.
struct InterfaceStrings: Sendable, Equatable {
    var byLanguage: [String: [String: String]] = [:]

    func table(_ language: String) -> [String: String] { byLanguage[language] ?? [:] }

    /// Templates without an `i18n/` folder get no `t` (they were written before it). With
    /// one, every language of the site needs its file, with every key the default
    /// language's file has: a missing one is an error at the file that lacks it.
    static func load(from templatesFolder: URL, displayRoot: String, languages: [LanguageConfig]) -> (InterfaceStrings, [Diagnostic]) {
        let folder = templatesFolder.appendingPathComponent("i18n")
        var isFolder: ObjCBool = false
        guard !languages.isEmpty, FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { return (.init(), []) }
        var strings = InterfaceStrings()
        var diagnostics: [Diagnostic] = []
        var lines: [String: [String: Int]] = [:]
        for language in languages {
            let file = "\(displayRoot)/i18n/\(language.code).yml"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(language.code + ".yml").path) else {
                diagnostics.append(
                    .error(
                        "no interface strings for '\(language.code)'", at: SourceLocation(file: file),
                        hint: "copy i18n/\(languages[0].code).yml to i18n/\(language.code).yml and translate its values"))
                continue
            }
            do {
                let (table, keyLines) = try parse(String(decoding: data, as: UTF8.self), file: file)
                strings.byLanguage[language.code] = table
                lines[language.code] = keyLines
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {
                diagnostics.append(.error("cannot read interface strings: \(error)", at: SourceLocation(file: file)))
            }
        }
        guard let reference = strings.byLanguage[languages[0].code] else { return (strings, diagnostics) }
        for language in languages.dropFirst() {
            guard let table = strings.byLanguage[language.code] else { continue }
            let file = "\(displayRoot)/i18n/\(language.code).yml"
            for key in reference.keys.sorted() where table[key] == nil {
                diagnostics.append(
                    .error(
                        "missing interface string '\(key)'", at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "i18n/\(languages[0].code).yml has it: add '\(key): …' in \(language.name)"))
            }
            for key in table.keys.sorted() where reference[key] == nil {
                diagnostics.append(
                    .warning(
                        "interface string '\(key)' is not in i18n/\(languages[0].code).yml", at: SourceLocation(file: file, line: lines[language.code]?[key] ?? 1, column: 1),
                        hint: "a misspelt key? templates use the keys of the default language"))
            }
        }
        return (strings, diagnostics)
    }

    /// A flat mapping of keys to text.
    static func parse(_ yaml: String, file: String) throws -> ([String: String], [String: Int]) {
        guard let node = try Yams.compose(yaml: yaml) else { return ([:], [:]) }
        guard let mapping = node.mapping else {
            throw Diagnostic.error("interface strings must be a mapping of keys to text", at: SourceLocation(file: file, line: 1, column: 1))
        }
        var table: [String: String] = [:]
        var lines: [String: Int] = [:]
        for (key, value) in mapping {
            let line = (key.mark?.line ?? 0) + 1
            guard let name = key.string, let text = value.string else {
                throw Diagnostic.error(
                    "each interface string is 'key: text'", at: SourceLocation(file: file, line: line, column: 1))
            }
            table[name] = text
            lines[name] = line
        }
        return (table, lines)
    }
}

import Foundation
import Yams

/// `dossier new --translation fr Content/…/mali.md`: writes `mali.fr.md` beside the
/// original, holding a copy of the original's text (title, summary, aliases, key points,
/// date note, note, body) for the translator to translate in place, and `translation_of:`
/// set to the original's hash as it is now. The copy builds as it is: the build warns
/// while the body or summary is still the original's word for word.
public enum NewTranslation {
    /// Text fields copied from the original, in this order, when it has them.
    static let copiedFields = ["title", "summary", "aliases", "key_points", "date_note", "note"]

    /// The new file's path inside the content folder and its text. `original` is the
    /// original's path as typed (relative to `workingFolder`, or absolute); diagnostics
    /// name files as `displayRoot/…`.
    public static func make(
        original: String, language: String, contentFolder: URL, displayRoot: String, workingFolder: URL
    ) throws(Diagnostic) -> (path: String, text: String) {
        let prefix = displayRoot.isEmpty ? "" : displayRoot + "/"
        let siteFile = prefix + "site.yml"
        guard let siteData = FileManager.default.contents(atPath: contentFolder.appendingPathComponent("site.yml").path) else {
            throw .error(
                "no site.yml in \(displayRoot)", at: SourceLocation(file: siteFile), hint: "pass --source with the dossier's content folder"
            )
        }
        let config: SiteConfig
        do { config = try SiteConfigParser.parse(siteData, file: siteFile).config } catch let failure as BuildFailure {
            throw failure.diagnostics.first ?? .error("cannot read site.yml", at: SourceLocation(file: siteFile))
        } catch {
            throw .error("cannot read site.yml: \(error)", at: SourceLocation(file: siteFile))
        }
        let others = config.otherLanguages.map(\.code)
        guard others.contains(language) else {
            let listed =
                others.isEmpty
                ? "site.yml lists no language besides '\(config.language)'" : "its other languages: \(others.joined(separator: ", "))"
            let message =
                language == config.language
                ? "'\(language)' is the dossier's default language, the language of its originals"
                : "'\(language)' is not one of the dossier's languages"
            throw .error(message, at: SourceLocation(file: siteFile), hint: "\(listed); a language is added under 'languages:' in site.yml")
        }
        let relative = try relativePath(of: original, contentFolder: contentFolder, workingFolder: workingFolder, prefix: prefix)
        let originalFile = prefix + relative
        if let (itsOriginal, _) = TranslationFiles.original(of: relative, languages: others) {
            throw .error(
                "\(originalFile) is a translation, not an original", at: SourceLocation(file: originalFile),
                hint: "translate its original: dossier new --translation \(language) \(prefix + itsOriginal)")
        }
        guard let data = FileManager.default.contents(atPath: contentFolder.appendingPathComponent(relative).path) else {
            throw .error(
                "no such file: \(originalFile)", at: SourceLocation(file: originalFile),
                hint: "give the path of a page's Markdown file, such as \(prefix)index.md")
        }
        let translationPath = String(relative.dropLast(3)) + "." + language + ".md"
        if FileManager.default.fileExists(atPath: contentFolder.appendingPathComponent(translationPath).path) {
            throw .error(
                "\(prefix + translationPath) exists already; not overwriting it", at: SourceLocation(file: prefix + translationPath),
                hint: "edit it, and once it matches the original set its 'translation_of' to the hash `dossier check` gives")
        }
        let text = try SourceText.decode(data, file: originalFile)
        return (translationPath, try translation(of: text, file: originalFile, language: language))
    }

    /// The translation's text for an original's text.
    static func translation(of original: String, file: String, language: String) throws(Diagnostic) -> String {
        let split = try FrontMatter.split(original, file: file)
        let mapping: Node.Mapping?
        do { mapping = try Yams.compose(yaml: split.yaml)?.mapping } catch {
            throw .error(
                "front matter is not valid YAML", at: SourceLocation(file: file, line: split.yamlFirstLine, column: 1),
                hint: "`dossier check` says where")
        }
        guard let mapping, mapping["title"]?.string != nil else {
            throw .error(
                "\(file) has no title: it is not a page", at: SourceLocation(file: file, line: 1, column: 1),
                hint: "translate a page with front matter")
        }
        var lines = [
            "---",
            "# Translate the text of this copy of \((file as NSString).lastPathComponent) in place; dates, status, relations",
            "# and the other fields come from the original. Keep translation_of as it is: it says",
            "# which version of the original this translates.",
        ]
        for key in copiedFields {
            guard let node = mapping[key] else { continue }
            if let items = node.sequence {
                lines.append(items.isEmpty ? "\(key): []" : "\(key):")
                for item in items { lines.append("  - " + quoted(item.string ?? "")) }
            } else if let value = node.string {
                lines.append("\(key): " + quoted(value))
            }
        }
        lines.append("translation_of: \"\(TranslationFiles.hash(original))\"")
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + split.body
    }

    /// A YAML double-quoted scalar, which reads back as exactly `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\x%02X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The original's path inside the content folder; an error when it is outside it or
    /// not Markdown.
    static func relativePath(of typed: String, contentFolder: URL, workingFolder: URL, prefix: String) throws(Diagnostic) -> String {
        let url = URL(fileURLWithPath: typed, relativeTo: URL(fileURLWithPath: workingFolder.path, isDirectory: true)).standardizedFileURL
        let folder = contentFolder.standardizedFileURL.path + "/"
        guard url.path.hasPrefix(folder) else {
            throw .error(
                "\(typed) is not in the content folder \(prefix.isEmpty ? "." : String(prefix.dropLast()))",
                at: SourceLocation(file: typed),
                hint: "give the path of a page under \(prefix)…, or pass --source")
        }
        let relative = String(url.path.dropFirst(folder.count))
        guard relative.hasSuffix(".md") else {
            throw .error(
                "\(typed) is not a Markdown page", at: SourceLocation(file: typed),
                hint: "translations are of pages, such as \(prefix)entities/countries/mali.md")
        }
        return relative
    }
}

import Foundation
import Yams

/// What changed in an original since the version a translation was made from, so a
/// stale translation's warning says what to bring up to date. The version translated is
/// found in git by its hash (`translation_of`); without git, or when no commit holds it,
/// nothing can be said beyond "changed".
enum OriginalChanges {
    /// The text of the version of `relativePath` (inside `contentFolder`) whose hash is
    /// `hash`: the file as git has it in HEAD or in one of the last commits touching it.
    static func version(of relativePath: String, hash: String, contentFolder: URL) -> String? {
        let key = contentFolder.path + "/" + relativePath + "@" + hash
        if let known = VersionsFound.shared.lookup(key) { return known }
        var version: String?
        if let log = Git.run(["log", "-n", "50", "--format=%H", "--", relativePath], in: contentFolder) {
            for commit in log.split(separator: "\n") {
                guard let data = Git.runData(["show", "\(commit):./\(relativePath)"], in: contentFolder) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                if TranslationFiles.hash(text) == hash {
                    version = text
                    break
                }
            }
        }
        // `serve` asks again on every rebuild while the translation is stale; a version,
        // or its absence, does not change while the history only grows.
        VersionsFound.shared.store(key, version)
        return version
    }

    /// "the title, the summary and paragraph 3 of the body": the parts of the page that
    /// differ between two texts of it, in the order a page shows them.
    static func describe(old: String, new: String) -> String {
        let before = parts(old), after = parts(new)
        var changed: [String] = []
        for key in NewTranslation.copiedFields where before.fields[key] != after.fields[key] {
            changed.append("the " + key.replacingOccurrences(of: "_", with: " "))
        }
        let others = Set(before.fields.keys).union(after.fields.keys).subtracting(NewTranslation.copiedFields + ["translation_of"])
            .filter { before.fields[$0] != after.fields[$0] }.sorted()
        if !others.isEmpty { changed.append("front matter (\(others.joined(separator: ", ")))") }
        let difference = after.paragraphs.difference(from: before.paragraphs)
        let touched = difference.insertions.compactMap { change -> Int? in
            if case .insert(let offset, _, _) = change { return offset + 1 }
            return nil
        }.sorted()
        if !touched.isEmpty {
            let numbers = touched.map(String.init)
            let list = numbers.count == 1 ? numbers[0] : numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
            changed.append("paragraph\(numbers.count == 1 ? "" : "s") \(list) of the body")
        }
        let removed = difference.removals.count - difference.insertions.count
        if removed > 0 { changed.append("\(removed) paragraph\(removed == 1 ? "" : "s") of the body removed") }
        guard !changed.isEmpty else { return "only its spacing" }
        return changed.count == 1 ? changed[0] : changed.dropLast().joined(separator: ", ") + " and " + changed.last!
    }

    /// Front matter values (as YAML would write them again) and the body's paragraphs.
    static func parts(_ text: String) -> (fields: [String: String], paragraphs: [String]) {
        guard let split = try? FrontMatter.split(text, file: "") else { return ([:], [text]) }
        var fields: [String: String] = [:]
        if let mapping = (try? Yams.compose(yaml: split.yaml))??.mapping {
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                fields[name] = (try? Yams.serialize(node: value)) ?? ""
            }
        }
        let paragraphs = split.body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return (fields, paragraphs)
    }
}

/// The versions `OriginalChanges.version` looked for, found or not, for the process.
private final class VersionsFound: @unchecked Sendable {
    static let shared = VersionsFound()
    private let lock = NSLock()
    private var versions: [String: String?] = [:]

    func lookup(_ key: String) -> String?? {
        lock.lock()
        defer { lock.unlock() }
        return versions[key]
    }

    func store(_ key: String, _ version: String?) {
        lock.lock()
        defer { lock.unlock() }
        versions[key] = .some(version)
    }
}

import Foundation

/// The dossier's past editions as git holds them. An edition is the content at a commit
/// that changed `as_of` in `site.yml`: moving that date is how analysts say "the dossier
/// is now current to this day". Reading them costs one `git log` of `site.yml`, one
/// `git ls-tree` per edition and one `git cat-file --batch` for every file they hold.
public struct GitEdition: Sendable {
    public var asOf: DossierDate
    public var commit: String
    /// Content files (relative to the content folder) → git blob id.
    public var blobs: [String: String]
    /// The text of each Markdown file and of `site.yml`, by relative path.
    public var texts: [String: String]
}

public enum GitEditions {
    /// Past editions, newest first, at most `limit` of them; nil when the content is not
    /// in a git checkout. Results are kept per commit for the process (`serve` rebuilds).
    public static func read(contentFolder: URL, limit: Int = 24) -> [GitEdition]? {
        let format = "--format=\(GitHistory.recordSeparator)%H"
        guard
            let log = Git.run(
                ["-c", "core.quotePath=false", "log", format, "-p", "-U0", "--no-renames", "--relative", "--", "site.yml"],
                in: contentFolder)
        else { return nil }
        let changes = asOfChanges(log).prefix(limit)
        var editions: [GitEdition] = []
        for (commit, asOf) in changes {
            if let kept = EditionStore.shared.edition(commit) {
                editions.append(kept)
                continue
            }
            guard let tree = Git.run(["-c", "core.quotePath=false", "ls-tree", "-r", commit], in: contentFolder) else { continue }
            let blobs = parseTree(tree)
            let wanted = blobs.filter { $0.key.hasSuffix(".md") || $0.key == "site.yml" }
            let texts = readBlobs(Array(Set(wanted.values)).sorted(), in: contentFolder)
            var byPath: [String: String] = [:]
            for (path, blob) in wanted { byPath[path] = texts[blob] }
            let edition = GitEdition(asOf: asOf, commit: commit, blobs: blobs, texts: byPath)
            EditionStore.shared.keep(edition)
            editions.append(edition)
        }
        return editions
    }

    /// The blob id each working-tree file would have, by relative path: one `git
    /// hash-object` for all, so the content being built compares with past editions.
    public static func workingBlobs(_ relativePaths: [String], contentFolder: URL) -> [String: String]? {
        guard !relativePaths.isEmpty else { return [:] }
        let absolute = relativePaths.map { contentFolder.path + "/" + $0 }
        guard
            let output = Git.run(
                ["hash-object", "--stdin-paths"], in: contentFolder, input: Data((absolute.joined(separator: "\n") + "\n").utf8))
        else { return nil }
        let hashes = output.split(separator: "\n").map(String.init)
        guard hashes.count == relativePaths.count else { return nil }
        return Dictionary(zip(relativePaths, hashes), uniquingKeysWith: { a, _ in a })
    }

    /// Commits (newest first) whose diff of `site.yml` set a new `as_of`, with that date;
    /// a commit that rewrote the line to the same date is not a new edition.
    static func asOfChanges(_ log: String) -> [(commit: String, asOf: DossierDate)] {
        var found: [(commit: String, asOf: DossierDate)] = []
        for record in log.components(separatedBy: GitHistory.recordSeparator) {
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard let commit = lines.first.map(String.init), commit.count >= 40 else { continue }
            for line in lines where line.hasPrefix("+as_of:") {
                let value = line.dropFirst("+as_of:".count).split(separator: "#").first ?? ""
                let text = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if let date = try? DateParser.parse(text) { found.append((commit, date)) }
            }
        }
        // Newest first: keep a commit when its date differs from the edition before it.
        var editions: [(commit: String, asOf: DossierDate)] = []
        for (index, change) in found.enumerated() where index == found.count - 1 || found[index + 1].asOf != change.asOf {
            editions.append(change)
        }
        return editions
    }

    /// `git ls-tree -r` lines: `100644 blob <id>\t<path>`.
    static func parseTree(_ output: String) -> [String: String] {
        var blobs: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts.first?.split(separator: " ") ?? []
            guard parts.count == 2, fields.count == 3, fields[1] == "blob" else { continue }
            blobs[String(parts[1])] = String(fields[2])
        }
        return blobs
    }

    /// The texts of blobs, by id, from one `git cat-file --batch`.
    static func readBlobs(_ ids: [String], in folder: URL) -> [String: String] {
        guard !ids.isEmpty,
            let output = Git.runData(["cat-file", "--batch"], in: folder, input: Data((ids.joined(separator: "\n") + "\n").utf8))
        else { return [:] }
        var texts: [String: String] = [:]
        var index = output.startIndex
        while index < output.endIndex, let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) {
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            index = output.index(after: newline)
            guard header.count == 3, let size = Int(header[2]), output.distance(from: index, to: output.endIndex) >= size else { continue }
            let end = output.index(index, offsetBy: size)
            texts[String(header[0])] = String(decoding: output[index..<end], as: UTF8.self)
            index = min(output.endIndex, output.index(after: end))  // the newline after the content
        }
        return texts
    }
}

/// Past editions already read in this process, by commit: a commit's content never changes.
private final class EditionStore: @unchecked Sendable {
    static let shared = EditionStore()
    private let lock = NSLock()
    private var editions: [String: GitEdition] = [:]

    func edition(_ commit: String) -> GitEdition? { lock.withLock { editions[commit] } }
    func keep(_ edition: GitEdition) { lock.withLock { editions[edition.commit] = edition } }
}

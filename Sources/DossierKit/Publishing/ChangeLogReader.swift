import Foundation

/// Makes the change log of a build: the past editions from git, each read with the same
/// parser, linker and timeline as the build, and the content being built as the newest.
enum ChangeLogReader {
    struct Inputs {
        var catalog: Catalog
        var timeline: Timeline
        var contentFolder: URL
        /// What the headers' `file` starts with, e.g. `Content/`.
        var contentPrefix: String
    }

    /// nil when the dossier has no `as_of`: without it there are no editions to tell apart.
    static func make(_ inputs: Inputs) async -> ChangeLog? {
        let catalog = inputs.catalog
        guard catalog.site.asOf != nil else { return nil }
        guard let history = catalog.gitHistory, var past = GitEditions.read(contentFolder: inputs.contentFolder) else {
            return ChangeLog(entries: [withoutHistory(inputs)], fromGit: false)
        }
        // Edits made since `as_of` last moved belong to the edition being built.
        if let newest = past.first, newest.asOf == catalog.site.asOf { past.removeFirst() }
        let position = Dictionary(history.commits.enumerated().map { ($1.hash, $0) }, uniquingKeysWith: { a, _ in a })
        // The last commit touching a file after the edition before and up to this one.
        func subjects(from newer: Int, to older: Int?) -> (String) -> String? {
            { file in
                let end = min(older ?? history.commits.count, history.commits.count)
                guard newer < end else { return nil }
                return history.commits[newer..<end].first { $0.files.contains(file) }?.subject
            }
        }
        var snapshots: [EditionSnapshot] = []
        let oldestFirst = Array(past.reversed())
        for (index, edition) in oldestFirst.enumerated() {
            guard let parsed = Self.catalog(from: edition.texts, prefix: inputs.contentPrefix) else { continue }
            let (site, _) = await Linker.link(parsed, contentPrefix: inputs.contentPrefix)
            let older = index > 0 ? position[oldestFirst[index - 1].commit] : nil
            snapshots.append(
                EditionSnapshot.make(
                    catalog: parsed, timeline: TimelineBuilder.build(site), contentPrefix: inputs.contentPrefix,
                    identity: { edition.blobs[$0] ?? "" }, subject: subjects(from: position[edition.commit] ?? 0, to: older)))
        }
        let files = catalog.allHeaders.map { relative($0.file, inputs.contentPrefix) }
        let blobs = snapshots.isEmpty ? [:] : GitEditions.workingBlobs(files, contentFolder: inputs.contentFolder) ?? [:]
        snapshots.append(
            EditionSnapshot.make(
                catalog: catalog, timeline: inputs.timeline, contentPrefix: inputs.contentPrefix, identity: { blobs[$0] ?? "" },
                subject: subjects(from: 0, to: past.first.flatMap { position[$0.commit] })))
        return ChangeLog.make(snapshots, fromGit: true)
    }

    /// Without git the build knows one edition, and the pages whose front matter says
    /// when they were updated.
    static func withoutHistory(_ inputs: Inputs) -> ChangeLog.Entry {
        let snapshot = EditionSnapshot.make(
            catalog: inputs.catalog, timeline: inputs.timeline, contentPrefix: inputs.contentPrefix, identity: { _ in "" },
            subject: { _ in nil })
        var entry = ChangeLog.first(snapshot)
        let dated = inputs.catalog.allHeaders.filter { $0.updated != nil }
        entry.updated = dated.sorted { ($1.updated!, $0.title.value) < ($0.updated!, $1.title.value) }.map { header in
            let note = [header.updated.map { "updated \(DateFormatting.display($0))" }, header.changeNote].compactMap { $0 }.joined(
                separator: ": ")
            return ChangeLog.Update(page: .init(title: header.title.value, path: header.path, section: header.section), note: note)
        }
        return entry
    }

    /// A past edition's files as a catalog, read as the build reads files (drafts left out).
    static func catalog(from texts: [String: String], prefix: String) -> Catalog? {
        guard let siteText = texts["site.yml"], let site = try? SiteConfigParser.parse(Data(siteText.utf8), file: prefix + "site.yml")
        else {
            return nil
        }
        var catalog = Catalog(site: site.config)
        let languages = site.config.otherLanguages.map(\.code)
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".md") {
            // Translations are not pages of their own: the change log follows the originals.
            guard languages.isEmpty || TranslationFiles.original(of: path, languages: languages) == nil else { continue }
            guard !path.split(separator: "/").contains(where: { ContentFiles.isEditorLeftover(String($0)) }) else { continue }
            guard let document = DocumentParser.parse(text: text, relativePath: path, file: prefix + path).0, !document.header.draft else {
                continue
            }
            catalog.add(document)
        }
        return catalog
    }

    static func relative(_ file: String, _ prefix: String) -> String {
        file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}

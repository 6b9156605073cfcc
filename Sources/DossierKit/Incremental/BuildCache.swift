import Foundation

/// What one build keeps for the next, so that `serve` redoes only the work an edit
/// needs: files whose stamp did not change are not read or parsed again, Markdown whose
/// text did not change is not scanned again, and pages nothing changed for are not
/// rendered again. Shared by the tasks of one build, so it guards itself with a lock.
public final class BuildCache: @unchecked Sendable {
    /// A file is unchanged if its size, modification time and inode are.
    struct FileStamp: Equatable {
        var size: Int64
        var modified: timespec
        var inode: UInt64

        static func == (a: FileStamp, b: FileStamp) -> Bool {
            a.size == b.size && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }

        static func of(_ path: String) -> FileStamp? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return FileStamp(size: Int64(info.st_size), modified: info.st_mtim, inode: UInt64(info.st_ino))
        }
    }

    struct LoadedFile {
        var stamp: FileStamp
        var frontMatter: String
        var body: String
        var document: ParsedDocument?
        var diagnostics: [Diagnostic]
    }

    /// How a content file differs from the previous build.
    enum Change: Equatable, Sendable {
        case added, removed
        /// Only the Markdown body changed: titles, names, dates and relations are as they were.
        case body
        case frontMatter
    }

    private let lock = NSLock()
    private var files: [String: LoadedFile] = [:]
    /// Per content file: its Markdown, what the link stage found in it and, once made,
    /// what each reference resolved to.
    private var scans: [String: (texts: [MarkdownText], scan: Linker.PageScan, resolutions: Linker.Resolutions?)] = [:]
    /// Changes to content files (by path relative to `Content/`) since the last build that
    /// succeeded: a failed build's changes are kept, since its output was never written.
    private(set) var changes: [String: Change] = [:]
    private(set) var siteConfigChanged = true
    /// True when, since the last good build, only Markdown bodies changed (or nothing did):
    /// everything made from front matter alone (the timeline, the feed) is as it was.
    var onlyBodiesChanged: Bool {
        withLock { !siteConfigChanged && changes.values.allSatisfy { $0 == .body } }
    }
    private var siteConfigText: String?
    /// The previous successful build, for deciding which pages to render again.
    private(set) var previous: PreviousBuild?
    let searchRecords = SearchIndexCache()
    /// The search records of each other language's index, by language code.
    private var editionSearchRecords: [String: SearchIndexCache] = [:]

    func searchRecords(of language: String) -> SearchIndexCache {
        withLock {
            if let records = editionSearchRecords[language] { return records }
            let records = SearchIndexCache()
            editionSearchRecords[language] = records
            return records
        }
    }

    public init() {}

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// False from the start of a build until it succeeds: the output is the previous
    /// build's only while this is true.
    private(set) var lastBuildSucceeded = false

    func startBuild() {
        withLock { lastBuildSucceeded = false }
    }

    /// What the last load kept of a file, whatever its stamp now.
    func loaded(_ relativePath: String) -> LoadedFile? {
        withLock { files[relativePath] }
    }

    func loaded(_ relativePath: String, stamp: FileStamp) -> LoadedFile? {
        withLock { files[relativePath].flatMap { $0.stamp == stamp ? $0 : nil } }
    }

    /// Records the files of this load and what changed since the previous one.
    func finishLoad(_ loaded: [String: LoadedFile], siteConfig: String?) {
        withLock {
            var changes: [String: Change] = [:]
            for (path, file) in loaded {
                guard let old = files[path] else {
                    changes[path] = .added
                    continue
                }
                if old.frontMatter != file.frontMatter || old.document == nil || file.document == nil {
                    changes[path] = .frontMatter
                } else if old.body != file.body {
                    changes[path] = .body
                }
            }
            for path in files.keys where loaded[path] == nil { changes[path] = .removed }
            // Added to what earlier failed builds saw; anything but a body edit stays so.
            for (path, change) in changes where self.changes[path] == nil || self.changes[path] == .body {
                self.changes[path] = change
            }
            siteConfigChanged = siteConfigChanged || siteConfig != siteConfigText
            siteConfigText = siteConfig
            files = loaded
        }
    }

    /// Each translation file's front matter and body, by path relative to `Content/`.
    private var translationTexts: [String: (frontMatter: String, body: String)] = [:]

    /// Records the translation files of this load (`mali.fr.md`) and how each differs
    /// from the last: they are read whole every build, for the stale check needs their
    /// originals anyway, so only their changes are kept.
    func finishTranslationLoad(_ texts: [String: String]) {
        withLock {
            var split: [String: (frontMatter: String, body: String)] = [:]
            for (path, text) in texts {
                let parts = try? FrontMatter.split(text, file: path)
                split[path] = (parts?.yaml ?? text, parts?.body ?? "")
            }
            for (path, parts) in split {
                let change: Change?
                if let old = translationTexts[path] {
                    change = old.frontMatter != parts.frontMatter ? .frontMatter : old.body != parts.body ? .body : nil
                } else {
                    change = .added
                }
                if let change, changes[path] == nil || changes[path] == .body { changes[path] = change }
            }
            for path in translationTexts.keys where split[path] == nil { changes[path] = .removed }
            translationTexts = split
        }
    }

    private var mediaStamps: [String: FileStamp] = [:]
    private var images: [String: (stamp: FileStamp, image: ContentImage)] = [:]

    /// Records the images and GeoJSON files of this load: one added, changed or removed
    /// counts as a change to front matter, since what shows it may be on any page.
    func finishMediaLoad(_ stamps: [String: FileStamp]) {
        withLock {
            for (path, stamp) in stamps where mediaStamps[path] != stamp {
                changes[path] = mediaStamps[path] == nil ? .added : .frontMatter
            }
            for path in mediaStamps.keys where stamps[path] == nil {
                changes[path] = .removed
                images[path] = nil
            }
            mediaStamps = stamps
        }
    }

    func image(_ path: String, stamp: FileStamp) -> ContentImage? {
        withLock { images[path].flatMap { $0.stamp == stamp ? $0.image : nil } }
    }

    func store(image: ContentImage, stamp: FileStamp) {
        withLock { images[image.path] = (stamp, image) }
    }

    /// Whether the last load listed `path` as an image or GeoJSON file.
    func isMedia(_ path: String) -> Bool {
        withLock { mediaStamps[path] != nil }
    }

    /// A file saved with the same front matter, read without listing the others.
    struct BodyEdit {
        var file: LoadedFile
        var bodyChanged: Bool
    }

    func finishLoad(bodyEdits: [String: BodyEdit]) {
        withLock {
            for (path, edit) in bodyEdits {
                files[path] = edit.file
                if edit.bodyChanged && changes[path] == nil { changes[path] = .body }
            }
        }
    }

    /// The output now matches the files last loaded.
    func finishBuild(_ build: PreviousBuild) {
        withLock {
            lastBuildSucceeded = true
            previous = build
            changes = [:]
            siteConfigChanged = false
        }
    }

    func scan(for file: String, texts: [MarkdownText]) -> (scan: Linker.PageScan, cached: Linker.Resolutions?)? {
        withLock { scans[file].flatMap { $0.texts == texts ? ($0.scan, $0.resolutions) : nil } }
    }

    /// The headings that every cached resolution of a link to a heading was made with;
    /// nil when not known (no link stage yet, or a patch that stopped halfway).
    private var linkedHeadings: [String: [Heading]]?

    /// Returns the headings cached resolutions agree with, and forgets them until stored
    /// again: a link stage that stops before storing leaves them unknown.
    func takeLinkedHeadings() -> [String: [Heading]]? {
        withLock {
            defer { linkedHeadings = nil }
            return linkedHeadings
        }
    }

    func storeLinkedHeadings(_ headings: [String: [Heading]]) {
        withLock { linkedHeadings = headings }
    }

    /// What the last link stage found in a file and what it resolved to, whatever its text now.
    func scan(for file: String) -> (texts: [MarkdownText], scan: Linker.PageScan, resolutions: Linker.Resolutions?)? {
        withLock { scans[file] }
    }

    func store(scan: Linker.PageScan, for file: String, texts: [MarkdownText]) {
        withLock { scans[file] = (texts, scan, nil) }
    }

    /// Valid while names, titles and sources stay as they were: see `Linker.link`.
    func store(resolutions: Linker.Resolutions, for file: String) {
        withLock { scans[file]?.resolutions = resolutions }
    }
}

extension BuildCache: ScanCache {}

/// The parts of a successful build that the next one compares against.
struct PreviousBuild {
    var site: LinkedSite
    /// What its pages were rendered from, whole (`serve` keeps every body's text).
    var renderedAhead: RenderedAhead
    var timeline: Timeline
    var templates: TemplateSet
    var assets: SiteAssets
    var templateSources: [String: String] { templates.sources }
    var assetPaths: [String] { assets.assets.map(\.outputPath) }
    /// What loading and linking reported (rendering reports only for what it renders).
    var sourceDiagnostics: [Diagnostic]
    var pageCount: Int
    var searchIndexPath: String
    /// The change log it showed: a patched rebuild renders pages as that build did.
    var changeLog: ChangeLog? = nil
    /// The interface's words it rendered with.
    var strings = InterfaceStrings()
    /// The site in its other languages, as linked.
    var editions: [LanguageEditions.Linked] = []
    /// Each other language's search index, by language code.
    var editionSearchIndexPaths: [String: String] = [:]
    /// The print edition's volumes as planned: an edit that leaves the plan as it was
    /// renders only the volumes it reaches.
    var printPlan: PrintVolumes? = nil
}

/// Files a build holds in memory until it knows it succeeded.
final class CollectedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [(path: String, data: Data)] = []

    /// The files, without the search index if it is still `searchIndexPath`: its name is
    /// its content's hash, so it is already there (comparing would read megabytes).
    func files(besides searchIndexPath: String?) -> [(path: String, data: Data)] {
        lock.lock()
        defer { lock.unlock() }
        return files.filter { $0.path != searchIndexPath }
    }

    func add(_ path: String, _ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        files.append((path, data))
    }

    /// The files so far, which are then no longer held: they are written before the rest.
    func take() -> [(path: String, data: Data)] {
        lock.lock()
        defer { lock.unlock() }
        let taken = files
        files = []
        return taken
    }
}

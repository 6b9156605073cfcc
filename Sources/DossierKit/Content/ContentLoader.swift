import Foundation

/// The `load` stage: reads `Content/` from disk into a `Catalog`.
public enum ContentLoader {
    public struct Options: Sendable {
        public var includeDrafts = false
        public init(includeDrafts: Bool = false) { self.includeDrafts = includeDrafts }
    }

    /// `displayRoot` is how diagnostics name the folder (e.g. `Content`).
    public static func load(
        from root: URL, displayRoot: String, options: Options = .init(), cache: BuildCache? = nil
    ) async throws -> (Catalog, [Diagnostic]) {
        var log = DiagnosticLog()
        let prefix = displayRoot.isEmpty ? "" : displayRoot + "/"
        let siteFile = root.appendingPathComponent("site.yml")
        guard let siteData = FileManager.default.contents(atPath: siteFile.path) else {
            throw BuildFailure([
                .error(
                    "no site.yml in \(displayRoot.isEmpty ? "." : displayRoot)", at: SourceLocation(file: prefix + "site.yml"),
                    hint: "is this a dossier folder? pass --source, or create site.yml with a title")
            ])
        }
        let parsedSite = log.capture { try SiteConfigParser.parse(siteData, file: prefix + "site.yml") }
        let site = parsedSite?.config
        log.report(contentsOf: parsedSite?.warnings ?? [])
        let listing = ContentFiles.list(root: root, displayPrefix: prefix)
        log.report(contentsOf: listing.diagnostics)

        let rootPath = root.path
        let languages = site?.otherLanguages.map(\.code) ?? []
        let translationPaths =
            languages.isEmpty ? [] : listing.markdown.filter { TranslationFiles.original(of: $0, languages: languages) != nil }
        let originals = translationPaths.isEmpty ? listing.markdown : listing.markdown.filter { !translationPaths.contains($0) }
        let parsed = await Parallel.map(originals) { relativePath -> (String, BuildCache.LoadedFile?, ParsedDocument?, [Diagnostic]) in
            // Only a cache compares stamps and keeps the parts of a file.
            let stamp = cache == nil ? nil : BuildCache.FileStamp.of(rootPath + "/" + relativePath)
            if let stamp, let hit = cache?.loaded(relativePath, stamp: stamp) {
                return (relativePath, hit, hit.document, hit.diagnostics)
            }
            let (loaded, document, diagnostics) = loadFile(relativePath, rootPath: rootPath, prefix: prefix, stamp: stamp)
            return (relativePath, loaded, document, diagnostics)
        }
        if let cache {
            var loaded: [String: BuildCache.LoadedFile] = [:]
            for (path, file, _, _) in parsed { loaded[path] = file }
            cache.finishLoad(loaded, siteConfig: String(decoding: siteData, as: UTF8.self))
        }
        var catalog = Catalog(site: site ?? SiteConfig(title: ""))
        let (images, geo, mediaDiagnostics) = loadMedia(listing, rootPath: rootPath, prefix: prefix, cache: cache)
        catalog.images = images
        catalog.geo = geo
        log.report(contentsOf: mediaDiagnostics)
        for (relativePath, _, document, diagnostics) in parsed {
            log.report(contentsOf: diagnostics)
            guard let document else {
                if diagnostics.contains(where: { $0.severity == .error }) {
                    catalog.unreadable.add(relativePath, text: FileManager.default.contents(atPath: rootPath + "/" + relativePath))
                }
                continue
            }
            guard options.includeDrafts || !document.header.draft else {
                catalog.drafts.append(document.header)
                continue
            }
            catalog.add(document)
        }
        log.report(contentsOf: slugCollisions(in: catalog))
        if !translationPaths.isEmpty {
            let (translations, hashes, texts, diagnostics) = TranslationLoader.load(
                translationPaths, languages: languages, rootPath: rootPath, prefix: prefix)
            catalog.translations = translations
            catalog.originalHashes = hashes
            log.report(contentsOf: diagnostics)
            cache?.finishTranslationLoad(texts)
        } else if !languages.isEmpty {
            cache?.finishTranslationLoad([:])
        }
        return (catalog, log.diagnostics)
    }

    /// The images and GeoJSON files of the listing. With a cache, an image whose stamp
    /// did not change is not read again, and any change to these files is recorded: a
    /// page showing an image, or a map, may be anywhere.
    static func loadMedia(
        _ listing: ContentFiles.Listing, rootPath: String, prefix: String, cache: BuildCache?
    ) -> (ContentImages, GeoData, [Diagnostic]) {
        var stamps: [String: BuildCache.FileStamp] = [:]
        if let cache {
            for path in listing.images + listing.geoData { stamps[path] = BuildCache.FileStamp.of(rootPath + "/" + path) }
            cache.finishMediaLoad(stamps)
        }
        var (images, diagnostics) = ContentImages.load(listing.images, rootPath: rootPath, prefix: prefix) { path in
            stamps[path].flatMap { cache?.image(path, stamp: $0) }
        }
        for image in images.byPath.values { if let stamp = stamps[image.path] { cache?.store(image: image, stamp: stamp) } }
        var geo = GeoData()
        for path in listing.geoData {
            guard let data = FileManager.default.contents(atPath: rootPath + "/" + path) else {
                diagnostics.append(.error("cannot read GeoJSON file", at: SourceLocation(file: prefix + path)))
                continue
            }
            let read = GeoJSONReader.read(data, file: prefix + path)
            diagnostics += read.diagnostics
            for feature in read.features {
                if let other = geo.feature(feature.id) {
                    diagnostics.append(
                        .error(
                            "feature id '\(feature.id)' is also used in \(other.location.file)", at: feature.location,
                            hint: "ids name features across all GeoJSON files: make them unique"))
                } else {
                    geo.features.append(feature)
                }
            }
            if let attribution = read.attribution, !geo.attributions.contains(attribution) { geo.attributions.append(attribution) }
            if let credit = read.credit, !geo.credit.contains(credit) { geo.credit += (geo.credit.isEmpty ? "" : ", ") + credit }
        }
        return (images, geo, diagnostics)
    }

    /// Reads and parses one content file; `loaded` is what the cache keeps of it, made
    /// only with a `stamp`.
    static func loadFile(
        _ relativePath: String, rootPath: String, prefix: String, stamp: BuildCache.FileStamp?
    ) -> (loaded: BuildCache.LoadedFile?, document: ParsedDocument?, diagnostics: [Diagnostic]) {
        let file = prefix + relativePath
        guard let data = FileManager.default.contents(atPath: rootPath + "/" + relativePath) else {
            return (nil, nil, [.error("cannot read file", at: SourceLocation(file: file))])
        }
        let (document, diagnostics): (ParsedDocument?, [Diagnostic])
        var parts = (frontMatter: "", body: "")
        do throws(Diagnostic) {
            let text = try SourceText.decode(data, file: file)
            if stamp != nil {
                if let split = try? FrontMatter.split(text, file: file) {
                    parts = (split.yaml, split.body)
                } else {
                    parts.frontMatter = text
                }
            }
            (document, diagnostics) = DocumentParser.parse(text: text, relativePath: relativePath, file: file)
        } catch {
            (document, diagnostics) = (nil, [error])
        }
        let loaded = stamp.map {
            BuildCache.LoadedFile(stamp: $0, frontMatter: parts.frontMatter, body: parts.body, document: document, diagnostics: diagnostics)
        }
        return (loaded, document, diagnostics)
    }

    /// Two files that would publish at one URL, or two entities sharing a slug, are errors naming both.
    static func slugCollisions(in catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byPath: [String: String] = [:]  // site path → file
        var entityBySlug: [String: (path: String, file: String)] = [:]
        // Only what the check needs, not whole headers: it runs on every rebuild.
        var pages: [(file: String, path: String, slug: String, isEntity: Bool)] = []
        pages.reserveCapacity(catalog.briefings.count + catalog.entities.count + catalog.events.count + catalog.sources.count)
        for header in catalog.briefings.lazy.map(\.header) { pages.append((header.file, header.path, header.slug, false)) }
        for header in catalog.entities.lazy.map(\.header) { pages.append((header.file, header.path, header.slug, true)) }
        for header in catalog.events.lazy.map(\.header) { pages.append((header.file, header.path, header.slug, false)) }
        for header in catalog.sources.lazy.map(\.header) { pages.append((header.file, header.path, header.slug, false)) }
        for page in pages.sorted(by: { $0.file < $1.file }) {
            if let other = byPath[page.path] {
                diagnostics.append(
                    .error(
                        "'\(page.file)' and '\(other)' both publish at '\(page.path)'",
                        at: SourceLocation(file: page.file), hint: "rename one of the files"))
            } else {
                byPath[page.path] = page.file
            }
            if page.isEntity {
                if let other = entityBySlug[page.slug], other.path != page.path {
                    diagnostics.append(
                        .error(
                            "entities '\(page.file)' and '\(other.file)' share the slug '\(page.slug)'",
                            at: SourceLocation(file: page.file), hint: "[[\(page.slug)]] must name one page; rename one file"))
                } else {
                    entityBySlug[page.slug] = (page.path, page.file)
                }
            }
        }
        return diagnostics
    }
}

/// What is known of the files that failed to load: enough to tell a link to one of them
/// from a link to nothing.
struct UnreadablePages: Sendable {
    /// Slugs and titles, normalized as `NameIndex` does.
    var names: Set<String> = []
    var sourceIDs: Set<String> = []
    /// Paths inside the content folder.
    var files: Set<String> = []

    var isEmpty: Bool { files.isEmpty }

    func has(name: String) -> Bool { !names.isEmpty && names.contains(NameIndex.normalize(name)) }

    /// `text` is the file's bytes; its title is read when its front matter can be.
    mutating func add(_ relativePath: String, text: Data?) {
        files.insert(relativePath)
        let stem = String((relativePath as NSString).lastPathComponent.dropLast(3))
        names.insert(NameIndex.normalize(Slug.make(stem)))
        if relativePath.hasPrefix("sources/") { sourceIDs.insert(Slug.make(stem)) }
        guard let text = text.map({ String(decoding: $0, as: UTF8.self) }),
            let split = try? FrontMatter.split(text, file: relativePath)
        else { return }
        var fields = YAMLFields.parse(split.yaml, file: relativePath, firstLine: split.yamlFirstLine)
        if let title = fields.string("title") { names.insert(NameIndex.normalize(title.value)) }
    }
}

enum SiteConfigParser {
    static let fields = [
        "title", "base_url", "language", "description", "author", "as_of", "focus", "allow_raw_html", "portable", "languages",
    ]

    static func parse(_ data: Data, file: String) throws -> (config: SiteConfig, warnings: [Diagnostic]) {
        let text = try SourceText.decode(data, file: file)
        var yaml = YAMLFields.parse(text, file: file, firstLine: 1)
        guard yaml.diagnostics.isEmpty else { throw BuildFailure(yaml.diagnostics) }
        let title = yaml.string("title", required: true)
        let baseURL = yaml.string("base_url")
        if let baseURL, !URLSafety.isWebURL(baseURL.value) {
            yaml.error("base_url must start with https:// or http://", at: baseURL.location)
        }
        var config = SiteConfig(
            title: title?.value ?? "",
            baseURL: baseURL?.value ?? "https://example.org/",
            language: yaml.string("language")?.value ?? "en",
            description: yaml.string("description")?.value ?? "",
            author: yaml.string("author")?.value,
            asOf: yaml.date("as_of")?.value,
            allowRawHTML: yaml.bool("allow_raw_html") ?? false,
            portable: yaml.bool("portable") ?? false)
        if let asOf = config.asOf, asOf.precision != .day || asOf.end != nil || asOf.isApproximate {
            yaml.error("as_of must be a single day such as 2026-11-29", at: yaml.location)
            config.asOf = nil
        }
        config.focus = yaml.date("focus")?.value
        if let focus = config.focus, focus.end == nil {
            yaml.error("focus must be a range such as 2024-09/2027-12", at: yaml.location)
            config.focus = nil
        }
        config.languages = LanguageConfigParser.parse(&yaml, config: config)
        yaml.reportUnknownKeys(known: fields)
        let errors = yaml.diagnostics
        if errors.contains(where: { $0.severity == .error }) { throw BuildFailure(errors) }
        return (config, errors)
    }
}

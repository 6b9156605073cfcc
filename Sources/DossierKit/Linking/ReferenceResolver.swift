import Foundation

/// What a reference resolved to. Rendering turns this into HTML relative to its page.
public enum ResolvedReference: Sendable, Equatable {
    case page(LinkTarget, fragment: String?, label: String)
    case citation(ids: [String])
    case external
    case keep
    /// Boxed: an image's file and caption take five times the room of a link, and every
    /// reference of every page is kept, resolved, until its page is rendered.
    indirect case image(ResolvedImage)

    /// The sources this reference cites: a citation's, or those of a figure's caption.
    var citedSources: [String] {
        switch self {
        case .citation(let ids): ids
        case .image(let image): image.citations
        default: []
        }
    }
}

/// Resolves single references against the site's indexes. Pure; used by the link
/// stage to report errors and by the render stage to write the links.
public struct ReferenceResolver: Sendable {
    var names: NameIndex
    var headings: [String: [Heading]]
    var sourceIDs: Set<String>
    /// Content-relative file path (`entities/countries/mali.md`) → page.
    var pagesByContentFile: [String: LinkTarget]
    var contentPrefix: String
    /// Pages left out as drafts, so a link to one says so rather than "unknown page".
    var drafts = NameIndex()
    /// Files that failed to load; links to them are not reported a second time.
    var unreadable = UnreadablePages()
    /// The content's images, without their bytes.
    var images = ContentImages()

    func resolve(_ reference: InlineReference) -> Result<ResolvedReference, Diagnostic> {
        switch reference.kind {
        case .wikiLink(let target, let fragment, let label):
            return resolveWiki(target: target, fragment: fragment, label: label, at: reference.location)
        case .citation(let ids):
            var known: [String] = []
            known.reserveCapacity(ids.count)
            for id in ids {
                // The set's own copy of the id: a page keeps what its citations resolved
                // to until it is rendered, and a source cited 300 times was 300 strings.
                if let index = sourceIDs.firstIndex(of: id) {
                    known.append(sourceIDs[index])
                } else if unreadable.sourceIDs.contains(id) {
                    known.append(id)
                } else {
                    return .failure(Self.unknownSource(id, at: reference.location, known: sourceIDs))
                }
            }
            return .success(.citation(ids: known))
        case .link(let url):
            return resolveLink(url, at: reference.location)
        case .image(let image):
            return FigureResolver(images: images, sourceIDs: sourceIDs).resolve(
                image, at: reference.location, contentFile: contentRelative(reference.location.file))
        case .wikiLinkWithHTML:
            return .failure(
                .warning(
                    "HTML inside a wiki link: no link is made, and the text is shown as written", at: reference.location,
                    hint: "write the label as plain text, e.g. [[Mali|the Malian state]]"))
        }
    }

    private func resolveWiki(
        target: String, fragment: String?, label: String?, at location: SourceLocation
    ) -> Result<ResolvedReference, Diagnostic> {
        let page: LinkTarget
        if target.isEmpty {  // [[#Heading]] on the same page
            guard let own = pagesByContentFile[contentRelative(location.file)] else { return .success(.keep) }
            page = own
        } else {
            switch names.resolve(target) {
            case .found(let found): page = found
            case .ambiguous(let candidates): return .failure(Self.ambiguity(target, candidates, at: location))
            case .missing(_) where unreadable.has(name: target):
                return .success(.keep)
            case .missing(let suggestion):
                if let draft = drafts.firstMatch(target) {
                    return .failure(
                        .error(
                            "'\(target)' is a draft page, left out of this build", at: location,
                            hint: "build with --drafts to include drafts, or remove 'draft: true' from \(draft.file)"))
                }
                return .failure(
                    .error(
                        "unknown page '\(target)' in wiki link", at: location,
                        hint: suggestion.map { "did you mean '\($0)'?" } ?? "link by the title, an alias or the slug of a page"))
            }
        }
        var id: String?
        if let fragment {
            switch heading(fragment, on: page) {
            case .success(let found): id = found
            case .failure(let diagnostic): return .failure(diagnostic.relocated(location))
            }
        }
        return .success(.page(page, fragment: id, label: label ?? (target.isEmpty ? fragment! : page.title)))
    }

    /// `#Article 127` or `#article-127` → the heading's id on that page.
    private func heading(_ fragment: String, on page: LinkTarget) -> Result<String, Diagnostic> {
        let list = headings[page.path] ?? []
        let wanted = HeadingIDs.base(for: fragment)
        if let match = list.first(where: {
            $0.id == fragment || $0.id == wanted || NameIndex.normalize($0.text) == NameIndex.normalize(fragment)
        }) {
            return .success(match.id)
        }
        let suggestion = Suggestions.closest(to: fragment, among: list.map(\.text))
        return .failure(
            .error(
                "'\(page.title)' has no heading '\(fragment)'", at: SourceLocation(file: page.file),
                hint: suggestion.map { "did you mean '\($0)'?" }
                    ?? (list.isEmpty ? "that page has no headings" : "headings there: \(list.map(\.text).joined(separator: ", "))")))
    }

    private func resolveLink(_ url: String, at location: SourceLocation) -> Result<ResolvedReference, Diagnostic> {
        let path: String
        let fragment: String?
        switch LinkDestination(url) {
        case .external: return .success(.external)
        case .file: return .success(.keep)
        case .unsafeScheme(let scheme):
            return .failure(
                .error(
                    "link with unsafe URL scheme '\(scheme):' is refused", at: location,
                    hint: "links may use http:, https:, mailto: or a relative path"))
        case .page(let pagePath, let pageFragment): (path, fragment) = (pagePath, pageFragment)
        }
        let decoded = path.removingPercentEncoding ?? path
        guard let contentPath = URLPaths.resolveContentLink(decoded, fromContentFile: contentRelative(location.file)),
            let page = pagesByContentFile[contentPath]
        else {
            if let contentPath = URLPaths.resolveContentLink(decoded, fromContentFile: contentRelative(location.file)),
                unreadable.files.contains(contentPath)
            {
                return .success(.keep)
            }
            return .failure(
                .error(
                    "link to '\(path)' does not lead to a page in the content folder", at: location,
                    hint: "write the path relative to this file, for example ../entities/countries/mali.md"))
        }
        var id: String?
        if let fragment, !fragment.isEmpty {
            switch heading(fragment, on: page) {
            case .success(let found): id = found
            case .failure(let diagnostic): return .failure(diagnostic.relocated(location))
            }
        }
        return .success(.page(page, fragment: id, label: page.title))
    }

    private func contentRelative(_ file: String) -> String {
        file.hasPrefix(contentPrefix) ? String(file.dropFirst(contentPrefix.count)) : file
    }

    static func ambiguity(_ name: String, _ candidates: [LinkTarget], at location: SourceLocation) -> Diagnostic {
        let names = candidates.map { "'\($0.title)' (\($0.file))" }.joined(separator: " and ")
        return .error(
            "'\(name)' is ambiguous: it names \(names)", at: location,
            hint:
                "link by slug, e.g. [[\(candidates[0].path.split(separator: "/").last.map(String.init) ?? name)]], or remove the shared alias"
        )
    }

    static func unknownSource(_ id: String, at location: SourceLocation, known: Set<String>) -> Diagnostic {
        .error(
            "unknown source '\(id)'", at: location,
            hint: Suggestions.closest(to: id, among: known.sorted()).map { "did you mean '\($0)'?" }
                ?? "add Content/sources/\(id).md, or cite an existing source id")
    }
}

extension Diagnostic {
    /// Keeps the message and hint but reports at the reference, not at the target page.
    func relocated(_ location: SourceLocation) -> Diagnostic {
        var copy = self
        copy.location = location
        return copy
    }
}

/// What an ordinary link's URL names, told from the URL alone.
enum LinkDestination: Equatable {
    /// `http:`, `https:`, `mailto:` or `tel:`: kept as written.
    case external
    /// Any other scheme (`javascript:`, `file:`…): refused.
    case unsafeScheme(String)
    /// A relative path to something other than a Markdown file: kept as written.
    case file
    /// A `.md` file, which must be a page of the content folder.
    case page(path: String, fragment: String?)

    init(_ url: String) {
        let lower = url.lowercased().trimmingSpaces()
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/"), !lower[..<colon].contains("#") {
            let scheme = String(lower[..<colon])
            self = ["http", "https", "mailto", "tel"].contains(scheme) ? .external : .unsafeScheme(scheme)
            return
        }
        var path = url
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            path = String(url[..<hash])
            fragment = String(url[url.index(after: hash)...]).removingPercentEncoding
        }
        self = path.lowercased().hasSuffix(".md") ? .page(path: path, fragment: fragment) : .file
    }
}

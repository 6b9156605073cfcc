/// Everything needed to render one page: where it is (for relative URLs) and the site.
struct PageContext {
    let site: LinkedSite
    /// The site's Markdown as the link stage rendered it, which bodies are made from.
    let renderedAhead: RenderedAhead
    let timeline: Timeline
    let path: String
    let portable: Bool
    /// For the 404 page, which a host serves at any depth: links start from the site's
    /// root path (`/dossier/`) instead of being relative to where the page is.
    var absoluteRoot: String? = nil
    /// The print edition links to the published pages but shows its images from the copy
    /// it is part of, so that a PDF printed from the disk has them.
    var filesStayRelative = false
    /// The print edition: images load at once, since Chromium prints the PDF when the page
    /// has loaded, and a lazy image may or may not be there by then.
    var forPaper = false
    /// The print edition's one numbering of sources for the whole document; nil: each
    /// page numbers its own.
    var bibliography: Bibliography? = nil
    /// Plain text of the Markdown this page renders as a body, for the search index.
    let bodyText = TextCollector()
    /// On a page of a language edition: the edition's folder and the language of the pages
    /// outside it, whose links are marked as leading to another language.
    var fallbackLanguage: (prefix: String, code: String)? = nil
    /// The interface words of the page's language (`Templates/i18n/`), for the names dossier
    /// gives things (kinds of entity, source and page, reliability, status); a name the
    /// file does not give stays in English.
    var words: [String: String] = [:]
    /// On a page of a language edition: the site-wide pages (lists, timeline, graph, search,
    /// feeds) the edition has too, by their path in the default language; links to them
    /// stay in the edition's folder.
    var editionPages: Set<String> = []
    /// The timeline marks' names, shared by the pages of one render (see `MarkNames`).
    var markNames: TimelineDrawing.MarkNames? = nil
    /// Each source's link in this page's citation markers, made when first cited.
    private let citationLinks = CitationLinks()

    func url(_ target: String) -> String {
        siteURL(inLanguage(target))
    }

    /// The URL of `target` as it is, in whatever language (the language switcher's).
    func siteURL(_ target: String) -> String {
        if let absoluteRoot { return absoluteRoot + target }
        return URLPaths.relative(from: path, to: target, portable: portable)
    }

    /// The site's root folder, whatever the page's language.
    var rootURL: String {
        absoluteRoot ?? URLPaths.relative(from: path, to: "", portable: false)
    }

    /// `target` in this page's language: a site-wide page the edition has too is its copy
    /// in the edition's folder (`timeline/#x` → `fr/timeline/#x`).
    func inLanguage(_ target: String) -> String {
        guard let prefix = fallbackLanguage?.prefix, !editionPages.isEmpty, editionPages.contains(Self.page(of: target)) else {
            return target
        }
        return prefix + target
    }

    /// The language of the page at `target` when it is not this page's (a page of a
    /// language edition linking to an untranslated page); nil when it is.
    func otherLanguage(of target: String) -> String? {
        guard let fallback = fallbackLanguage, !target.hasPrefix(fallback.prefix), !editionPages.contains(Self.page(of: target)) else {
            return nil
        }
        return fallback.code
    }

    private static func page(of target: String) -> String {
        target.firstIndex(of: "#").map { String(target[..<$0]) } ?? target
    }

    /// The address of a file the page shows (an image), rather than one it links to.
    func fileURL(_ target: String) -> String {
        filesStayRelative ? URLPaths.relative(from: path, to: target, portable: portable) : url(target)
    }

    /// Body or inline Markdown of this page, links resolved and made relative.
    func html(_ markdown: MarkdownText, inline: Bool = false) -> String {
        // Rendered while linking, but for the gaps; parsed again only if it could not be.
        if let unit = renderedAhead.unit(markdown), let prepared = unit.prepared, inline == (prepared.text == nil),
            let (html, text) = prepared.filled({ replacement(for: unit.resolved[$0], isLink: prepared.gaps[$0].isLink) })
        {
            if let text { bodyText.append(text) }
            return html
        }
        let document = MarkdownDocument(markdown)
        document.rewrite(allowRawHTML: site.catalog.site.allowRawHTML) { reference in
            replacement(for: try? site.resolver.resolve(reference).get(), isLink: reference.kind.isLink)
        }
        if !inline { bodyText.append(document.plainText()) }
        return inline ? document.renderInlineHTML() : document.renderHTML()
    }

    func inlineHTML(_ value: Located<String>) -> String {
        html(
            MarkdownText(text: value.value, firstLine: value.location.line, file: value.location.file, firstColumn: value.location.column),
            inline: true)
    }

    /// What a reference shows on this page, given what it resolved to (nil: it did not).
    private func replacement(for resolved: ResolvedReference?, isLink: Bool) -> InlineReplacement {
        switch resolved {
        case .page(let target, let fragment, let label):
            let destination = url(target.path + (fragment.map { "#" + $0 } ?? ""))
            if let fallback = fallbackLanguage, !isLink, !target.path.hasPrefix(fallback.prefix) {
                // An untranslated page: the reader is told before following the link.
                return .html(
                    "<a class=\"xref\" href=\"\(HTML.escape(destination))\" hreflang=\"\(fallback.code)\">\(HTML.escape(label))</a>"
                        + "<span class=\"language-marker\" lang=\"\(fallback.code)\"> (\(fallback.code))</span>")
            }
            return isLink ? .url(destination) : .link(url: destination, label: label, cssClass: "xref")
        case .citation(let ids):
            return .html(citationMarker(ids))
        case .image(let image):
            return .html(imageHTML(image))
        case .external, .keep:
            return .keep
        case nil:
            return isLink ? .url("#") : .keep
        }
    }

    /// Number of a source in this page's reference list, in first-cited order.
    func citationNumber(_ id: String) -> Int? {
        if let bibliography { return bibliography.number(for: id) }
        return site.citations[path]?.firstIndex(of: id).map { $0 + 1 }
    }

    func citationMarker(_ ids: [String]) -> String {
        // A page cites a few sources many times: each link is made once per page.
        let links = ids.compactMap { id -> String? in
            citationLinks.link(for: id) {
                guard let number = citationNumber(id) else { return nil }
                let title = HTML.escape(site.sourcesByID[id]?.header.title.value ?? "")
                return "<a href=\"\(bibliography?.href(number) ?? "#ref-\(number)")\" title=\"\(title)\">\(number)</a>"
            }
        }
        return "<sup class=\"cite\">[\(links.joined(separator: ", "))]</sup>"
    }

    /// The page's numbered sources, shown at its foot.
    func references() -> [[String: Any]] {
        (site.citations[path] ?? []).enumerated().compactMap { index, id in
            guard let source = site.sourcesByID[id] else { return nil }
            var values = sourceValues(source)
            values["number"] = index + 1
            values["anchor"] = "ref-\(index + 1)"
            return values
        }
    }

    func sourceValues(_ source: Source) -> [String: Any] {
        let words = interfaceWords
        let kind = words.sourceKind(source.kind)
        let reliability = source.reliability.map(words.reliability)
        let values: [String: Any] = [
            "id": source.id,
            "title": source.header.title.value,
            "publisher": source.publisher,
            "date": source.date.map(DateFormatting.display) ?? false,
            "external_url": source.url ?? false,
            "kind": kind,
            "language": source.language ?? false,
            "note": source.note ?? false,
            "url": url(source.header.path),
            "accessed": source.accessed.map(DateFormatting.display) ?? false,
            "archive_url": source.archiveURL ?? false,
            "original_gone": source.originalGone,
            "reliability": reliability ?? false,
            "reliability_id": source.reliability?.rawValue ?? false,
        ]
        return values.merging(sourceLanguages(source)) { $1 }
    }

    /// `key` in the page's language, or `english` when the interface words lack it.
    func word(_ key: String, or english: String) -> String { words[key] ?? english }

    /// `key`'s sentence in the page's language with its `{name}`s filled in: for sentences
    /// made in Swift, whose word order differs between languages.
    func phrase(_ key: String, or english: String, _ values: [String: String]) -> String {
        interfaceWords.phrase(key, or: english, values)
    }

    /// The page's words, for what is made outside it (drawings, the tracker).
    var interfaceWords: InterfaceWords { InterfaceWords(table: words) }

    /// A number with its thousands grouped as the page's language writes them.
    func number(_ value: Int) -> String {
        let separator = word("thousands_separator", or: ",")
        return value < 1000 || separator == "," ? grouped(value) : grouped(value).replacingOccurrences(of: ",", with: separator)
    }

    /// On a page of a language edition: `hreflang` of a link to the source's page (in the
    /// default language), and `title_lang`, the language of its title when it is not the
    /// page's. Both false in the default language, whose pages stay as they were.
    func sourceLanguages(_ source: Source) -> [String: Any] {
        guard fallbackLanguage != nil else { return ["hreflang": false, "title_lang": false] }
        let page = site.catalog.site.language
        let title = source.language.flatMap { $0 != page && LanguageConfigParser.isLanguageCode($0) ? $0 : nil }
        return ["hreflang": otherLanguage(of: source.header.path) ?? false, "title_lang": title ?? false]
    }

    /// `lang`: the language of the target when it is not the page's (false when it is);
    /// `link`: all three written as a link (see `linkHTML`).
    func link(_ target: LinkTarget) -> [String: Any] { linkItem(target.title, target.path) }

    /// The values of a link to the page at `path` (as `link` has them), and `more`.
    func linkItem(_ title: String, _ path: String, _ more: [String: Any] = [:]) -> [String: Any] {
        let url = url(path), lang = otherLanguage(of: path)
        var item = more
        item["title"] = title
        item["url"] = url
        item["lang"] = lang ?? false
        item["link"] = Self.linkHTML(title: title, url: url, lang: lang)
        return item
    }

    /// A link to a page, as `<a href="{{url}}"{{#lang}} hreflang="{{.}}" lang="{{.}}"{{/lang}}>{{title}}</a>`
    /// followed by `{{#lang}}<span class="language-marker" lang="{{.}}"> ({{.}})</span>{{/lang}}`
    /// would write it, for `{{{link}}}`: one name for the template to look up instead of
    /// four. Hub pages list thousands of links, and each name a template looks up costs
    /// about 2 µs (the README's Benchmark section).
    static func linkHTML(title: String, url: String, lang: String?) -> TemplateText {
        var html = "<a href=\"" + HTML.escape(url) + "\""
        if let lang {
            let code = HTML.escape(lang)
            html += " hreflang=\"" + code + "\" lang=\"" + code + "\">" + HTML.escape(title) + "</a>"
            html += "<span class=\"language-marker\" lang=\"" + code + "\"> (" + code + ")</span>"
        } else {
            html += ">" + HTML.escape(title) + "</a>"
        }
        return TemplateText(renderText: html)
    }

    func eventValues(_ event: TimelineEvent) -> [String: Any] {
        let asOf = timeline.asOf
        let pageURL = url(event.path)
        var values: [String: Any] = [
            "anchor": event.anchor,
            "title": event.title,
            "date": DateFormatting.display(event.date),
            "iso_date": event.date.firstDayISO,
            "status": event.status.rawValue,
            "status_label": word("status_" + event.status.rawValue, or: event.status.rawValue),
            "kind": event.kind ?? false,
            "url": pageURL,
            "link": Self.linkHTML(title: event.title, url: pageURL, lang: titleLanguage(event)),
            "timeline_url": url(event.rowPath),
            "entities": event.entities.map(link),
            "sources": event.sources.compactMap { id in
                site.sourcesByID[id].map {
                    (["title": $0.header.title.value, "url": url($0.header.path)] as [String: Any]).merging(sourceLanguages($0)) { $1 }
                }
            },
            "notes": event.notes,
            "date_note": event.dateNote ?? false,
            "is_future": asOf.map { event.date.firstDay > $0.lastDay } ?? false,
            "derived": false,
            "changed": changed((event.page ?? event.derivation?.cause)?.path),
            "lang": titleLanguage(event) ?? false,
            // What the build says about a date, it says in each edition's own words.
            "notes_lang": false,
        ]
        if let derivation = event.derivation {
            values["derived"] = [
                "cause": link(derivation.cause),
                "treaty": link(derivation.treaty),
                "article": interfaceWords.article(derivation.article),
                "period": interfaceWords.period(derivation.period),
            ]
        }
        return values
    }

    /// The language of an event's title when it is not the page's: an untranslated event.
    /// A computed one's title the build writes in each edition's own words.
    func titleLanguage(_ event: TimelineEvent) -> String? {
        guard fallbackLanguage != nil, let page = event.page else { return nil }
        return otherLanguage(of: page.path)
    }

    /// When a page last changed, for "new since you last looked" (`data-changed`); false if unknown.
    func changed(_ path: String?) -> Any {
        path.flatMap { site.catalog.lastChanged[$0]?.sortKey } ?? false
    }

    func pendingValues(_ pending: PendingWithdrawal) -> [String: Any] {
        [
            "state": link(pending.state), "treaty": link(pending.treaty), "article": interfaceWords.article(pending.article),
            "announcement": link(pending.announcement),
        ]
    }
}

/// Citation links made while a page renders; one per page, never shared between tasks.
final class CitationLinks {
    private var links: [String: String?] = [:]

    func link(for id: String, make: () -> String?) -> String? {
        if let known = links[id] { return known }
        let link = make()
        links[id] = link
        return link
    }
}

/// Collects text while a page renders; one per page, never shared between tasks.
final class TextCollector {
    private(set) var text = ""

    func append(_ part: String) {
        if !text.isEmpty { text += " " }
        text += part
    }
}

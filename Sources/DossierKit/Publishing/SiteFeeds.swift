import Foundation

/// The files that tell machines about the site: `sitemap.xml`, `robots.txt` and the Atom
/// feed `feed.xml`. Every date in them comes from the content (a briefing's dates, an
/// event's date, the dossier's `as_of`), never from the clock, so builds are repeatable.
enum SiteFeeds {
    static let feedPath = "feed.xml"
    static let sitemapPath = "sitemap.xml"

    /// With `languages`, each page with versions in other languages lists them all
    /// (itself included) and `x-default`, as `xhtml:link` alternates.
    static func sitemap(
        _ pages: [RenderedPage], site config: SiteConfig, lastChanged: [String: LastChanged] = [:], languages: LanguageLinks? = nil
    )
        -> Data
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += languages == nil ? ">\n" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for page in pages.sorted(by: { $0.job.path < $1.job.path }) {
            if case .notFound = page.job.kind { continue }
            // A translation changed when its original's page says (the translation's own date is not kept apart).
            let original = languages?.original(ofPage: page.job.path) ?? page.job.path
            xml += "  <url><loc>\(HTML.escape(config.baseURL + page.job.path))</loc>"
            if let date = lastModified(page.job.kind, site: config, changed: lastChanged[original]) { xml += "<lastmod>\(date)</lastmod>" }
            if let languages {
                let values = languages.values(path: page.job.path, language: languages.language(ofPage: page.job.path)) { $0 }
                for alternate in values["alternates"] as? [[String: Any]] ?? [] {
                    xml +=
                        "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(alternate["hreflang"] as? String ?? "")\" href=\"\(HTML.escape(alternate["url"] as? String ?? ""))\"/>"
                }
                if !(values["alternates"] as? [Any] ?? []).isEmpty { xml += "\n  " }
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return Data(xml.utf8)
    }

    /// W3C Datetime allows `2025`, `2025-09` and `2025-09-22`: the precision the content has.
    /// When the page last changed (front matter, else git) wins over the older rules.
    static func lastModified(_ kind: PageKind, site config: SiteConfig, changed: LastChanged? = nil) -> String? {
        if let changed { return changed.w3cDatetime }
        if case .briefing(let briefing) = kind, let date = briefing.updated ?? briefing.date { return date.start.isoString }
        return config.asOf?.start.isoString
    }

    static func robots(site config: SiteConfig) -> Data {
        Data("User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(sitemapPath)\n".utf8)
    }

    struct Entry {
        var path: String
        var title: String
        var summary: String
        var category: String
        /// A full Atom timestamp.
        var updated: String
        var published: String?
    }

    /// Briefings and events, newest first.
    static func entries(_ catalog: Catalog) -> [Entry] {
        let asOf = catalog.site.asOf?.firstDayISO
        // An event's entry is dated by the event, but never after the day the dossier
        // is current to: a projected deadline is not news from the future.
        func clamp(_ day: String) -> String { asOf.map { min(day, $0) } ?? day }
        func timestamp(_ day: String) -> String { day + "T00:00:00Z" }
        var entries: [Entry] = []
        for briefing in catalog.briefings {
            let changed = catalog.lastChanged[briefing.header.path]?.atomTimestamp
            guard let updated = changed ?? ((briefing.updated ?? briefing.date)?.firstDayISO ?? asOf).map(timestamp) else { continue }
            entries.append(
                Entry(
                    path: briefing.header.path, title: briefing.header.title.value, summary: briefing.header.summary ?? "",
                    category: "Briefing", updated: updated, published: briefing.date?.firstDayISO))
        }
        for event in catalog.events {
            let date = DateFormatting.display(event.date.value)
            entries.append(
                Entry(
                    path: event.header.path, title: "\(date): \(event.header.title.value)", summary: event.header.summary ?? "",
                    category: "Event",
                    updated: catalog.lastChanged[event.header.path]?.atomTimestamp ?? timestamp(clamp(event.date.value.firstDayISO)),
                    published: nil))
        }
        return entries.sorted { ($0.updated, $1.path) > ($1.updated, $0.path) }
    }

    /// `edition`: the feed of a language edition, in its folder; its entries for pages it
    /// has no translation of are marked as in the fallback language (`xml:lang`).
    static func atom(_ catalog: Catalog, edition: (prefix: String, fallback: String)? = nil) -> Data {
        let config = catalog.site
        let folder = edition?.prefix ?? ""
        let entries = entries(catalog)
        func timestamp(_ day: String) -> String { day + "T00:00:00Z" }
        let updated = entries.map(\.updated).max() ?? timestamp(config.asOf?.firstDayISO ?? "1970-01-01")
        func text(_ value: String) -> String { HTML.escape(value) }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(text(config.language))">
              <title>\(text(config.title))</title>
              <subtitle>\(text(config.description))</subtitle>
              <link rel="self" type="application/atom+xml" href="\(text(config.baseURL + folder + feedPath))"/>
              <link rel="alternate" type="text/html" href="\(text(config.baseURL + folder))"/>
              <id>\(text(config.baseURL + folder))</id>
              <updated>\(updated)</updated>
              <author><name>\(text(config.author ?? config.title))</name></author>
              <generator>dossier</generator>

            """
        for entry in entries {
            let url = text(config.baseURL + entry.path)
            xml += "  <entry>\n"
            let lang = edition.flatMap { entry.path.hasPrefix($0.prefix) ? nil : " xml:lang=\"\($0.fallback)\"" } ?? ""
            xml += "    <title\(lang)>\(text(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <updated>\(entry.updated)</updated>\n"
            if let published = entry.published { xml += "    <published>\(timestamp(published))</published>\n" }
            xml += "    <category term=\"\(text(entry.category))\"/>\n"
            if !entry.summary.isEmpty { xml += "    <summary\(lang)>\(text(entry.summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }
}

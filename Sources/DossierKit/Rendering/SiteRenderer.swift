import Foundation

/// One page to write: its output file, its layout and how to compute its values.
struct RenderJob: Sendable {
    var path: String  // site path of the page ("" for home)
    var file: String  // output file, e.g. "entities/countries/mali/index.html"
    var template: String
    var title: String
    var description: String
    var values: @Sendable (PageContext) -> [String: Any]
}

/// The `render` stage: every page is an independent job, rendered in parallel and
/// handed to `write` as soon as it is done, so the whole site is never held in memory.
public struct SiteRenderer: Sendable {
    let site: LinkedSite
    let timeline: Timeline
    let templates: TemplateSet
    let portable: Bool

    public init(site: LinkedSite, timeline: Timeline, templates: TemplateSet, portable: Bool) {
        self.site = site
        self.timeline = timeline
        self.templates = templates
        self.portable = portable
    }

    var jobs: [RenderJob] {
        let catalog = site.catalog
        let description = catalog.site.description
        var jobs: [RenderJob] = []
        func add(_ path: String, _ template: String, _ title: String, _ summary: String?, _ values: @escaping @Sendable (PageContext) -> [String: Any]) {
            let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
            jobs.append(RenderJob(path: path, file: file, template: template, title: title, description: summary ?? description, values: values))
        }
        let home = catalog.home
        add("", "home", home?.title.value ?? catalog.site.title, home?.summary) { $0.home(home) }
        add("briefings/", "list", "Briefings", "All briefings of the dossier.") { $0.briefingList() }
        for briefing in catalog.briefings {
            add(briefing.header.path, "briefing", briefing.header.title.value, briefing.header.summary) { $0.briefing(briefing) }
        }
        add("entities/", "list", "Entities", "Every entity in the dossier.") { $0.entityList(kind: nil) }
        for kind in EntityKind.allCases where catalog.entities.contains(where: { $0.kind == kind }) {
            add("entities/\(kind.folder)/", "list", kind.pluralTitle, "\(kind.pluralTitle) in the dossier.") { $0.entityList(kind: kind) }
        }
        for entity in catalog.entities {
            add(entity.header.path, "entity", entity.header.title.value, entity.header.summary) { $0.entity(entity) }
        }
        let rows = Dictionary(timeline.events.compactMap { row in row.page.map { ($0.path, row) } }, uniquingKeysWith: { a, _ in a })
        for event in catalog.events {
            let row = rows[event.header.path]
            let consequences = timeline.events.filter { $0.derivation?.cause.path == event.header.path }
            let summary = event.header.summary ?? "\(DateFormatting.display(event.date.value)): \(event.header.title.value)"
            add(event.header.path, "event", event.header.title.value, summary) { $0.event(event, row: row, consequences: consequences) }
        }
        add("timeline/", "timeline", "Timeline", "Every dated event of the dossier, with derived treaty deadlines.") { $0.timelinePage() }
        add("sources/", "sources", "Sources", "Every source the dossier relies on.") { $0.sourcesPage() }
        add("graph/", "graph", "Relationship graph", "How the dossier’s entities relate.") { context in
            ["graph": GraphDrawing.whole(context.site, url: context.url)]
        }
        add("404.html", "404", "Page not found", nil) { _ in [:] }
        return jobs
    }

    /// Renders every page; returns diagnostics (template problems) and the page count.
    public func render(write: @escaping @Sendable (String, Data) throws -> Void) async -> (pages: [String], diagnostics: [Diagnostic]) {
        let results = await Parallel.map(jobs) { job -> (String, [Diagnostic]) in
            let context = PageContext(site: site, timeline: timeline, path: job.path, portable: portable)
            var values = job.values(context)
            common(job, context).forEach { values[$0.key] = $0.value }
            var (html, diagnostics) = templates.render(job.template, values)
            do {
                try write(job.file, Data(html.utf8))
            } catch {
                diagnostics.append(.error("cannot write \(job.file): \(error.localizedDescription)", at: SourceLocation(file: job.file)))
            }
            return (job.path, diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for (_, list) in results { for d in list where seen.insert(d).inserted { diagnostics.append(d) } }
        return (results.map(\.0), diagnostics)
    }

    /// Values every layout gets (see the README's list).
    private func common(_ job: RenderJob, _ context: PageContext) -> [String: Any] {
        let config = site.catalog.site
        let nav: [(String, String)] = [
            ("Briefings", "briefings/"), ("Entities", "entities/"), ("Timeline", "timeline/"), ("Graph", "graph/"), ("Sources", "sources/"),
        ]
        return [
            "site_title": config.title,
            "site_description": config.description,
            "lang": config.language,
            "page_title": job.title,
            "page_description": job.description,
            "is_home": job.path.isEmpty,
            "home_url": context.url(""),
            "root": context.url("").replacingOccurrences(of: "index.html", with: ""),
            "canonical_url": config.baseURL + (job.path == "404.html" ? "404.html" : job.path),
            "stylesheet": context.url("assets/style.css"),
            // A 404 page is served at any depth, so it resolves its relative links from
            // the site's own root path, taken from the base URL.
            "base_href": job.path == "404.html" ? (URLComponents(string: config.baseURL)?.path ?? "/") : false,
            "as_of": config.asOf.map(DateFormatting.display) ?? false,
            "nav": nav.map { title, path in
                ["title": title, "url": context.url(path), "current": job.path.hasPrefix(path)]
            },
        ]
    }
}


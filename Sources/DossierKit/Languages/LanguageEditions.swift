import Foundation

/// The other languages of a build: each edition linked, its timeline made, and its
/// translated pages rendered under `<code>/` with the same templates.
enum LanguageEditions {
    struct Linked: Sendable {
        var edition: LanguageEdition
        var site: LinkedSite
        var renderedAhead: RenderedAhead
        var timeline: Timeline
    }

    /// Diagnostics are those of the translations: the originals were linked already.
    static func link(_ catalog: Catalog, contentPrefix: String) async -> ([Linked], [Diagnostic]) {
        var linked: [Linked] = []
        var diagnostics: [Diagnostic] = []
        for language in catalog.site.otherLanguages {
            let edition = LanguageEdition(catalog, language: language)
            diagnostics += edition.diagnostics
            let files = Set(catalog.translations.filter { $0.language == language.code }.map(\.file))
            let (site, renderedAhead, linkDiagnostics) = await Linker.link(
                edition.catalog, contentPrefix: contentPrefix, textLimit: nil, reuse: nil)
            diagnostics += linkDiagnostics.filter { files.contains($0.location.file) }
            linked.append(Linked(edition: edition, site: site, renderedAhead: renderedAhead, timeline: TimelineBuilder.build(site)))
        }
        return (linked, diagnostics)
    }

    /// Renders each edition's translated pages; French pages get French spacing.
    static func render(
        _ editions: [Linked], templates: TemplateSet, assets: SiteAssets, portable: Bool, links: LanguageLinks, strings: InterfaceStrings,
        write: @escaping @Sendable (String, Data) throws -> Void
    ) async -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for linked in editions {
            let code = linked.edition.language.code
            var renderer = SiteRenderer(
                site: linked.site, renderedAhead: linked.renderedAhead, timeline: linked.timeline, templates: templates, assets: assets,
                portable: portable)
            renderer.languageLinks = links
            renderer.strings = strings
            renderer.staleTranslations = linked.edition.stalePaths
            renderer.fallbackLanguage = (prefix: linked.edition.prefix, code: links.languages.first?.code ?? "en")
            let pages = RenderPlan.Selection(pages: Set(linked.edition.originalPaths.keys))
            let french = code == "fr"
            let (_, found) = await DateFormatting.$language.withValue(code) {
                await renderer.renderPages(renderer.jobs(in: pages)) { path, data in
                    guard french, path.hasSuffix(".html") else { return try write(path, data) }
                    try write(path, Data(FrenchTypography.apply(toHTML: String(decoding: data, as: UTF8.self)).utf8))
                }
            }
            diagnostics += found
        }
        return diagnostics
    }
}

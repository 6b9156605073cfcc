import Foundation

/// The files of a site besides its pages: assets, the timeline's data, the sitemap,
/// robots.txt and the feed. Written by every build, full or incremental.
struct SiteFiles {
    let site: LinkedSite
    let timeline: Timeline
    let assets: SiteAssets

    func contents(pages: [RenderedPage]) -> [(path: String, data: Data)] {
        let config = site.catalog.site
        var files = assets.assets.map { ($0.outputPath, $0.data) }
        files += [
            ("timeline.json", TimelineExports.json(timeline, baseURL: config.baseURL)),
            ("events.ics", TimelineExports.iCalendar(timeline, site: config)),
            (SiteFeeds.sitemapPath, SiteFeeds.sitemap(pages, site: config)),
            ("robots.txt", SiteFeeds.robots(site: config)),
            (SiteFeeds.feedPath, SiteFeeds.atom(site.catalog)),
            // GitHub Pages would otherwise run Jekyll, which drops files starting with "_" or ".".
            (".nojekyll", Data()),
        ]
        return files
    }

    /// Into the staging folder of a full build.
    func writeAll(pages: [RenderedPage], into output: OutputFolder) throws {
        for file in contents(pages: pages) { try output.write(file.path, file.data) }
    }

    /// Over the assets of the served folder, each replaced in one step.
    func writeAssets(replacingIn output: OutputFolder) throws {
        for asset in assets.assets { try output.replace(asset.outputPath, asset.data) }
    }
}

import Foundation

/// The files of a site besides its pages: assets, the timeline's data, the sitemap,
/// robots.txt and the feed. Written by every build, full or incremental.
struct SiteFiles {
    let site: LinkedSite
    let timeline: Timeline
    let assets: SiteAssets

    /// The files besides the pages. The exports are independent of each other, so they are
    /// made in parallel: one after the other they were the whole of the writing stage's
    /// time at 10,000 pages, on one core.
    func contents(pages: [RenderedPage]) async -> [(path: String, data: Data)] {
        let config = site.catalog.site
        let (site, timeline) = (self.site, self.timeline)
        let exports: [@Sendable () -> (String, Data)] = [
            { ("timeline.json", TimelineExports.json(timeline, baseURL: config.baseURL)) },
            { ("events.ics", TimelineExports.iCalendar(timeline, site: config)) },
            { (SiteFeeds.sitemapPath, SiteFeeds.sitemap(pages, site: config)) },
            { ("robots.txt", SiteFeeds.robots(site: config)) },
            { (SiteFeeds.feedPath, SiteFeeds.atom(site.catalog)) },
            // GitHub Pages would otherwise run Jekyll, which drops files starting with "_" or ".".
            { (".nojekyll", Data()) },
        ]
        let made = await Parallel.map(exports) { $0() }
        return assets.assets.map { ($0.outputPath, $0.data) } + made.map { (path: $0.0, data: $0.1) }
    }

    /// Into the staging folder of a full build.
    func writeAll(pages: [RenderedPage], into output: OutputFolder) async throws {
        for file in await contents(pages: pages) { try output.write(file.path, file.data) }
    }

    /// Over the assets of the served folder, each replaced in one step.
    func writeAssets(replacingIn output: OutputFolder) throws {
        for asset in assets.assets { try output.replace(asset.outputPath, asset.data) }
    }
}

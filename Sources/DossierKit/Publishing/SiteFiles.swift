import Foundation

/// The files of a site besides its pages: assets, the timeline's data, the sitemap,
/// robots.txt and the feed. Written by every build, full or incremental.
struct SiteFiles {
    let site: LinkedSite
    let timeline: Timeline
    let assets: SiteAssets
    var changeLog: ChangeLog? = nil
    /// A multilingual site: the pages of its other languages, which join the sitemap,
    /// and which page stands for which, for its alternates.
    var languageLinks: LanguageLinks? = nil
    var editionPages: [RenderedPage] = []

    /// The files made from front matter alone: the timeline's data, the feed, robots.txt.
    /// They are independent of each other and of the pages, so they are made in parallel,
    /// and a full build makes them while its pages render: after the pages, one after the
    /// other, they were the whole of the writing stage's time at 10,000 pages, on one core.
    /// Each is written into staging as soon as it is made: held until the pages were
    /// rendered, they were 9 MB of the build's peak of memory at 10,000 pages.
    func writeFrontMatterFiles(into output: OutputFolder) async throws {
        let written = await Parallel.map(frontMatterFileMakers()) { make -> (any Error)? in
            let (path, data) = make()
            do { try output.write(path, data) } catch { return error }
            return nil
        }
        if let error = written.lazy.compactMap({ $0 }).first { throw output.writeFailure(error) }
    }

    private func frontMatterFileMakers() -> [@Sendable () -> (String, Data)] {
        let config = site.catalog.site
        let (site, timeline, changeLog) = (self.site, self.timeline, self.changeLog)
        let languages = config.isMultilingual ? TimelineExports.TitleLanguages(code: config.language) : nil
        var exports: [@Sendable () -> (String, Data)] = [
            { ("timeline.json", TimelineExports.json(timeline, baseURL: config.baseURL, languages: languages)) },
            { ("events.ics", TimelineExports.iCalendar(timeline, site: config, languages: languages)) },
            { ("robots.txt", SiteFeeds.robots(site: config)) },
            { (SiteFeeds.feedPath, SiteFeeds.atom(site.catalog)) },
            // GitHub Pages would otherwise run Jekyll, which drops files starting with "_" or ".".
            { (".nojekyll", Data()) },
        ]
        if let changeLog { exports.append { (UpdatesFeed.path, UpdatesFeed.atom(changeLog, site: config)) } }
        return exports
    }

    /// Into the staging folder of a full build, beside the files made from front matter
    /// (`writeFrontMatterFiles`): the assets and the sitemap of `pages`.
    func writeAll(pages: [RenderedPage], into output: OutputFolder) throws {
        for asset in assets.assets { try output.write(asset.outputPath, asset.data) }
        for image in contentImages { try output.write(image.outputPath, image.data) }
        try output.write(
            SiteFeeds.sitemapPath,
            SiteFeeds.sitemap(
                pages + editionPages, site: site.catalog.site, lastChanged: site.catalog.lastChanged, languages: languageLinks))
    }

    /// Over the assets of the served folder, each replaced in one step.
    func writeAssets(replacingIn output: OutputFolder) throws {
        for asset in assets.assets { try output.replace(asset.outputPath, asset.data) }
        for image in contentImages { try output.replace(image.outputPath, image.data) }
    }

    /// The content's images, in path order.
    private var contentImages: [ContentImage] {
        site.catalog.images.byPath.values.sorted { $0.path < $1.path }
    }
}

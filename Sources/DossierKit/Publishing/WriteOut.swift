import Foundation

/// The step every build path ends in (`SiteBuilder.buildSite`): what was rendered is
/// written only if the build found no error, over the last build or by swapping in
/// staging, with the PDF printed from staging before the swap.
extension SiteBuilder {
    /// Where `writeOut` puts what a path rendered.
    enum WriteTarget {
        /// `check`: nothing.
        case nowhere
        /// The pages rendered in memory replace theirs in the last build's output, file
        /// by file, with the assets if given; the last search index goes if its name changed.
        case overLastBuild(OutputFolder, CollectedFiles, previousSearchIndex: String?, assets: SiteFiles?)
        /// The pages are in staging already: the rest of the site joins them, the PDF is
        /// printed from them, and staging replaces the output whole.
        case staging(OutputFolder, SiteFiles)
    }

    /// The step every path ends in: the render's diagnostics are reported, and the output
    /// is written only if there is no error; if writing fails, the output is as it was
    /// (or, over the last build, its pages partly replaced, which the next build redoes).
    /// Returns the size of the PDF, when one was printed.
    func writeOut(_ rendered: SiteRenderer.Output, _ log: inout DiagnosticLog, to target: WriteTarget) throws -> Int? {
        log.report(contentsOf: rendered.diagnostics)
        switch target {
        case .nowhere:
            try log.throwIfErrors()
            return nil
        case .overLastBuild(let output, let collected, let previousIndex, let assets):
            try log.throwIfErrors()
            progress("Writing \(rendered.rendered) page\(rendered.rendered == 1 ? "" : "s")")
            do {
                for file in collected.files(besides: previousIndex) { try output.replace(file.path, file.data) }
                try assets?.writeAssets(replacingIn: output)
                if let previousIndex, previousIndex != rendered.searchIndexPath { try output.remove(previousIndex) }
                // Volumes of the print edition planned last time and not now.
                let volumes = Set(rendered.printPlan?.volumes.map(\.path) ?? [])
                for volume in options.cache?.previous?.printPlan?.volumes ?? [] where !volumes.contains(volume.path) {
                    try output.remove(volume.path)
                }
            } catch {
                throw output.writeFailure(error)
            }
            return nil
        case .staging(let output, let files):
            if log.hasErrors {
                output.discardStaging()
                try log.throwIfErrors()
            }
            progress("Writing")
            do {
                try files.writeAll(pages: rendered.pages, into: output)
                let pdfBytes = try options.pdf.map {
                    let volumes = rendered.pages.filter { $0.job.template == "print-volume" }.count
                    return try printPDF($0, output: output, site: files.site.catalog.site, volumes: volumes)
                }
                try output.commit()
                return pdfBytes
            } catch let failure as BuildFailure {
                output.discardStaging()
                throw failure
            } catch {
                output.discardStaging()
                throw output.writeFailure(error)
            }
        }
    }

    /// Prints the edition written into staging and puts the PDF beside it, so it is swapped
    /// in with the rest of the site, or not at all.
    private func printPDF(_ printer: PDFPrinter, output: OutputFolder, site config: SiteConfig, volumes: Int) throws -> Int {
        progress("Printing the print edition to PDF (\(printer.paper.title))")
        do {
            let title = config.title + (config.asOf.map { ", current to " + DateFormatting.display($0) } ?? "")
            var data = try printer.print(siteFolder: output.staging, title: title)
            if let asOf = config.asOf { data = PDFPrinter.stampDates(data, day: asOf) }
            try output.write(PrintEdition.pdfPath, data)
            // An edition in volumes: each volume is a PDF of its own too, beside its page.
            var total = data.count
            for number in stride(from: 1, through: volumes, by: 1) {
                var volume = try printer.print(
                    siteFolder: output.staging, title: title + ", volume \(number)", page: "volume-\(number).html")
                if let asOf = config.asOf { volume = PDFPrinter.stampDates(volume, day: asOf) }
                try output.write(PrintEdition.path + "volume-\(number).pdf", volume)
                total += volume.count
            }
            return total
        } catch {
            throw BuildFailure([
                .error(
                    "cannot print \(PrintEdition.pdfPath): \(error)", at: SourceLocation(file: printer.chromium),
                    hint: "build without --pdf, or check that '\(printer.chromium) --headless --print-to-pdf' works here")
            ])
        }
    }
}

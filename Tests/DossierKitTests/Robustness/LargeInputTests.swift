import Foundation
import Testing

@testable import DossierKit

extension Robustness.HeavyBuilds {
    @Suite("Large input")
    struct LargeInput {
        static let targetBytes = 20 * 1024 * 1024

        /// About 20 MB of briefing Markdown: headings, long prose paragraphs with emphasis and
        /// external links, tables, and every twentieth paragraph with wiki links and a citation.
        static func largeBriefing() -> (text: String, blocks: Int) {
            let filler =
                "The announcement was read on national television and repeated by the regional press over the following days, "
                + "while observers in the capital asked what the decision would mean for pending cases and for cooperation with the court. "
            var text = "---\ntitle: \"Large briefing\"\nsummary: \"About twenty megabytes of Markdown.\"\ndate: \"2025-09-22\"\n---\n"
            text.reserveCapacity(targetBytes + 4096)
            var index = 0
            while text.utf8.count < targetBytes {
                if index % 50 == 0 {
                    text += "\n## Section \(index / 50)\n\n"
                } else if index % 25 == 0 {
                    text += "| State | Date | Note |\n| --- | --- | --- |\n"
                    for row in 0..<6 {
                        text +=
                            "| Mali | 2025-09-\(10 + row) | row \(row) with *emphasis* and [a link](https://example.org/t/\(index)/\(row)) |\n"
                    }
                    text += "\n"
                } else if index % 20 == 1 {
                    text +=
                        "Paragraph \(index): the junta in [[Mali]] and [[Niger|its neighbour]] announced a withdrawal [@untc]. "
                        + "See [the treaty](https://example.org/p/\(index)), **bold** and _emphasised_ text, « Goïta ». \(filler)\n\n"
                } else {
                    text +=
                        "Paragraph \(index): \(filler)See [the report](https://example.org/p/\(index)) and *one emphasis*. \(filler)\n\n"
                }
                index += 1
            }
            text += "The very last paragraph, number \(index).\n"
            return (text, index)
        }

        @Test("a 20 MB Markdown file builds, in bounded memory (real executable)")
        func twentyMegabyteBriefing() async throws {
            let executable = try #require(DossierExecutable.url, "no dossier executable beside the test products")
            try await withTempSite { site in
                let run = try DossierRun(executable, site)
                let baseline = try await run.build(log: "fixture")
                #expect(baseline.ending == .exited(0), "\(run.stderr("fixture"))")

                let (text, blocks) = Self.largeBriefing()
                try site.write("briefings/large.md", text)
                let large = try await run.build(log: "large")
                #expect(large.ending == .exited(0))
                #expect(run.stderr("large") == "")

                let html = try site.html("briefings/large/index.html")
                #expect(html.utf8.count > Self.targetBytes)
                #expect(html.contains("The very last paragraph, number \(blocks)."))
                #expect(html.contains("<h2 id=\"section-\(blocks / 50 - 1)\">"))
                #expect(html.contains("<a class=\"xref\" href=\"../../entities/countries/mali/\">Mali</a>"))
                #expect(html.contains("<table>"))
                #expect(try site.html("entities/countries/mali/index.html").contains("Large briefing"))

                // Peak RSS of the whole build process (wait4), against a build of the fixture alone.
                let growth = large.maxRSSKilobytes - baseline.maxRSSKilobytes
                #expect(growth < 1024 * 1024, "peak memory grew by \(growth / 1024) MB")
                print(
                    "20 MB build: \(text.utf8.count) bytes, \(blocks) blocks, \(html.utf8.count) bytes of HTML; "
                        + "built in \(milliseconds(large.time)) ms (fixture alone \(milliseconds(baseline.time)) ms); "
                        + "peak RSS \(large.maxRSSKilobytes / 1024) MB vs \(baseline.maxRSSKilobytes / 1024) MB, growth \(growth / 1024) MB"
                )
            }
        }
    }
}

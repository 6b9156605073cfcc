import Foundation
import Testing

@testable import DossierKit

/// The graph page, the entity infobox and the small fixes of the pages, in the written HTML.
@Suite("Rendering: graph page, infobox, lists")
struct GraphPageTests {
    @Test func theGraphPageHasALegendOfKindsAndTheRelationsInWords() async throws {
        try await withTempSite { site in
            try await site.build()
            let html = try site.html("graph/index.html")
            // Legend: each kind drawn, with its shape, as a filter box.
            #expect(html.contains("<input type=\"checkbox\" name=\"kind\" value=\"country\" checked><svg class=\"swatch kind-country\""))
            #expect(html.contains("<input type=\"checkbox\" name=\"type\" value=\"member-of\" checked>"))
            // Lines name their relation, and the page says the same in words.
            #expect(html.contains("<title>Mali member of Alliance of Sahel States</title>"))
            #expect(
                html.contains(
                    "<a href=\"../entities/countries/mali/\">Mali</a> member of <a href=\"../entities/organizations/alliance-of-sahel-states/\">Alliance of Sahel States</a>"
                ))
            // Nodes are named links; no colour is written into the drawing.
            #expect(html.contains("aria-label=\"Mali (country, 3 relations)\""))
            let svg = html[html.range(of: "<svg class=\"graph\"")!.lowerBound...]
            #expect(!svg.contains("fill=\"#") && !svg.contains("stroke=\"#"))
        }
    }

    @Test func theInfoboxSummarisesRelationsFromTheEntitysSide() async throws {
        try await withTempSite { site in
            try await site.build()
            let mali = try site.html("entities/countries/mali/index.html")
            #expect(mali.contains("<aside class=\"infobox\""))
            #expect(
                mali.contains(
                    "<dt>Member of</dt><dd><a href=\"../../organizations/alliance-of-sahel-states/\">Alliance of Sahel States</a></dd>"))
            #expect(mali.contains("<dt>Led by</dt><dd><a href=\"../../people/assimi-goita/\">Assimi Goïta</a></dd>"))
            #expect(mali.contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">"))
        }
    }

    @Test func listsOfLinksEndWithoutAStraySeparator() async throws {
        try await withTempSite { site in
            try await site.build()
            let timeline = try site.html("timeline/index.html")
            #expect(
                timeline.contains(
                    "Involves: <a href=\"../entities/countries/mali/\">Mali</a>, <a href=\"../entities/countries/niger/\">Niger</a></p>"))
            #expect(!timeline.contains("</a>; </p>"))
            // A source's citing pages are a list, one item each, with no separator to strand.
            let source = try site.html("sources/comm-2025/index.html")
            #expect(source.contains("<ul class=\"compact-links\"><li><a"))
            #expect(!source.contains("</a>; "))
        }
    }

    @Test func factDatesAreWrittenAsTheSiteWritesDates() {
        #expect(FactDates.format("1998-07-17 <sup class=\"cite\">[1]</sup>") == "17 July 1998 <sup class=\"cite\">[1]</sup>")
        #expect(FactDates.format("Delivered 2012-07-18 (letter dated 2012-07-13)") == "Delivered 18 July 2012 (letter dated 13 July 2012)")
        // Links, code, ranges, impossible dates and longer numbers are left as written.
        #expect(FactDates.format("<a href=\"x/2025-09-22/\">report</a>") == "<a href=\"x/2025-09-22/\">report</a>")
        #expect(FactDates.format("<code>2025-09-22</code>") == "<code>2025-09-22</code>")
        #expect(FactDates.format("2025-09-15/2025-09-17") == "2025-09-15/2025-09-17")
        #expect(FactDates.format("2025-02-30") == "2025-02-30")
        #expect(FactDates.format("12025-09-22") == "12025-09-22")
    }

    @Test func factsWithoutADateAreLeftBeforeTheirCharactersAreRead() {
        #expect(FactDates.mayHoldISODate("since 2025-09-22"))
        #expect(FactDates.mayHoldISODate("<td>2025-9</td>"))
        // A hyphen after fewer than four digits, or with no digit after it, is no date.
        #expect(!FactDates.mayHoldISODate("Bamako; ICC-01/12-01/18; 123-45"))
        #expect(!FactDates.mayHoldISODate("1998- ratified, Rome-based"))
        #expect(!FactDates.mayHoldISODate(""))
        // Every fact the walk would rewrite passes the check first.
        for fact in ["2012-07-18", "x 2012-07-18", "(2012-07-13)", "1998-07-17 <sup>[1]</sup>"] {
            #expect(FactDates.mayHoldISODate(fact))
            #expect(FactDates.format(fact) != fact)
        }
    }
}

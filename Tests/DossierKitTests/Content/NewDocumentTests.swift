import Foundation
import Testing

@testable import DossierKit

/// `dossier new`: a file it makes builds as it is, dated by the dossier, in the right place.
@Suite("dossier new")
struct NewDocumentTests {
    @Test("a file of every kind, made by new, builds as it is, with warnings for what to fill in")
    func everyKindBuilds() async throws {
        try await withTempSite { site in
            let date = try #require(NewDocument.date(contentFolder: site.content))
            var made: [String] = []
            for kind in NewDocument.Kind.allCases {
                let (path, text) = NewDocument.make(kind, title: "New \(kind.rawValue)", entityKind: .person, date: date)
                try site.write(path, text)
                made.append("Content/" + path)
            }
            let report = try await site.build()
            #expect(report.diagnostics.errors.isEmpty)
            for path in made { #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path), "\(path)") }
            // What the author still has to fill in is said, at the file that needs it.
            let event = try #require(made.first { $0.contains("/events/") })
            let source = try #require(made.first { $0.contains("/sources/") })
            #expect(report.warnings.contains { $0.location.file == event && $0.message == "event lists no sources yet" })
            #expect(report.warnings.contains { $0.location.file == source && $0.message == "'publisher' is empty" })
            #expect(report.warnings.contains { $0.location.file == source && $0.message.contains("is never cited") })
            #expect(try site.html("entities/people/new-entity/index.html").contains("New entity"))
        }
    }

    @Test("an event is dated by the dossier's as_of, not the clock, and its file name starts with the date")
    func eventTakesTheAsOfDate() throws {
        try withTempFolder { folder in
            try Data("title: T\nas_of: \"2024-02-29\"\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
            let date = try #require(NewDocument.date(contentFolder: folder))
            #expect(date.description == "2024-02-29")
            let (path, text) = NewDocument.make(.event, title: "Court rules", date: date)
            #expect(path == "events/2024-02-29-court-rules.md")
            #expect(text.contains("date: \"2024-02-29\""))
        }
    }

    @Test func noAsOfGivesNoDate() throws {
        try withTempFolder { folder in
            try Data("title: T\n".utf8).write(to: folder.appendingPathComponent("site.yml"))
            #expect(NewDocument.date(contentFolder: folder) == nil)
        }
    }

    @Test("an entity goes in the folder of the kind it was given")
    func entityKindChoosesTheFolder() {
        let date = DossierDate(start: CalendarPoint(year: 2026, month: 1, day: 15))
        let (path, text) = NewDocument.make(.entity, title: "Bamako", entityKind: .organization, date: date)
        #expect(path == "entities/organizations/bamako.md")
        #expect(text.contains("kind: organization"))
    }

    @Test("a required field left out is still an error; written empty it is a placeholder")
    func missingIsAnErrorEmptyIsAWarning() async throws {
        try await withTempSite { site in
            try site.write("sources/no-publisher.md", page("title: \"A\"\nkind: news-report"))
            try site.write("events/2025-01-01-no-sources.md", page("title: \"B\"\ndate: \"2025-01-01\"\nstatus: reported"))
            let failure = await #expect(throws: BuildFailure.self) { try await site.build() }
            let errors = failure?.diagnostics.errors ?? []
            #expect(errors.contains { $0.message == "missing required field 'publisher'" })
            #expect(errors.contains { $0.message == "event has no sources" })
        }
    }
}

import Testing

@testable import DossierKit

@Suite("Slug.make")
struct SlugTests {
    @Test(arguments: [
        ("Mali", "mali"),
        ("Assimi Goïta", "assimi-goita"),
        ("Côte d’Ivoire", "cote-d-ivoire"),
        ("  Burkina   Faso  ", "burkina-faso"),
        ("Article 127(1)", "article-127-1"),
        ("Ibrahim Traoré", "ibrahim-traore"),
        ("Égypte", "egypte"),
        ("Al-Mahdi", "al-mahdi"),
        ("2025-09-22 AES announces", "2025-09-22-aes-announces"),
        ("ÉCOWAS: the exit!", "ecowas-the-exit"),
    ])
    func slugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func slugIsLowercaseASCIIAndHyphens() {
        for name in ["Goïta", "Ñandú Ça Va", "Tiani — Niger", "ąćęłńóśźż", "İstanbul"] {
            let slug = Slug.make(name)
            #expect(
                slug.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0))) || $0 == "-" },
                "\(name) → \(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "\(name) → \(slug)")
        }
    }

    @Test("ASCII text (taken without Foundation's folding) slugs as it does beside a non-ASCII word")
    func asciiAsFolded() {
        var random = SplitMix64(seed: 2026_11_29)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(random.next() % 24)).map { _ in UInt8(random.next() % 0x80) }
            let text = String(decoding: bytes, as: UTF8.self)
            let slug = Slug.make(text)
            // "é " first sends the whole text through Foundation's folding, and adds "e-".
            #expect(Slug.make("é " + text) == (slug.isEmpty ? "e" : "e-" + slug), "\(Array(text.utf8))")
        }
    }

    @Test func nothingUsableGivesAnEmptySlug() {
        #expect(Slug.make("—").isEmpty)
        #expect(Slug.make("日本").isEmpty)
    }
}

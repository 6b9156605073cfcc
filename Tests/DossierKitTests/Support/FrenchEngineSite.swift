import Foundation

@testable import DossierKit

/// The bilingual sahel fixture with Niger's notification, so that a date is computed under
/// the treaty's rule, and the treaty translated: the words the engine writes on French
/// pages (tracker, timeline, computed titles) can be read beside their English.
func frenchEngineSite(_ site: TempSite) throws {
    try TranslationTests().bilingual(site)
    try site.write(
        "events/2025-10-01-niger-notifies.md",
        """
        ---
        title: "Niger notifies its withdrawal"
        date: "2025-10-01"
        status: confirmed
        kind: withdrawal-notification
        treaty: "Rome Statute"
        entities: [Niger]
        sources: [comm-2025]
        ---

        Niger notified its withdrawal [@comm-2025].

        """)
    let hash = try TranslationFiles.hash(site.read("entities/treaties/rome-statute.md"))
    try site.write(
        "entities/treaties/rome-statute.fr.md",
        """
        ---
        title: "Statut de Rome"
        summary: "Le traité qui a fondé la Cour pénale internationale."
        translation_of: "\(hash)"
        ---

        Le Statut a été adopté en 1998 [@untc].

        ## Article 127

        Un retrait prend effet un an après la réception de la notification.

        """)
}

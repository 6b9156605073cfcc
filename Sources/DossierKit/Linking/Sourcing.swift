/// The dossier's sourcing rules that need the whole site, applied by every build (and so
/// by `check`): what is a warning and what an error is decided once, here and in the
/// parser, not by the command that runs the pipeline.
enum Sourcing {
    /// Every source should be cited at least once, so the sources page lists nothing
    /// unused. A warning, not an error: a source just added (`dossier new source`) is
    /// cited by nothing yet.
    static func uncitedSources(_ site: LinkedSite) -> [Diagnostic] {
        site.catalog.sources.filter { (site.citedBy[$0.id] ?? []).isEmpty }.map { source in
            .warning(
                "source '\(source.id)' is never cited", at: SourceLocation(file: source.header.file),
                hint: "cite it with [@\(source.id)] or list it in an event's sources, or remove the file")
        }
    }
}

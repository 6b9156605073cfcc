"""Page sizes (issue #24): no HTML page of the site over a megabyte, so that every page
loads and reads on a phone; the graph, the timeline and the print edition split or draw
less past their limits (README, "Sources and mentions on large dossiers")."""

from __future__ import annotations

from .builds import Site
from .results import Check

LIMIT = 1_000_000


def check_page_sizes(site: Site, check: Check) -> None:
    pages = sorted(site.dir.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size) if pages else None
    for page in pages:
        size = page.stat().st_size
        if size > LIMIT:
            check.fail(f"{site.name}: {page.relative_to(site.dir)} is {size:,} bytes, over {LIMIT:,}")
    if largest:
        check.counts = f"{len(pages)} pages, largest {largest.relative_to(site.dir)} {largest.stat().st_size:,} bytes"

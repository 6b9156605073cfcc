"""Source pages: every source has sources/<id>/, and the ids of the old single sources
page (sources/#src-<id>) still lead there: statically through the item's link, and in a
browser through the index's forwarding script, served and from file://."""

from __future__ import annotations

import time
from urllib.parse import urljoin

from .builds import Site
from .helpers import soup_of
from .results import Check


def source_ids(site: Site) -> list[str]:
    folder = site.dir / "sources"
    return sorted(p.parent.name for p in folder.glob("*/index.html"))


def check_source_anchors(site: Site, check: Check) -> None:
    ids = source_ids(site)
    index = site.dir / "sources" / "index.html"
    if not ids or not index.is_file():
        check.fail(f"{site.name}: no sources/<id>/index.html pages or no sources/index.html")
        return
    soup = soup_of(index.read_bytes())
    index_url = site.page_url("sources/index.html")
    for source in ids:
        item = soup.find(id=f"src-{source}")
        link = item.find("a", href=True) if item else None
        if link is None:
            check.fail(f"{site.name}: sources/index.html has no element id=src-{source} with a link")
            continue
        target = urljoin(index_url, link["href"])
        expected = site.page_url(f"sources/{source}/index.html")
        if target != expected:
            check.fail(f"{site.name}: #src-{source} links to {target}, not to {expected}")
    check.counts = f"{len(ids)} sources"


def check_anchor_forwarding(sites: list[Site], check: Check) -> None:
    from .browser import make_driver

    driver = make_driver()
    try:
        for site in sites:
            ids = source_ids(site)[:3]
            for source in ids:
                driver.get(site.page_url("sources/index.html") + f"#src-{source}")
                expected = site.page_url(f"sources/{source}/index.html")
                for _ in range(20):
                    if driver.current_url == expected:
                        break
                    time.sleep(0.1)
                if driver.current_url != expected:
                    check.fail(f"{site.name}: sources/#src-{source} stayed at {driver.current_url}, not {expected}")
        check.counts = f"{len(sites)} builds"
    finally:
        driver.quit()

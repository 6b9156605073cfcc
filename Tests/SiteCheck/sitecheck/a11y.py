"""Check 5a: the pages the publishing contract names, the header search form, and
static accessibility (lang, one h1, title, alt, landmarks)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .builds import Site
from .helpers import soup_of
from .results import Check


# --------------------------------------------------------------------------- 5a. structure and static a11y

def banner_header(soup: BeautifulSoup):
    body = soup.body
    if body is None:
        return None
    header = body.find("header", recursive=False)
    return header or soup.find(attrs={"role": "banner"})


def check_structure(site: Site, check: Check, briefing: str | None) -> None:
    pages = site.pages()
    expected = {
        "search/index.html": "the search page",
        "timeline/index.html": "the timeline",
        "graph/index.html": "the graph page",
        "entities/countries/mali/index.html": "the Mali entity page",
    }
    for rel, what in expected.items():
        if rel not in pages:
            check.fail(f"{rel} ({what}) was not built")
    if briefing is None:
        check.fail("no briefing page under briefings/<slug>/index.html")
    for rel in ("timeline/index.html", "graph/index.html"):
        if rel in pages and not soup_of((site.dir / rel).read_bytes()).find("svg"):
            check.fail(f"{rel}: no <svg>")
    if "search/index.html" in pages:
        soup = soup_of((site.dir / "search/index.html").read_bytes())
        field = soup.find("input", id="search-input")
        if field is None or field.get("type") != "search":
            check.fail('search/index.html: no <input id="search-input" type="search">')
        results = soup.find("ol", id="search-results")
        if results is None:
            check.fail('search/index.html: no <ol id="search-results">')
    without_form = []
    for rel in pages:
        header = banner_header(soup_of((site.dir / rel).read_bytes()))
        form = header.find("form") if header else None
        if form is None or form.find("input", attrs={"type": "search"}) is None:
            without_form.append(rel)
    if without_form:
        check.fail(f"{len(without_form)} of {len(pages)} pages have no search form (<form> with "
                   f"<input type=search>) in the page header, e.g. {', '.join(without_form[:3])}")
    check.counts = f"{len(pages)} pages, {len(expected) + 1} contract pages"


LANDMARKS = {"header": "banner", "nav": "navigation", "main": "main", "footer": "contentinfo"}


def check_static_a11y(site: Site, check: Check) -> None:
    images = 0
    for rel in site.pages():
        soup = soup_of((site.dir / rel).read_bytes())
        html = soup.find("html")
        if html is None or not (html.get("lang") or "").strip():
            check.fail(f"{rel}: <html> has no lang")
        h1s = soup.find_all("h1")
        if len(h1s) != 1:
            check.fail(f"{rel}: {len(h1s)} <h1> elements (expected exactly one)")
        title = soup.find("title")
        if title is None or not title.get_text(strip=True):
            check.fail(f"{rel}: empty or missing <title>")
        for img in soup.find_all("img"):
            images += 1
            if not img.has_attr("alt"):
                check.fail(f"{rel}: <img src=\"{img.get('src', '')}\"> has no alt")
        for tag, role in LANDMARKS.items():
            if not soup.find(tag) and not soup.find(attrs={"role": role}):
                check.fail(f"{rel}: no <{tag}> landmark")
        if len(soup.find_all("main")) > 1:
            check.fail(f"{rel}: more than one <main>")
    check.counts = f"{len(site.pages())} pages, {images} images"


def find_briefing(site: Site) -> str | None:
    briefings = sorted(p for p in site.pages() if re.fullmatch(r"briefings/[^/]+/index\.html", p))
    preferred = [p for p in briefings if p == "briefings/overview/index.html"]
    chosen = (preferred or briefings or [None])[0]
    return chosen[: -len("index.html")] if chosen else None

"""Check 3: feed.xml, sitemap.xml, robots.txt and favicon.svg of one build."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from .builds import Site
from .helpers import short, soup_of
from .results import Check


# --------------------------------------------------------------------------- 3. feed, sitemap, robots, favicon

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")


def check_publish(site: Site, check: Check) -> None:
    import xml.etree.ElementTree as ET
    import feedparser

    counts = []

    def strip_base(url: str, what: str):
        if not url.startswith(site.base_url):
            check.fail(f"{what}: {url} does not start with the base URL {site.base_url}")
            return None
        rest = url[len(site.base_url):]
        if site.file_for(rest) is None:
            check.fail(f"{what}: {url} -> {rest or '(site root)'} is not a built page")
            return None
        return rest

    # sitemap.xml
    sitemap = site.dir / "sitemap.xml"
    if not sitemap.is_file():
        check.fail("sitemap.xml is missing at the output root")
    else:
        try:
            root = ET.parse(sitemap).getroot()
        except ET.ParseError as error:
            check.fail(f"sitemap.xml is not well-formed XML: {error}")
            root = None
        if root is not None:
            if root.tag != SITEMAP_NS + "urlset":
                check.fail(f"sitemap.xml root element is {root.tag}, expected {SITEMAP_NS}urlset")
            locs = [el.text.strip() if el.text else "" for el in root.iter(SITEMAP_NS + "loc")]
            listed = set()
            for loc in locs:
                rest = strip_base(loc, "sitemap.xml <loc>")
                if rest is not None:
                    listed.add(site.file_for(rest).relative_to(site.dir).as_posix())
            for lastmod in root.iter(SITEMAP_NS + "lastmod"):
                if not W3C_DATETIME.match((lastmod.text or "").strip()):
                    check.fail(f"sitemap.xml <lastmod>{lastmod.text}</lastmod> is not a W3C date")
            if len(set(locs)) != len(locs):
                check.fail(f"sitemap.xml lists {len(locs) - len(set(locs))} URLs twice")
            if not locs:
                check.fail("sitemap.xml lists no URLs")
            missing = [p for p in site.pages() if p not in listed and p != "404.html"]
            if missing:
                check.note(f"{len(missing)} pages are not in sitemap.xml, e.g. {', '.join(missing[:3])}")
            counts.append(f"sitemap {len(locs)} URLs")

    # robots.txt
    robots = site.dir / "robots.txt"
    if not robots.is_file():
        check.fail("robots.txt is missing at the output root")
    else:
        sitemap_lines = []
        for number, line in enumerate(robots.read_text(errors="replace").splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            field, sep, value = line.partition(":")
            if not sep:
                check.fail(f"robots.txt:{number}: not a 'field: value' line: {line}")
            elif field.strip().lower() == "sitemap":
                sitemap_lines.append(value.strip())
        for value in sitemap_lines:
            if value != site.base_url + "sitemap.xml":
                check.fail(f"robots.txt Sitemap: {value} (expected {site.base_url}sitemap.xml)")
        if not sitemap_lines:
            check.note("robots.txt has no Sitemap: line")
        if urlsplit(site.base_url).path not in ("", "/"):
            check.note(f"crawlers read robots.txt only at the host root, not at {site.base_url}robots.txt")
        counts.append("robots.txt")

    # feed.xml (Atom 1.0)
    feed_path = site.dir / "feed.xml"
    if not feed_path.is_file():
        check.fail("feed.xml is missing at the output root")
    else:
        feed = feedparser.parse(feed_path.read_bytes())
        if feed.bozo:
            check.fail(f"feed.xml: feedparser bozo=1: {feed.get('bozo_exception')}")
        if feed.version != "atom10":
            check.fail(f"feed.xml: feedparser reads it as {feed.version or 'unknown'}, not Atom 1.0")
        for field in ("title", "id", "updated"):
            if not feed.feed.get(field):
                check.fail(f"feed.xml: the feed has no <{field}>")
        for link in feed.feed.get("links", []):
            if link.get("rel") == "self" and link.get("href") != site.base_url + "feed.xml":
                check.fail(f"feed.xml: rel=self is {link.get('href')}, expected {site.base_url}feed.xml")
        if not feed.entries:
            check.fail("feed.xml has no entries")
        for i, entry in enumerate(feed.entries, 1):
            label = f"feed.xml entry {i} ({short(entry.get('title', '?'), 50)})"
            for field in ("title", "id", "updated"):
                if not entry.get(field):
                    check.fail(f"{label}: no <{field}>")
            if not entry.get("link"):
                check.fail(f"{label}: no link")
            else:
                strip_base(entry.link, f"{label} link")
        counts.append(f"feed {len(feed.entries)} entries")

    # favicon.svg: the one the home page links with <link rel="icon">, else one at the output root
    icon_link = None
    if (site.dir / "index.html").is_file():
        home = soup_of((site.dir / "index.html").read_bytes())
        icon_link = next((link["href"] for link in home.find_all("link", href=True)
                          if "icon" in [v.lower() for v in link.get("rel", [])]), None)
    favicon = site.dir / "favicon.svg"
    if icon_link:
        favicon = site.dir / unquote(urlsplit(icon_link).path)
        if favicon.name != "favicon.svg":
            check.fail(f"index.html links the icon {icon_link}, not a favicon.svg")
    else:
        check.note("index.html has no <link rel=icon>; browsers will ask for /favicon.ico")
    if not favicon.is_file():
        check.fail(f"{favicon.relative_to(site.dir)} is missing" + (f" (linked as {icon_link})" if icon_link else ""))
    else:
        try:
            tag = ET.parse(favicon).getroot().tag
            if tag != "{http://www.w3.org/2000/svg}svg":
                check.fail(f"{favicon.relative_to(site.dir)}: root element is {tag}, not an SVG <svg>")
        except ET.ParseError as error:
            check.fail(f"{favicon.relative_to(site.dir)} is not well-formed XML: {error}")
        counts.append(f"favicon {favicon.relative_to(site.dir)}")
    check.counts = ", ".join(counts) or "nothing to check"

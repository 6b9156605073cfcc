"""Languages (issue #23): every language's own pages and files, hreflang pairs that answer
each other (in the pages and in the sitemap), links to a page in another language marked
with hreflang, and in Chromium: the switcher round-trips on every translated page, French
search finds "retrait" and "Goita" with highlights, the French timeline's dates are French.

Nu validation and broken links or fragments of the other languages' pages are the
validate and links/* checks, which read every HTML file of each build, fr/ included."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

from .builds import Site
from .helpers import short, soup_of

# What every language edition has in its folder besides its translations.
EDITION_FILES = ["index.html", "timeline/index.html", "graph/index.html", "search/index.html", "404.html",
                 "entities/index.html", "events/index.html", "briefings/index.html", "sources/index.html",
                 "feed.xml", "events.ics", "timeline.json"]
ENGLISH_MONTHS = ("January February March April May June July August September October November December "
                  "Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec").split()
FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
FRENCH_AXIS = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def page_languages(site: Site) -> dict[str, str]:
    """Page (relative file path) -> its <html lang>."""
    found = {}
    for rel in site.pages():
        head = (site.dir / rel).read_bytes()[:400].decode("utf-8", "replace")
        match = re.search(r'<html[^>]*\blang="([^"]+)"', head)
        found[rel] = match.group(1) if match else ""
    return found


def edition_folders(languages: dict[str, str]) -> list[str]:
    """The other languages: each has a folder named by its code, with its home page in it."""
    return sorted({lang for rel, lang in languages.items() if rel == f"{lang}/index.html"})


def file_of(site: Site, url: str) -> str | None:
    """A page's absolute URL (under the base URL) -> its file in the build."""
    if not url.startswith(site.base_url):
        return None
    rest = unquote(url[len(site.base_url):].split("#")[0])
    if rest == "" or rest.endswith("/"):
        rest += "index.html"
    return rest


def check_languages(site: Site, check) -> None:
    """Static: the editions' files, reciprocal hreflang, the sitemap's alternates, marked links."""
    languages = page_languages(site)
    folders = edition_folders(languages)
    if not folders:
        check.fail("no other language: no <code>/index.html whose <html lang> is <code>")
        return
    default = languages.get("index.html", "")
    for code in folders:
        for name in EDITION_FILES:
            if not (site.dir / code / name).is_file():
                check.fail(f"{code}/{name} is missing: every language has its own")
        check_edition_files(site, code, default, check)
    alternates_by_page = {}
    marked = unmarked_checked = 0
    for rel, lang in languages.items():
        soup = soup_of((site.dir / rel).read_bytes())
        alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
        if alternates:
            alternates_by_page[rel] = alternates
        # Every link to a page in another language says so (hreflang), outside drawings.
        for anchor in soup.select("a[href]"):
            if anchor.find_parent("svg"):
                continue
            target = resolve(site, rel, anchor["href"])
            if target is None or target not in languages or languages[target] == lang:
                continue
            unmarked_checked += 1
            if anchor.get("hreflang") != languages[target]:
                check.fail(f"{rel}: <a href=\"{short(anchor['href'], 70)}\"> leads to a page in "
                           f"'{languages[target]}' ({target}) without hreflang=\"{languages[target]}\"")
            else:
                marked += 1
    reciprocal = check_reciprocal(site, languages, alternates_by_page, default, check)
    in_sitemap = check_sitemap(site, alternates_by_page, check)
    translated = sum(1 for rel in alternates_by_page if languages[rel] != default)
    check.counts = (f"languages {default}+{','.join(folders)}: {translated} pages in other languages with "
                    f"alternates, {reciprocal} reciprocal hreflang pairs, {in_sitemap} sitemap entries with "
                    f"alternates, {marked}/{unmarked_checked} links to another language marked")


def resolve(site: Site, rel: str, href: str) -> str | None:
    """The file an href of the page `rel` leads to inside the build, or None (external, same page)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return file_of(site, href) if href.startswith(site.base_url) else None
    path = unquote(parts.path)
    if path == "":
        return None
    if path.startswith("/"):
        base_path = urlsplit(site.base_url).path
        if not path.startswith(base_path):
            return None
        joined = path[len(base_path):]
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
        if joined.startswith(".."):
            return None
        joined = "" if joined == "." else joined
    if path.endswith("/") or joined == "":
        joined = (joined + "/" if joined else "") + "index.html"
    return joined


def check_reciprocal(site: Site, languages, alternates_by_page, default: str, check) -> int:
    pairs = 0
    for rel, alternates in alternates_by_page.items():
        own = languages[rel]
        if file_of(site, alternates.get(own, "")) != rel:
            check.fail(f"{rel}: its hreflang=\"{own}\" alternate is {alternates.get(own)!r}, not itself")
        if "x-default" not in alternates or alternates["x-default"] != alternates.get(default):
            check.fail(f"{rel}: x-default {alternates.get('x-default')!r} is not the '{default}' version")
        for code, url in alternates.items():
            if code == "x-default" or code == own:
                continue
            target = file_of(site, url)
            if target not in languages:
                check.fail(f"{rel}: hreflang=\"{code}\" leads to {url}, not a page of the build")
                continue
            if languages[target] != code:
                check.fail(f"{rel}: hreflang=\"{code}\" leads to {target}, whose <html lang> is '{languages[target]}'")
            if alternates_by_page.get(target) != alternates:
                check.fail(f"{rel} and {target}: their hreflang alternates differ "
                           f"({alternates} vs {alternates_by_page.get(target)})")
            else:
                pairs += 1
    return pairs


def check_sitemap(site: Site, alternates_by_page, check) -> int:
    path = site.dir / "sitemap.xml"
    if not path.is_file():
        check.fail("no sitemap.xml")
        return 0
    root = ET.parse(path).getroot()
    listed = 0
    for url in root.findall("s:url", SITEMAP):
        loc = url.findtext("s:loc", "", SITEMAP)
        rel = file_of(site, loc)
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
        if links:
            listed += 1
        if links != alternates_by_page.get(rel, {}):
            check.fail(f"sitemap.xml: {loc} lists alternates {links or 'none'}, its page has "
                       f"{alternates_by_page.get(rel) or 'none'}")
    return listed


def check_edition_files(site: Site, code: str, default: str, check) -> None:
    """The edition's feed, calendar and timeline data are in its language, titles tagged."""
    folder = site.dir / code
    try:
        feed = ET.parse(folder / "feed.xml").getroot()
        lang = feed.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang != code:
            check.fail(f"{code}/feed.xml: xml:lang is {lang!r}")
        self_link = feed.find("{http://www.w3.org/2005/Atom}link[@rel='self']")
        if self_link is None or not self_link.get("href", "").endswith(f"{code}/feed.xml"):
            check.fail(f"{code}/feed.xml: its rel=self link is not {code}/feed.xml")
    except (ET.ParseError, OSError) as error:
        check.fail(f"{code}/feed.xml: {error}")
    try:
        data = json.loads((folder / "timeline.json").read_text())
        langs = {event.get("lang") for event in data["events"]}
        if not langs <= {code, default}:
            check.fail(f"{code}/timeline.json: titles tagged {sorted(map(str, langs))}, expected {code} or {default}")
        if any(re.search(r"\b(" + "|".join(ENGLISH_MONTHS) + r")\b", e["display_date"]) for e in data["events"]) and code == "fr":
            check.fail(f"{code}/timeline.json: display dates in English")
    except (OSError, ValueError, KeyError) as error:
        check.fail(f"{code}/timeline.json: {error}")
    try:
        calendar = (folder / "events.ics").read_text()
        summaries = re.findall(r"^SUMMARY;LANGUAGE=([a-z]+):", calendar, re.M)
        if not summaries or calendar.count("BEGIN:VEVENT") != len(summaries) or not set(summaries) <= {code, default}:
            check.fail(f"{code}/events.ics: {len(summaries)} SUMMARY lines with LANGUAGE= for "
                       f"{calendar.count('BEGIN:VEVENT')} events")
    except OSError as error:
        check.fail(f"{code}/events.ics: {error}")


# --------------------------------------------------------------------------- in the browser

def check_languages_browser(site: Site, check) -> None:
    from .browser import Browser, make_driver

    languages = page_languages(site)
    folders = edition_folders(languages)
    default = languages.get("index.html", "")
    # The translated pages: those with alternates, in both languages.
    # (Not 404.html: its links start from the base URL's path, which a build served
    # elsewhere does not have; the static check covers its alternates.)
    translated = [rel for rel in site.pages() if not rel.endswith("404.html")
                  and 'hreflang="x-default"' in (site.dir / rel).read_text(errors="replace")[:8000]]
    # Served, every translated page makes the round trip. From file://, whose links differ
    # only in ending in index.html, a page of each kind (folder) in each language: every
    # page again took over three minutes of CI.
    sampled: dict[str, str] = {}
    for rel in sorted(translated):
        sampled.setdefault(rel if site.served else "/".join(rel.split("/")[:-2]), rel)
    driver = make_driver()
    browser = Browser(driver)
    trips = 0
    try:
        for rel in sampled.values():
            trips += round_trip(site, browser, rel, check)
        if "fr" in folders:
            french_search(site, browser, check)
            french_timeline(site, browser, check)
        console, failed = browser.problems()
        for line in console + failed:
            check.fail(f"{browser.label}: {line}")
    finally:
        driver.quit()
    where = f"served at {site.site_url}" if site.served else "from file://"
    check.counts = (f"{trips} switcher round trips over {len(sampled)} of {len(translated)} translated pages{'' if site.served else ', one per folder'} "
                    f"({default}+{','.join(folders)}) {where}")


def round_trip(site: Site, browser, rel: str, check) -> int:
    """Follows each switcher link to a translation and the switcher back: it must come home."""
    driver = browser.d

    def go(url: str, label: str) -> None:
        # get() returns once the page has loaded; without Browser.load's pause for late
        # errors, which the console check at the end still collects.
        browser.label = label
        driver.get(url)

    start = site.page_url(rel)
    go(start, f"switcher from {rel}")
    here = driver.current_url
    lang = driver.execute_script("return document.documentElement.lang")
    links = driver.execute_script(
        "return [...document.querySelectorAll('.language-switch a[hreflang]')].map(a => [a.hreflang, a.href])")
    # Only links to a translation of this page (the alternates); others go to a home page.
    alternates = set(driver.execute_script(
        "return [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang)"))
    trips = 0
    for code, href in links:
        if code not in alternates:
            continue
        go(href, f"switcher {rel} -> {code}")
        if driver.execute_script("return document.documentElement.lang") != code:
            check.fail(f"{rel}: the switcher's {code} link opens {driver.current_url}, not a page in {code}")
            continue
        back = driver.execute_script(
            "const a = [...document.querySelectorAll('.language-switch a[hreflang]')].find(a => a.hreflang === arguments[0]);"
            " return a ? a.href : null", lang)
        if back is None:
            check.fail(f"{rel}: {driver.current_url} has no switcher link back to {lang}")
            continue
        if back.split("#")[0] != here.split("#")[0]:
            check.fail(f"{rel}: the switcher goes to {driver.current_url} and back to {back}, not {here}")
            continue
        trips += 1
    return trips


def search_page(site: Site) -> str:
    return site.site_url + ("fr/search/index.html" if site.portable else "fr/search/")


def french_search(site: Site, browser, check) -> None:
    """'retrait' opens on French pages of the dossier, 'Goita' on Goïta's page, each highlighted."""
    driver = browser.d
    expectations = [
        # query, the first result must satisfy, a highlighted word
        ("retrait", lambda first: "/fr/" in first["href"], "retrait"),
        ("le retrait de la CPI", lambda first: "/fr/" in first["href"], "retrait"),
        ("Goita", lambda first: first["title"] == "Assimi Goïta", "Goïta"),
    ]
    for query, right, word in expectations:
        browser.load(search_page(site) + "?q=" + query.replace(" ", "+"), f"fr search {query!r}")
        results = driver.execute_script(
            "return [...document.querySelectorAll('#search-results li')].map(li => { const a = li.querySelector('a');"
            " return {title: a.textContent, href: a.href, lang: a.lang,"
            " marks: [...li.querySelectorAll('mark')].map(m => m.textContent)}; })")
        if not results:
            check.fail(f"fr search {query!r}: no results")
            continue
        if not right(results[0]):
            check.fail(f"fr search {query!r}: the first result is {results[0]['title']!r} ({results[0]['href']})")
        marks = [m.lower() for r in results[:5] for m in r["marks"]]
        if word.lower() not in marks:
            check.fail(f"fr search {query!r}: {word!r} is not highlighted in the first results ({marks[:6]})")
        for result in results:
            in_french = "/fr/" in result["href"]
            if not in_french and "/sources/" not in result["href"] and result["lang"] != "en":
                check.fail(f"fr search {query!r}: {result['title']!r} is an English page not marked lang=en")
                break


def french_timeline(site: Site, browser, check) -> None:
    driver = browser.d
    path = "fr/timeline/index.html" if site.portable else "fr/timeline/"
    browser.load(site.site_url + path, "fr timeline")
    dates = driver.execute_script("return [...document.querySelectorAll('main time')].map(t => t.textContent)")
    axis = driver.execute_script("return [...document.querySelectorAll('main svg text.month')].map(t => t.textContent)")
    english = [d for d in dates if re.search(r"\b(" + "|".join(ENGLISH_MONTHS) + r")\b", d)]
    if not dates or english:
        check.fail(f"fr timeline: {len(english)} of {len(dates)} dates in English ({english[:3]})")
    if not any(month in d for d in dates for month in FRENCH_MONTHS):
        check.fail(f"fr timeline: no French month among its dates ({dates[:3]})")
    if set(axis) - FRENCH_AXIS:
        check.fail(f"fr timeline: axis months not French: {sorted(set(axis) - FRENCH_AXIS)}")

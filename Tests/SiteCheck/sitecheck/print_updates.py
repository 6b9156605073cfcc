"""The dossier on paper and what changed (issue #26): the PDF of the print edition, which
the root build makes with `--pdf` (A4, headless Chromium), read with poppler (pdfinfo,
pdftotext, pdftoppm); the updates page and its Atom feed; and the "new since you last
looked" marks in Chromium."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .builds import Site
from .helpers import soup_of
from .results import Check

A4 = (595.0, 842.0)  # points; Chromium writes 594.96 x 841.92
MM = 72 / 25.4
# The edition's @page margins (style.css): 16 mm top, 15 mm at the sides, 18 mm at the foot.
# Chromium clips what overflows a page at about its content box, and pdftotext then reports
# the word cut short where the clip falls, past the margin line: no word of the text may
# reach into a margin, bar the page number in the foot.
TOP, SIDE, FOOT = 16 * MM, 15 * MM, 18 * MM
# A word's box may overhang the margin line by a glyph's side bearing (about 1 pt was seen);
# a clipped line ended 4 pt past it when tried with a line too wide for the page.
SLACK = 2.5


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _words(text: str) -> str:
    """Whitespace and quotes folded, so a title broken over two lines still matches."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def _outline_titles(pdf: bytes) -> list[str]:
    """The titles of the PDF's bookmarks, as Skia writes them (literal or UTF-16 hex strings)."""
    titles = []
    start = pdf.find(b"/Outlines")
    if start < 0:
        return titles
    for match in re.finditer(rb"/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)", pdf):
        if match.group(2):
            raw = bytes.fromhex(match.group(2).decode())
            titles.append(raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1"))
        else:
            literal = re.sub(rb"\\(.)", rb"\1", match.group(1))
            titles.append(literal.decode("latin-1"))
    return titles


def check_print_pdf(site: Site, check: Check, results: Path) -> None:
    page = site.dir / "print" / "index.html"
    pdf = site.dir / "print" / "dossier.pdf"
    if not page.is_file():
        check.fail("print/index.html is missing")
        return
    if not pdf.is_file():
        check.fail("print/dossier.pdf is missing: the root build runs with --pdf, so Chromium did not print it")
        return
    soup = soup_of(page.read_bytes())
    briefing_titles = [_words(h.get_text()) for h in soup.select("article.print-briefing h2")]
    if not briefing_titles:
        check.fail("print/index.html has no briefings")

    info = _run(["pdfinfo", str(pdf)])
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    pages = int(fields.get("Pages", "0").strip())
    size = re.match(r"\s*([\d.]+) x ([\d.]+) pts", fields.get("Page size", ""))
    if not size or abs(float(size.group(1)) - A4[0]) > 1.5 or abs(float(size.group(2)) - A4[1]) > 1.5:
        check.fail(f"print/dossier.pdf is not A4: {fields.get('Page size', '?').strip()}")
    title = fields.get("Title", "").strip()
    if not title:
        check.fail("print/dossier.pdf has no document title")
    data = pdf.read_bytes()
    lang = re.search(rb"/Lang \(([^)]*)\)", data)
    if not lang:
        check.fail("print/dossier.pdf names no language (/Lang)")
    # Chromium joins a heading's wrapped lines without a space in its bookmark, so spaces
    # are left out of the comparison.
    bookmarks = {re.sub(r"\s+", "", _words(t)) for t in _outline_titles(data)}
    missing_marks = [t for t in briefing_titles if re.sub(r"\s+", "", t) not in bookmarks]
    if missing_marks:
        check.fail(f"no bookmark for {len(missing_marks)} briefing(s): {', '.join(missing_marks[:3])}")

    # Every briefing title in the text of the PDF.
    text = _run(["pdftotext", "-layout", str(pdf), "-"])
    flat = _words(text)
    for name in briefing_titles:
        if name not in flat:
            check.fail(f"briefing title not in the PDF's text: {name}")

    # No text cut at an edge of the paper: every word inside the page's margins.
    bbox = _run(["pdftotext", "-bbox", str(pdf), "-"])
    cut = []
    for number, (width, height, body) in enumerate(
            re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S), 1):
        width, height = float(width), float(height)
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>', body):
            x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
            page_number = word == str(number) and y0 > height - FOOT
            if not page_number and (x0 < SIDE - SLACK or x1 > width - SIDE + SLACK or y0 < TOP - SLACK or y1 > height - FOOT + SLACK):
                cut.append(f"page {number}: '{word[:40]}' at x {x0:.0f}-{x1:.0f}, y {y0:.0f}-{y1:.0f} of {width:.0f}x{height:.0f}")
    if cut:
        check.fail(f"{len(cut)} word(s) reach into the margins, cut at the page's edge: {'; '.join(cut[:3])}")

    # The bibliography: numbers 1..N in order, N the number of sources the page lists, and
    # every citation in the text pointing into it.
    listed = len(soup.select("ol.bibliography > li"))
    tail = text[text.rfind("Bibliography"):] if "Bibliography" in text else ""
    # An entry's number stands at the left margin; a wrapped line is indented under its text
    # (and may start with a year such as "2025.").
    numbers = []
    for page_text in tail.split("\f"):
        found = [(len(m.group(1)), int(m.group(2))) for m in re.finditer(r"^( *)(\d+)\.\s", page_text, re.M)]
        margin = min((indent for indent, _ in found), default=0)
        numbers += [n for indent, n in found if indent <= margin + 1]
    if numbers != list(range(1, len(numbers) + 1)) or len(numbers) != listed:
        gaps = [n for i, n in enumerate(numbers, 1) if n != i][:5]
        check.fail(f"bibliography numbers are not 1..{listed} in order: found {len(numbers)}, first out of place {gaps}")
    cited = {int(n) for group in re.findall(r"\[(\d+(?:, \d+)*)\]", text) for n in group.split(", ")}
    beyond = sorted(n for n in cited if n > listed or n < 1)
    if beyond:
        check.fail(f"citations point past the bibliography's {listed} entries: {beyond[:5]}")

    # Pages to look at: the cover, the first briefing, the timeline and the bibliography.
    folder = results / "print"
    folder.mkdir(parents=True, exist_ok=True)
    page_texts = text.split("\f")
    def first_page(needle: str) -> int:
        return next((i + 1 for i, p in enumerate(page_texts) if needle in p), 1)
    wanted = sorted({1, first_page(briefing_titles[0] if briefing_titles else "Briefing") + 0,
                     first_page("Overview of"), pages - 1 if pages > 1 else 1})
    for number in wanted:
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                        str(pdf), str(folder / f"page-{number:02d}")], check=True, capture_output=True)
    check.note(f"pages rendered for a look: {', '.join(str(folder / f'page-{n:02d}.png') for n in wanted)}")
    check.counts = (f"{pages} A4 pages, {len(briefing_titles)} briefings in text and bookmarks, "
                    f"{listed} sources numbered 1..{listed}, {len(cited)} cited, "
                    f"{pdf.stat().st_size // 1024} KB, title '{title}'")


def check_updates(site: Site, check: Check) -> None:
    import feedparser

    page = site.dir / "updates" / "index.html"
    feed_file = site.dir / "updates.xml"
    if not page.is_file() or not feed_file.is_file():
        check.fail("updates/index.html or updates.xml is missing")
        return
    soup = soup_of(page.read_bytes())
    sections = soup.select("section.update")
    dates = [s.get("id", "")[len("as-of-"):] for s in sections]
    if not sections:
        check.fail("updates/ lists no edition")
    if dates != sorted(dates, reverse=True):
        check.fail(f"updates/ is not newest first: {dates}")
    for section in sections:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:]+Z)?", section.get("data-changed", "")):
            check.fail(f"updates/#{section.get('id')} has no data-changed date")

    feed = feedparser.parse(str(feed_file))
    if feed.bozo:
        check.fail(f"updates.xml: {feed.bozo_exception}")
    if feed.version != "atom10":
        check.fail(f"updates.xml is {feed.version or 'not a feed'}, expected Atom 1.0")
    if len(feed.entries) != len(sections):
        check.fail(f"updates.xml has {len(feed.entries)} entries for {len(sections)} editions on the page")
    for entry in feed.entries:
        link = entry.get("link", "")
        if not link.startswith(site.base_url + "updates/#as-of-"):
            check.fail(f"updates.xml entry links to {link}, not to the updates page")
        elif link.split("#", 1)[1] not in {s.get("id") for s in sections}:
            check.fail(f"updates.xml entry {link} has no section on the page")
        if not entry.get("updated"):
            check.fail(f"updates.xml entry {link} has no <updated>")
    content_feed = feedparser.parse(str(site.dir / "feed.xml"))
    if content_feed.feed.get("id") == feed.feed.get("id"):
        check.fail("updates.xml has the same id as feed.xml")
    check.counts = f"{len(sections)} edition(s) on the page and in updates.xml (Atom, feedparser)"


def check_new_since(site: Site, check: Check) -> None:
    """A reader who last saw an older edition sees marks, and 'Mark all as seen' clears them."""
    from .browser import make_driver

    driver = make_driver()
    try:
        driver.get(site.page_url("timeline/index.html"))
        # A returning reader whose last visit saw nothing newer than 2000.
        driver.execute_script("localStorage.setItem('dossier:last-seen', '2000-01-01'); sessionStorage.clear();")
        driver.get(site.page_url("timeline/index.html"))
        marked = driver.execute_script("return document.querySelectorAll('.new-since-badge').length")
        entries = driver.execute_script("return document.querySelectorAll('[data-changed]').length")
        cookies = driver.get_cookies()
        if not marked or marked != entries:
            check.fail(f"timeline: {marked} 'New' marks for {entries} entries changed since 2000")
        if cookies:
            check.fail(f"the script set cookies: {[c['name'] for c in cookies]}")
        driver.execute_script("document.querySelector('.new-since button').click()")
        left = driver.execute_script("return document.querySelectorAll('.new-since-badge, .new-since').length")
        if left:
            check.fail(f"'Mark all as seen' left {left} mark(s)")
        driver.get(site.page_url("index.html"))
        again = driver.execute_script("return document.querySelectorAll('.new-since-badge').length")
        if again:
            check.fail(f"after 'Mark all as seen', the home page still marks {again} entries")
        # A first visit marks nothing: everything would be new.
        driver.execute_script("localStorage.clear(); sessionStorage.clear();")
        driver.get(site.page_url("timeline/index.html"))
        first = driver.execute_script("return document.querySelectorAll('.new-since-badge').length")
        if first:
            check.fail(f"a first visit marks {first} entries as new")
        # The two pages of this feature, on a phone: nothing wider than the screen.
        driver.set_window_size(390, 844)
        for rel in ("print/index.html", "updates/index.html"):
            driver.get(site.page_url(rel))
            width, client = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if width > client + 1:
                check.fail(f"{rel} at 390 px scrolls sideways: {width} px wide in {client}")
        check.counts = (f"{marked} of {entries} timeline entries marked for a returning reader, cleared by the button; "
                        "print/ and updates/ fit 390 px")
    finally:
        driver.quit()

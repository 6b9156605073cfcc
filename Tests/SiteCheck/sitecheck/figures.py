"""Check: figures and maps. Every <img> has alt, width and height and a file behind it
that is not empty; in Chromium, at both widths, every image loads, every map is visible
and inside the page, and no two of a map's labels overlap. Run on each build, the
portable one from file://."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .builds import Site

# Pages with a map or a figure in the real dossier (site paths, folder URLs).
MAP_PAGES = [
    "", "entities/organizations/alliance-of-sahel-states/", "entities/countries/mali/",
    "entities/countries/burkina-faso/", "entities/countries/niger/", "briefings/the-road-here/",
]
WIDTHS = [(1280, 900), (390, 844)]


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[tuple[int, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append((self.getpos()[0], dict(attrs)))


def check_images_static(site: Site, check) -> int:
    """Every <img> of every page: alt, width, height, a readable file. Returns the count."""
    count = 0
    for rel in site.pages():
        page = site.dir / rel
        parser = _Images()
        parser.feed(page.read_text(encoding="utf-8"))
        for line, attrs in parser.images:
            count += 1
            where = f"{site.name}: {rel}:{line}"
            for name in ("alt", "width", "height"):
                if name not in attrs:
                    check.fail(f"{where}: <img src=\"{attrs.get('src', '')}\"> has no {name}")
            for name in ("width", "height"):
                if name in attrs and not re.fullmatch(r"[1-9][0-9]*", attrs[name] or ""):
                    check.fail(f"{where}: <img> {name}=\"{attrs[name]}\" is not a positive whole number")
            src = attrs.get("src") or ""
            parts = urlsplit(src)
            if parts.scheme or src.startswith("//"):
                check.fail(f"{where}: <img src=\"{src}\"> is not a file of the site")
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_relative_to(site.dir.resolve()) or not target.is_file() or target.stat().st_size == 0:
                check.fail(f"{where}: broken image: {src}")
    return count


_LAYOUT_JS = r"""
const out = {images: [], maps: [], overlaps: []};
for (const img of document.images) {
  if (!img.complete || img.naturalWidth === 0) out.images.push(img.getAttribute('src'));
}
for (const svg of document.querySelectorAll('svg.map')) {
  const r = svg.getBoundingClientRect();
  out.maps.push([svg.getAttribute('class'), r.width, r.height, r.left, r.right, svg.checkVisibility()]);
  const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const [a, ra] = texts[i], [b, rb] = texts[j];
    const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (x > 0.5 && y > 0.5) out.overlaps.push([a, b, Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
  }
}
return out;
"""


def check_maps_in_browser(site: Site, check, results: Path | None = None) -> int:
    """Loads the map and figure pages at both widths; returns the number of loads."""
    from .browser import make_driver

    driver = make_driver()
    loads = 0
    try:
        for width, height in WIDTHS:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
            for path in MAP_PAGES:
                if not site.file_for(path):
                    continue  # a dossier without this page (the self-test's copy has them all)
                url = site.site_url + (path + "index.html" if site.portable else path)
                driver.get(url)
                loads += 1
                for _ in range(40):  # lazy images load once scrolled to; scroll through the page
                    if driver.execute_script("return document.readyState") == "complete":
                        break
                    time.sleep(0.05)
                driver.execute_script(
                    "document.querySelectorAll('img').forEach(i => { i.loading = 'eager'; i.scrollIntoView(); });"
                    "window.scrollTo(0, 0);")
                time.sleep(0.3)
                found = driver.execute_script(_LAYOUT_JS)
                label = f"{site.name}: {path or '/'} at {width}px"
                for src in found["images"]:
                    check.fail(f"{label}: image did not load: {src}")
                for cls, w, h, left, right, visible in found["maps"]:
                    if w < 200 or h < 100 or not visible:
                        check.fail(f"{label}: map '{cls}' is not visible ({w:.0f}x{h:.0f})")
                    if left < -0.5 or right > width + 0.5:
                        check.fail(f"{label}: map '{cls}' leaves the page ({left:.0f}..{right:.0f} of {width})")
                for a, b, x, y in found["overlaps"]:
                    check.fail(f"{label}: map labels '{a}' and '{b}' overlap ({x} x {y} px)")
                if path == "" and not found["maps"]:
                    check.fail(f"{label}: the home page has no map")
                if results is not None:
                    driver.save_screenshot(str(results / f"{site.name}-figures-{(path.strip('/') or 'home').replace('/', '_')}-{width}.png"))
    finally:
        driver.quit()
    return loads


def check_figures(site: Site, check, results: Path | None = None) -> None:
    if results is not None:
        results.mkdir(parents=True, exist_ok=True)
    images = check_images_static(site, check)
    loads = check_maps_in_browser(site, check, results)
    where = f"served at {site.site_url}" if site.served else "from file://"
    check.counts = f"{images} <img> in {len(site.pages())} pages; {loads} loads of map pages {where}"

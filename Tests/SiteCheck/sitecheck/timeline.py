"""Check: the timeline drawings as a reader meets them, in headless Chromium.

At 1280x900 and 390x844: the 22 September 2025 announcement, the as-of line and the 2027
date are inside the viewport on first paint (no scrolling of page or figure); no two SVG
text boxes overlap on the timeline, an entity page and an event page; every mark is a
focusable link with a name (date, title, status); the legend names every status; with
JavaScript disabled the overview holds every event of the list; zoom and filter work from
the keyboard, and the view is kept in the address."""

from __future__ import annotations

import json
import re
import time

from .builds import Site
from .results import Check

PAGES = {
    "timeline": "timeline/",
    "entity": "entities/countries/mali/",
    "event": "events/2025-09-22-aes-announces-icc-withdrawal/",
}
VIEWPORTS = [(1280, 900), (390, 844)]
STATUSES = ["confirmed", "reported", "projected", "disputed", "unconfirmed"]

# The drawing on screen (one width variant of each figure is displayed).
VISIBLE_DRAWINGS = "[...document.querySelectorAll('svg.timeline-drawing')].filter(s => s.getClientRects().length)"

OVERLAPS_JS = """
const out = [];
for (const svg of %s) {
  const boxes = [...svg.querySelectorAll('text')].filter(t => t.getClientRects().length && t.textContent.trim())
    .map(t => [t.textContent.trim(), t.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, r] = boxes[i], [b, q] = boxes[j];
    const w = Math.min(r.right, q.right) - Math.max(r.left, q.left), h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
    if (w > 0.5 && h > 0.5) out.push(a + ' / ' + b);
  }
}
return out;""" % VISIBLE_DRAWINGS

MARKS_JS = """
return %s.flatMap(svg => [...svg.querySelectorAll('a.mark')].map(a => ({
  name: (a.querySelector('title') || {}).textContent || '', href: a.getAttribute('href') || '',
  tabindex: a.getAttribute('tabindex')})));""" % VISIBLE_DRAWINGS

FIRST_PAINT_JS = """
const svg = %s[0];
if (!svg) return {missing: 'no timeline drawing on screen'};
const inView = r => r && r.width >= 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
const mark = test => { const a = [...svg.querySelectorAll('a.mark')].find(a => test(a.querySelector('title').textContent)); return a ? a.getBoundingClientRect() : null; };
const announcement = mark(n => n.startsWith('22 September 2025:') && /announce/i.test(n));
const projected = mark(n => /2027:/.test(n));
const today = svg.querySelector('.today-line');
const fig = svg.closest('figure');
return {
  scroll: [scrollX, scrollY], figureScroll: fig.scrollLeft + fig.scrollTop,
  announcement: announcement && inView(announcement), projected: projected && inView(projected),
  today: today && inView(today.getBoundingClientRect()),
  found: [!!announcement, !!projected, !!today]};""" % VISIBLE_DRAWINGS

NAME = re.compile(r"^(c\. )?\d{0,2}.*\d{4}.*: .+ \((confirmed|reported|projected|disputed|unconfirmed)(; .*)?\)$")


def check_timeline(site: Site, check: Check) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    from .browser import make_driver

    driver = make_driver()
    loads = marks_seen = texts = 0
    try:
        def load(path: str, width: int, height: int, *, scripts: bool = True) -> None:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not scripts})
            if site.portable and path.endswith("/"):
                path += "index.html"
            driver.get(site.site_url + path)
            time.sleep(0.3)

        for width, height in VIEWPORTS:
            for key, path in PAGES.items():
                label = f"{key} ({path}) at {width}px"
                load(path, width, height)
                loads += 1
                if key == "timeline":
                    paint = driver.execute_script(FIRST_PAINT_JS)
                    if paint.get("missing"):
                        check.fail(f"{label}: {paint['missing']}")
                    else:
                        if paint["scroll"] != [0, 0] or paint["figureScroll"]:
                            check.fail(f"{label}: scrolled on first paint ({paint})")
                        for what, ok, found in zip(("the 22 September 2025 announcement", "the 2027 date", "the as-of line"),
                                                   (paint["announcement"], paint["projected"], paint["today"]), paint["found"]):
                            if not found:
                                check.fail(f"{label}: no mark for {what}")
                            elif not ok:
                                check.fail(f"{label}: {what} is outside the {width}x{height} viewport on first paint")
                    legend = driver.execute_script(
                        "const l = document.querySelector('.timeline-legend'); return l && l.getClientRects().length ? l.textContent : null")
                    if not legend:
                        check.fail(f"{label}: no visible legend")
                    else:
                        for status in STATUSES:
                            if status not in legend:
                                check.fail(f"{label}: the legend does not name '{status}'")
                overlaps = driver.execute_script(OVERLAPS_JS)
                texts += driver.execute_script(
                    f"return {VISIBLE_DRAWINGS}.reduce((n, s) => n + s.querySelectorAll('text').length, 0)")
                for pair in overlaps[:10]:
                    check.fail(f"{label}: SVG text boxes overlap: {pair}")
                marks = driver.execute_script(MARKS_JS)
                marks_seen += len(marks)
                if not marks:
                    check.fail(f"{label}: no marks in the drawing")
                by_href: dict[str, list] = {}
                for mark in marks:
                    by_href.setdefault(mark["href"], []).append(mark)
                    if not NAME.match(mark["name"]):
                        check.fail(f"{label}: mark {mark['href']} has no name of date, title and status: {mark['name']!r}")
                for href, same in by_href.items():
                    if all(m["tabindex"] == "-1" for m in same):
                        check.fail(f"{label}: no mark for {href} is focusable")
                # Focus reaches a mark and shows its name.
                first = driver.execute_script(
                    f"return {VISIBLE_DRAWINGS}[0].querySelector('a.mark:not([tabindex=\"-1\"])')")
                shown = driver.execute_script(
                    "const a = arguments[0]; a.focus(); const tip = a.ownerSVGElement.querySelector('.tip');"
                    "return [document.activeElement === a, tip && tip.getAttribute('display') !== 'none' ? tip.textContent : null,"
                    " a.querySelector('title').textContent]", first)
                if not shown[0]:
                    check.fail(f"{label}: a mark cannot take focus")
                elif (shown[1] or "").replace(" ", "") != shown[2].replace(" ", ""):
                    check.fail(f"{label}: focus on a mark does not show its name (shown: {shown[1]!r})")
                if first.accessible_name != shown[2]:
                    check.fail(f"{label}: the browser names a mark {first.accessible_name!r}, not {shown[2]!r}")

        # Every other entity page: no overlapping text in its drawing, at both widths.
        entities = [p[:-len("index.html")] for p in site.pages()
                    if p.startswith("entities/") and p.count("/") == 3 and p.endswith("/index.html")]
        for width, height in VIEWPORTS:
            for path in entities:
                if path == PAGES["entity"]:
                    continue
                load(path, width, height)
                loads += 1
                for pair in driver.execute_script(OVERLAPS_JS)[:5]:
                    check.fail(f"{path} at {width}px: SVG text boxes overlap: {pair}")

        # Without JavaScript: the overview on screen holds every event of the list below it.
        for width, height in VIEWPORTS:
            load(PAGES["timeline"], width, height, scripts=False)
            found = driver.execute_script(
                f"const s = {VISIBLE_DRAWINGS}[0]; if (!s) return null;"
                "const names = new Set([...s.querySelectorAll('a.mark')].map(a => a.querySelector('title').textContent));"
                "const items = [...document.querySelectorAll('ol.events > li')];"
                "return [names.size, items.length, !!document.querySelector('.timeline-tools'),"
                " s.getBoundingClientRect().width / s.closest('figure').getBoundingClientRect().width]")
            if not found:
                check.fail(f"timeline at {width}px without JavaScript: no drawing on screen")
            elif found[0] != found[1]:
                check.fail(f"timeline at {width}px without JavaScript: {found[0]} events drawn, {found[1]} listed")
            elif found[3] < 0.95:
                check.fail(f"timeline at {width}px without JavaScript: the drawing fills {found[3]:.0%} of its figure")
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

        # Zoom, pan and filter from the keyboard; the view goes into the address.
        load(PAGES["timeline"], 1280, 900)
        svg = driver.execute_script(f"return {VISIBLE_DRAWINGS}[0]")
        driver.execute_script("arguments[0].focus()", svg)
        active = lambda: driver.switch_to.active_element  # noqa: E731
        if active() != svg:
            check.fail("timeline: the drawing cannot take keyboard focus")
        ActionChains(driver).send_keys("+").perform()
        query = driver.execute_script("return location.search")
        if "from=" not in query or "to=" not in query:
            check.fail(f"timeline: '+' did not zoom into a view kept in the address ({query!r})")
        ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
        moved = driver.execute_script("return location.search")
        if moved == query:
            check.fail("timeline: the right arrow did not pan the view")
        # Reload with the address: the same view comes back.
        driver.get(driver.current_url)
        time.sleep(0.3)
        if driver.execute_script("return location.search") != moved:
            check.fail("timeline: the view in the address was not restored on load")
        # Filter, from the opening view: open the filter disclosure and a status checkbox, toggle with Space.
        load(PAGES["timeline"], 1280, 900)
        summary = driver.find_element(By.CSS_SELECTOR, ".overview .timeline-filters summary")
        driver.execute_script("arguments[0].focus()", summary)
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        box = driver.find_element(By.CSS_SELECTOR, ".overview .timeline-filters input[value=confirmed]")
        driver.execute_script("arguments[0].focus()", box)
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        hidden = driver.execute_script(
            f"const s = {VISIBLE_DRAWINGS}[0]; const m = [...s.querySelectorAll('a.mark.status-confirmed')];"
            "return [m.length, m.filter(a => !a.getClientRects().length).length, location.search]")
        if hidden[0] == 0 or hidden[1] != hidden[0] or "status=confirmed" not in hidden[2]:
            check.fail(f"timeline: unticking 'confirmed' by keyboard did not hide those marks ({hidden})")
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        if driver.execute_script(
                f"return [...{VISIBLE_DRAWINGS}[0].querySelectorAll('a.mark.status-confirmed')].some(a => !a.getClientRects().length)"):
            check.fail("timeline: ticking 'confirmed' again did not bring the marks back")
        buttons = driver.execute_script(
            "return [...document.querySelectorAll('.overview .timeline-tools button')].map(b => b.getAttribute('aria-label'))")
        for name in ("Zoom in", "Zoom out", "Focus view", "Whole history"):
            if name not in buttons:
                check.fail(f"timeline: no '{name}' button")
        # Another language's timeline: the buttons in its words, which timeline.js reads from
        # the script the build made of Templates/i18n/ (not from each figure).
        scripts = sorted((site.dir / "assets").glob("timeline-words.*.js"))
        words = json.loads(scripts[0].read_text().split("= ", 1)[1].rstrip().rstrip(";")) if scripts else {}
        for code in sorted(set(words) - {"en"}):
            if not (site.dir / code / "timeline" / "index.html").exists():
                continue
            load(f"{code}/timeline/", 1280, 900)
            labels = driver.execute_script(
                "return [...document.querySelectorAll('.overview .timeline-tools button')].map(b => b.getAttribute('aria-label'))")
            for key in ("zoom_in", "zoom_out", "focus_view", "whole"):
                if words[code][key] not in labels:
                    check.fail(f"{code}/timeline: no '{words[code][key]}' button ({key}), but {labels}")
            loads += 1
        if not scripts:
            check.fail("timeline: no assets/timeline-words.*.js, the words timeline.js writes")
    finally:
        driver.quit()
    check.counts = (f"{len(PAGES)} pages x {len(VIEWPORTS)} widths and every entity page, {loads} loads, {marks_seen} marks and "
                    f"{texts} SVG texts looked at, keyboard zoom, pan and filter")

"""The relationship graphs and the page frame, in the browser: labels that do not overlap
and are not cut, text readable on a phone, a legend, nodes focusable and named,
relations named on focus, filters and zoom by keyboard, chart marks at 3:1 in both
schemes, the theme toggle remembered, and the header one line on a phone."""

from __future__ import annotations

import time
from pathlib import Path

from .browser import Browser, make_driver

# Pages with a graph: the whole graph and entity pages' neighbourhoods (a hub, a treaty,
# a court with many people around it, a person at the edge).
GRAPH_PAGES = {
    "graph": "graph/",
    "entity": "entities/countries/mali/",
    "treaty": "entities/treaties/rome-statute/",
    "court": "entities/courts/international-criminal-court/",
    "person": "entities/people/assimi-goita/",
}
FRAME_PAGES = {"home": "", "timeline": "timeline/", "briefing": "briefings/overview/"}
PHONE = (390, 844)
WIDE = (1280, 900)
MIN_PHONE_TEXT_PX = 11
MAX_PHONE_HEADER_PX = 64

GEOMETRY_JS = r"""
const out = [];
for (const svg of document.querySelectorAll('main svg[data-graph]')) {
  const frame = svg.getBoundingClientRect();
  const scale = frame.width / (svg.viewBox.baseVal.width || frame.width);
  const boxes = [];
  for (const t of svg.querySelectorAll('text')) {
    if (!t.checkVisibility({visibilityProperty: true})) continue;
    const r = t.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    boxes.push({text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
                px: parseFloat(getComputedStyle(t).fontSize) * scale});
  }
  out.push({frame: {x: frame.left, y: frame.top, w: frame.width, h: frame.height}, boxes});
}
return out;
"""

def check_graph_pages(site, check, results: Path, only_pages: set[str] | None = None) -> None:
    without_script(site, check)
    driver = make_driver()
    browser = Browser(driver)
    pages = {k: v for k, v in GRAPH_PAGES.items() if only_pages is None or k in only_pages}
    counts = {"pages": 0, "labels": 0, "nodes": 0, "marks": 0}
    try:
        for width, height in (WIDE, PHONE):
            browser.viewport(width, height)
            for key, path in pages.items():
                label = f"{key} ({path}) at {width}px"
                browser.load(url(site, path), label)
                counts["pages"] += 1
                geometry(driver, check, label, width, counts)
                if width == WIDE[0]:
                    static_parts(driver, check, label, counts)
                    keyboard(driver, check, label)
                driver.save_screenshot(str(results / f"graph-{site.name}-{key}-{width}.png"))
        for scheme in ("light", "dark"):
            browser.color_scheme(scheme)
            browser.viewport(*WIDE)
            for key, path in pages.items():
                browser.load(url(site, path), f"{key} ({scheme})")
                mark_contrast(driver, check, f"{key} ({scheme})", counts)
        browser.color_scheme("light")
        frame_checks(site, browser, check)
    finally:
        driver.quit()
    check.counts = (f"{counts['pages']} graph views, {counts['labels']} labels without overlap, "
                    f"{counts['nodes']} nodes focusable and named, {counts['marks']} mark colours at 3:1")


def without_script(site, check) -> None:
    """The graph page as written, before any script runs: drawing, legend, relations in words;
    and the theme set before the first paint (an inline script ahead of the stylesheet)."""
    html = (site.dir / "graph" / "index.html").read_text()
    head = html[:html.find("</head>")]
    theme, sheet = head.find("localStorage"), head.find('rel="stylesheet"')
    if theme < 0 or sheet < 0 or theme > sheet or head.rfind("<script", 0, theme) < head.rfind("</script>", 0, theme):
        check.fail("graph/index.html: no inline script reading the saved theme ahead of the stylesheet "
                   "(the page would flash the other scheme)")
    for needed, what in (("data-graph=", "the drawing"), ('class="graph-legend"', "the legend"),
                         ('class="node ', "linked nodes"), ('class="relation-list"', "the relations in words")):
        if needed not in html:
            check.fail(f"graph/index.html without JavaScript: no {what} ({needed})")


def url(site, path: str) -> str:
    if site.portable and (path == "" or path.endswith("/")):
        path += "index.html"
    return site.site_url + path


def geometry(driver, check, label: str, width: int, counts: dict) -> None:
    svgs = driver.execute_script(GEOMETRY_JS)
    if not svgs:
        check.fail(f"{label}: no graph (main svg[data-graph])")
    for n, svg in enumerate(svgs):
        boxes, frame = svg["boxes"], svg["frame"]
        counts["labels"] += len(boxes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
                dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
                if dx > 0.5 and dy > 0.5:
                    check.fail(f"{label}: graph {n + 1}: labels overlap: {a['text']!r} and {b['text']!r} "
                               f"({dx:.1f} x {dy:.1f} px)")
            inside = (a["x"] >= frame["x"] - 0.5 and a["y"] >= frame["y"] - 0.5
                      and a["x"] + a["w"] <= frame["x"] + frame["w"] + 0.5
                      and a["y"] + a["h"] <= frame["y"] + frame["h"] + 0.5)
            if not inside:
                check.fail(f"{label}: graph {n + 1}: label {a['text']!r} is cut by the drawing's edge")
            if width == PHONE[0] and a["px"] < MIN_PHONE_TEXT_PX:
                check.fail(f"{label}: graph {n + 1}: label {a['text']!r} is {a['px']:.1f} px tall on a phone "
                           f"(at least {MIN_PHONE_TEXT_PX})")


def static_parts(driver, check, label: str, counts: dict) -> None:
    info = driver.execute_script(r"""
      const svg = document.querySelector('main [data-graph-area] svg[data-graph]');
      if (!svg) return null;
      const area = svg.closest('[data-graph-area]');
      const legend = area && area.querySelector('.graph-legend');
      const legendKinds = legend ? [...legend.querySelectorAll('input[name=kind]')].map(i => i.value) : [];
      const legendShapes = legend ? legend.querySelectorAll('input[name=kind] ~ svg .mark').length : 0;
      const nodes = [...svg.querySelectorAll('.node')].map(n => ({
        kind: n.getAttribute('data-kind'), href: n.getAttribute('href'), tab: n.tabIndex,
        name: n.getAttribute('aria-label') || ''}));
      const edges = [...svg.querySelectorAll('.edge')].map(e => (e.querySelector('title') || {}).textContent || '');
      return {legendKinds, legendShapes, nodes, edges};
    """)
    if not info:
        return
    if not info["legendKinds"]:
        check.fail(f"{label}: no legend of entity kinds (.graph-legend input[name=kind])")
    elif info["legendShapes"] < len(info["legendKinds"]):
        check.fail(f"{label}: the legend shows {info['legendShapes']} shapes for {len(info['legendKinds'])} kinds")
    missing = sorted({n["kind"] for n in info["nodes"]} - set(info["legendKinds"]))
    if missing:
        check.fail(f"{label}: kinds drawn but not in the legend: {', '.join(missing)}")
    for node in info["nodes"]:
        counts["nodes"] += 1
        if not node["href"] or node["tab"] < 0 or len(node["name"].strip()) < 2:
            check.fail(f"{label}: a node is not a focusable, named link: {node}")
    unnamed = sum(1 for e in info["edges"] if len(e.split()) < 3)
    if unnamed:
        check.fail(f"{label}: {unnamed} of {len(info['edges'])} lines carry no sentence naming the relation")


def keyboard(driver, check, label: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def run(script):
        return driver.execute_script(script)

    # Tab reaches a node, and focusing it names its relations on the drawing.
    run("document.activeElement && document.activeElement.blur();"
        "const s = document.querySelector('main [data-graph-area] svg[data-graph]'); s.closest('[data-graph-area]').querySelector('.graph-frame').focus()")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    # Polled: on a loaded CI machine the key may land a moment after perform() returns.
    focused = settle(lambda: run("const a = document.activeElement; return a && a.matches('.node') ? a.getAttribute('aria-label') : null"))
    if not focused:
        check.fail(f"{label}: Tab from the graph's frame does not reach a node")
    else:
        shown = settle(lambda: run("return [...document.querySelectorAll('main [data-graph-area] svg[data-graph] .edge-label')]"
                                   ".filter(t => t.checkVisibility()).map(t => t.textContent)"))
        if not shown:
            check.fail(f"{label}: focusing {focused!r} names none of its relations on the drawing")
    # Filters: Space on a kind's box hides that kind's nodes, and again shows them.
    kind = run("const i = document.querySelector('main .graph-legend input[name=kind]'); if (!i) return null;"
               "i.focus(); return i.value")
    if kind is None:
        check.fail(f"{label}: no filter boxes")
    else:
        visible = f"return [...document.querySelectorAll('main [data-graph-area] svg[data-graph] .node[data-kind=\"{kind}\"]')].filter(n => n.checkVisibility()).length"
        before = run(visible)
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        after = run(visible)
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        again = run(visible)
        if not (before > 0 and after == 0 and again == before):
            check.fail(f"{label}: Space on the '{kind}' filter: {before} -> {after} -> {again} visible nodes")
    relation = run("const i = document.querySelector('main .graph-legend input[name=type]'); if (!i) return null;"
                   "i.focus(); return i.value")
    if relation is not None:
        visible = f"return [...document.querySelectorAll('main [data-graph-area] svg[data-graph] .edge[data-type=\"{relation}\"]')].filter(e => getComputedStyle(e).display !== 'none').length"
        before = run(visible)
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        after = run(visible)
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        if not (before > 0 and after == 0):
            check.fail(f"{label}: Space on the '{relation}' filter: {before} -> {after} visible lines")
    # Zoom: + on the focused frame narrows the viewBox, 0 restores it.
    view = "return document.querySelector('main [data-graph-area] svg[data-graph]').getAttribute('viewBox')"
    run("document.querySelector('main [data-graph-area] svg[data-graph]').closest('[data-graph-area]').querySelector('.graph-frame').focus()")
    start = run(view)
    ActionChains(driver).send_keys("+").perform()
    zoomed = run(view)
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    panned = run(view)
    ActionChains(driver).send_keys("0").perform()
    reset = run(view)
    width = lambda v: float(v.split()[2])  # noqa: E731
    if not (width(zoomed) < width(start) and panned != zoomed and width(reset) == width(start)):
        check.fail(f"{label}: keyboard zoom and pan: viewBox {start} -> + {zoomed} -> right {panned} -> 0 {reset}")


def settle(read, seconds: float = 3.0):
    """`read()` once it is truthy, or its last value after `seconds`."""
    deadline = time.monotonic() + seconds
    value = read()
    while not value and time.monotonic() < deadline:
        time.sleep(0.05)
        value = read()
    return value


def mark_contrast(driver, check, label: str, counts: dict) -> None:
    items = driver.execute_script(r"""
      const svg = document.querySelector('main [data-graph-area] svg[data-graph]');
      if (!svg) return [];
      let bgEl = svg.parentElement, bg = 'rgb(255, 255, 255)';
      for (let e = bgEl; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c && c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c)) { bg = c; break; }
      }
      const seen = new Set(), out = [];
      for (const el of svg.querySelectorAll('.node .mark, .edge .stroke')) {
        const cs = getComputedStyle(el);
        const isMark = el.classList.contains('mark');
        const what = isMark ? 'node mark of kind ' + el.parentNode.getAttribute('data-kind') : 'line of type ' + el.parentNode.getAttribute('data-type');
        if (seen.has(what)) continue;
        seen.add(what);
        out.push({what, colour: isMark ? cs.fill : cs.stroke, bg});
      }
      return out;
    """)
    for item in items:
        ratio = contrast(parse(item["colour"]), parse(item["bg"]))
        counts["marks"] += 1
        if ratio < 3:
            check.fail(f"{label}: {item['what']}: {item['colour']} on {item['bg']} is {ratio:.2f}:1, below 3:1")


def frame_checks(site, browser, check) -> None:
    """The header on a phone, and the theme toggle remembered across pages."""
    driver = browser.d
    browser.viewport(*PHONE)
    for key, path in {**FRAME_PAGES, "graph": "graph/", "entity": "entities/countries/mali/"}.items():
        browser.load(url(site, path), f"{key} at {PHONE[0]}px")
        height, search = driver.execute_script(
            "const h = document.querySelector('.site-header'); const s = [...document.querySelectorAll("
            "'.site-header input[type=search], .site-header a.search-link')].some(e => e.checkVisibility());"
            "return [h ? h.getBoundingClientRect().height : null, s]")
        if height is None or height > MAX_PHONE_HEADER_PX:
            check.fail(f"{key} at {PHONE[0]}px: the header is {height} px tall (one line: at most {MAX_PHONE_HEADER_PX})")
        if not search:
            check.fail(f"{key} at {PHONE[0]}px: no search field or search link visible in the header")
    # The toggle: pick dark on one page, find it on the next, before and after load.
    browser.viewport(*WIDE)
    browser.color_scheme("light")
    browser.load(url(site, ""), "home (theme toggle)")
    driver.execute_script("localStorage.removeItem('dossier-theme'); document.querySelector('.theme-toggle').click()")
    chosen = driver.execute_script("return document.documentElement.getAttribute('data-theme')")
    browser.load(url(site, "graph/"), "graph (theme remembered)")
    kept, dark_bg = driver.execute_script(
        "return [document.documentElement.getAttribute('data-theme'),"
        " getComputedStyle(document.body).backgroundColor]")
    driver.execute_script("localStorage.removeItem('dossier-theme')")
    if chosen != "dark" or kept != "dark":
        check.fail(f"theme toggle: chose {chosen!r}, the next page has data-theme={kept!r}")
    elif luminance(parse(dark_bg)) > 0.2:
        check.fail(f"theme toggle: data-theme=dark, but the page background is {dark_bg}")


def parse(colour: str) -> tuple[float, float, float]:
    inner = colour[colour.index("(") + 1:colour.rindex(")")].replace(",", " ").replace("/", " ").split()
    return tuple(float(v) for v in inner[:3])  # type: ignore[return-value]


def luminance(rgb) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(a, b) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)

"""Check 4/5b: headless Chromium through selenium: console errors, failed requests,
sideways scrolling, visible SVGs, search, screenshots; collects focus and contrast."""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from pathlib import Path

from .browser_js import BROWSER_JS_HELPERS
from .builds import REPO, Site
from .focus_contrast import focus_checks, report_contrast, report_focus
from .helpers import short
from .results import Report
from .search import header_search, search_checks

# Pages the browser visits: key -> path inside the build (folder URL when served).
BROWSER_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "entity": "entities/countries/mali/",
    "briefing": None,  # the first briefing, found at run time
    "graph": "graph/",
    "search": "search/",
    # The French edition's own pages (issue #23).
    "fr-home": "fr/",
    "fr-timeline": "fr/timeline/",
    "fr-search": "fr/search/",
}
VIEWPORTS = [(1280, 900), (390, 844)]


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        raise RuntimeError("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-proxy-server",
                     "--window-size=1280,900", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Browser:
    def __init__(self, driver):
        self.d = driver
        self.late = []
        self.label = ""

    def viewport(self, width: int, height: int) -> None:
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def color_scheme(self, scheme: str) -> None:
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": scheme}]})

    late: list[tuple[str, str]]  # (page label, problem) that arrived after that page was checked

    def settle(self, label: str) -> None:
        """Attribute what arrived since the last look (a favicon request, a late error) to that page."""
        console, failed = self.problems()
        self.late += [(label, f"console error: {line}") for line in console]
        self.late += [(label, f"failed request: {line}") for line in failed]

    def load(self, url: str, label: str) -> None:
        from selenium.webdriver.support.ui import WebDriverWait
        self.settle(self.label)
        self.label = label
        self.d.get(url)
        WebDriverWait(self.d, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(0.3)  # let late errors and requests arrive
        self.d.execute_script(BROWSER_JS_HELPERS)

    def problems(self) -> tuple[list[str], list[str]]:
        """Console errors and failed requests since the last load."""
        console = [short(e.get("message", ""), 300) for e in self.d.get_log("browser") if e.get("level") == "SEVERE"]
        failed, urls = [], {}
        for entry in self.d.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent":
                urls[params["requestId"]] = params["request"]["url"]
            elif method == "Network.responseReceived":
                status = params["response"].get("status", 0)
                if status >= 400:
                    failed.append(f"HTTP {status} {params['response'].get('url')}")
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                failed.append(f"{params.get('errorText')} {urls.get(params.get('requestId'), '?')}")
        with contextlib.suppress(Exception):  # no page yet
            for name, status in self.d.execute_script(
                    "if (window.__scSeen) return []; window.__scSeen = true; return performance"
                    ".getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                    ".map(e => [e.name, e.responseStatus || 0])"):
                if status >= 400 and not any(name in line for line in failed):
                    failed.append(f"HTTP {status} {name}")
        return console, failed


def run_browser(site: Site, pages: dict[str, str], report: Report, results: Path, *, full: bool,
                dark: bool) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    results.mkdir(parents=True, exist_ok=True)
    name = f"browser/{site.name}"
    contrast_items, contrast_unknown, focus_results = [], [], []
    viewports = VIEWPORTS if full else VIEWPORTS[:1]
    spent = {"focus": 0.0, "contrast": 0.0}
    started = time.monotonic()
    with report.check(name) as check:
        driver = make_driver()
        browser = Browser(driver)
        loads = screenshots = searches = 0
        try:
            for width, height in viewports:
                browser.viewport(width, height)
                for key, path in pages.items():
                    if site.portable and (path == "" or path.endswith("/")):
                        path += "index.html"
                    url = site.site_url + path
                    label = f"{key} ({path or '/'}) at {width}px"
                    browser.load(url, label)
                    loads += 1
                    inner = driver.execute_script(
                        "return document.querySelector('meta[name=viewport]') ? window.innerWidth : null")
                    if inner is not None and inner != width:
                        check.note(f"{label}: window.innerWidth is {inner}")
                    if key == "search":
                        searches += search_checks(site, browser, check, label, By, Keys, WebDriverWait)
                    if key == "home" and width == viewports[0][0]:
                        header_search(site, browser, check, label, By, Keys, WebDriverWait)
                        browser.load(url, label)
                    scroll, inner = driver.execute_script(
                        "return [document.documentElement.scrollWidth, window.innerWidth]")
                    if scroll > inner:
                        wide = driver.execute_script(
                            "const w = innerWidth; return [...document.body.querySelectorAll('*')]"
                            ".filter(e => e.getBoundingClientRect().right > w + 1 && "
                            "![...e.children].some(c => c.getBoundingClientRect().right > w + 1))"
                            ".slice(0, 4).map(e => __sc.sel(e, true) + ' (right edge ' + "
                            "Math.round(e.getBoundingClientRect().right) + 'px)')")
                        check.fail(f"{label}: scrolls sideways (scrollWidth {scroll} > innerWidth {inner}); "
                                   f"widest: {'; '.join(wide) or '?'}")
                    if key in ("timeline", "graph"):
                        box = driver.execute_script(
                            "const s = [...document.querySelectorAll('main svg')].find(e => e.getClientRects().length)"
                            " || document.querySelector('main svg'); if (!s) return null;"
                            "const r = s.getBoundingClientRect();"
                            "return [r.width, r.height, s.checkVisibility()]")
                        if not box:
                            check.fail(f"{label}: no <svg> in <main>")
                        elif box[0] <= 0 or box[1] <= 0 or not box[2]:
                            check.fail(f"{label}: the <svg> is not visible (box {box[0]}x{box[1]})")
                    shot = results / f"{site.name}-{key}-{width}.png"
                    driver.save_screenshot(str(shot))
                    screenshots += 1
                    if full:
                        t = time.monotonic()
                        found = driver.execute_script("return __sc.contrast()")
                        for item in found["items"]:
                            item.update(page=key, width=width, scheme="light")
                        contrast_items += found["items"]
                        contrast_unknown += [f"{key}: {u}" for u in found["unknown"]]
                        spent["contrast"] += time.monotonic() - t
                        if width == viewports[0][0]:
                            t = time.monotonic()
                            focus_results += focus_checks(browser, key, ActionChains, Keys)
                            spent["focus"] += time.monotonic() - t
                    console, failed = browser.problems()
                    for line in console:
                        check.fail(f"{label}: console error: {line}")
                    for line in failed:
                        check.fail(f"{label}: failed request: {line}")
            if full and dark:
                browser.color_scheme("dark")
                for width, height in viewports:
                    browser.viewport(width, height)
                    for key, path in pages.items():
                        t = time.monotonic()
                        browser.load(site.site_url + path, f"{key} ({path or '/'}) at {width}px (dark)")
                        found = driver.execute_script("return __sc.contrast()")
                        spent["contrast"] += time.monotonic() - t
                        for item in found["items"]:
                            item.update(page=key, width=width, scheme="dark")
                        contrast_items += found["items"]
                        driver.save_screenshot(str(results / f"{site.name}-{key}-{width}-dark.png"))
                        screenshots += 1
                        console, failed = browser.problems()
                        for line in console + failed:
                            check.fail(f"{key} at {width}px (dark): {line}")
                browser.color_scheme("light")
            time.sleep(0.5)
            browser.settle(browser.label)
            for where, line in browser.late:
                check.fail(f"{where}: {line} (arrived after the page was checked)")
        finally:
            driver.quit()
        check.measured = time.monotonic() - started - spent["focus"] - spent["contrast"]
        where = f"served at {site.site_url}" if site.served else "from file://"
        check.counts = (f"{len(pages)} pages x {len(viewports)} widths {where}, {loads} loads, "
                        f"{searches} searches, {screenshots} screenshots in {results.relative_to(REPO) if results.is_relative_to(REPO) else results}")
    if full:
        with report.check("focus") as check:
            check.measured = spent["focus"]
            report_focus(focus_results, check)
        with report.check("contrast") as check:
            check.measured = spent["contrast"]
            report_contrast(contrast_items, contrast_unknown, check, dark)

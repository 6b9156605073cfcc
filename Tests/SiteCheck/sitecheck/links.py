"""Check 2: every internal href/src/srcset/action and #fragment of one build."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .builds import Site
from .helpers import http_get, ids_of, links_of, page_base, short, soup_of
from .results import Check


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

"""The builds: Site (one build and how a reader reaches it), serving it, building
the three of them with dossier, and the base URL from Content/site.yml."""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

from .helpers import short
from .results import Check

REPO = Path(__file__).resolve().parents[3]


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

# --------------------------------------------------------------------------- builds

def build_sites(dossier: Path, workdir: Path, base_url: str, check: Check, names=("root", "subpath", "portable")):
    sub_port = free_port()
    sub_base = f"http://127.0.0.1:{sub_port}/dossier/"
    plans = [
        ("root", workdir / "root", ["--pdf"]),  # the print edition's PDF, for the print check
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

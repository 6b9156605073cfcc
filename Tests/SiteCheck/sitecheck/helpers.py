"""Helpers shared by the checks: HTTP GET, parsing, ids, the URLs a page points at."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin

from bs4 import BeautifulSoup


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

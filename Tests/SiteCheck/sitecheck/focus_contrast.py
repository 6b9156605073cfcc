"""Keyboard focus styles and WCAG AA contrast, measured in the browser and reported
as the focus and contrast checks."""

from __future__ import annotations

import re

from .builds import Site
from .helpers import short
from .results import Check


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
    """A dark scheme: a prefers-color-scheme block, or colours written with light-dark()."""
    return any(re.search(r"prefers-color-scheme\s*:\s*dark|light-dark\(", p.read_text(errors="replace"))
               for p in site.dir.rglob("*.css"))

"""--self-test: a bad link, an invalid element, overlapping graph labels and a JS error must each fail the check."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .builds import build_sites, read_base_url
from .results import Report


def self_test(args) -> int:
    """Inject a bad link, an invalid element, overlapping graph labels and a JS error; the check must fail on each."""
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
            ("overlapping graph labels", "graph",
             '<svg data-graph="" viewBox="0 0 200 40" width="200" height="40"><text x="10" y="20">self-test one</text>'
             '<text x="14" y="22">self-test two</text></svg>',
             "after_main", ["labels overlap", "self-test one"]),
            ("broken image", "figures", '<img src="no-such-image.png">', "after_main",
             ["broken image: no-such-image.png", "has no alt"]),
            ("overlapping map labels", "figures",
             '<svg class="map" viewBox="0 0 300 200" width="300" height="200"><text x="10" y="20">Label one</text>'
             '<text x="14" y="24">Label two</text></svg>', "after_main",
             ["map labels 'Label one' and 'Label two' overlap"]),
            ("link to another language without hreflang", "languages",
             '<p><a href="../../../fr/entities/countries/mali/">Mali en français</a></p>', "after_main",
             ["without hreflang", "fr/entities/countries/mali/index.html"]),
            ("JS error", "browser", '<script>throw new Error("site-check self-test error")</script>',
             "before_body_end", ["console error", "site-check self-test error"]),
        ]
        passed = failed = 0
        script = Path(__file__).resolve().parents[1] / "site_check.py"
        for label, only, snippet, where, expect in faults:
            copy = workdir / ("fault-" + label.replace(" ", "-"))  # two faults may share a check
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

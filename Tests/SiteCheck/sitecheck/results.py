"""Check and Report: what each check found, the summary lines and report.json."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path


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

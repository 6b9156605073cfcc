#!/usr/bin/env python3
"""Draws Content/briefings/the-road-here-ratifications.svg, the figure of "The road here":
for each Sahel state, the time from its ratification of the Rome Statute to the joint
withdrawal announcement. The dates are read from the dossier's own event files, which
cite their sources (the figure's caption cites the same ones), so the chart shows
nothing the dossier does not already say.

    Tests/Figures/make_ratification_chart.py > Content/briefings/the-road-here-ratifications.svg
"""
import datetime
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVENTS = ROOT / "Content" / "events"
STATES = [  # (label, event file of the ratification)
    ("Mali", "2000-08-16-mali-ratifies-rome-statute.md"),
    ("Niger", "2002-04-11-niger-ratifies-rome-statute.md"),
    ("Burkina Faso", "2004-04-16-burkina-faso-ratifies-rome-statute.md"),
]
ANNOUNCEMENT = "2025-09-22-aes-announces-icc-withdrawal.md"
WIDTH, LEFT, RIGHT, TOP, ROW = 480, 104, 20, 40, 44
FIRST_YEAR, LAST_YEAR = 1998, 2027


def event_date(name):
    text = (EVENTS / name).read_text(encoding="utf-8")
    found = re.search(r'^date:\s*"?(\d{4}-\d{2}-\d{2})"?\s*$', text, re.M)
    return datetime.date.fromisoformat(found.group(1))


def x(day):
    start = datetime.date(FIRST_YEAR, 1, 1).toordinal()
    end = datetime.date(LAST_YEAR, 1, 1).toordinal()
    return LEFT + (day.toordinal() - start) / (end - start) * (WIDTH - LEFT - RIGHT)


def display(day):
    return f"{day.day} {day.strftime('%b')} {day.year}"


def main():
    announced = event_date(ANNOUNCEMENT)
    height = TOP + ROW * len(STATES) + 34
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">']
    out.append("<style>"
               "svg{background:#fdfdfb}text{font:14px system-ui,sans-serif;fill:#1d1d1f}.small{font-size:12px;fill:#4a4a4a}"
               ".bar{fill:#b5651d}.axis,.tick{stroke:#8a867d}.mark{stroke:#1d1d1f;stroke-dasharray:4 3}</style>")
    # Light in both schemes: an <img> follows the system's scheme, not the page's toggle,
    # so a chart of its own background reads the same on a light or a dark page.
    out.append(f'<rect width="{WIDTH}" height="{height}" fill="none"/>')
    axis_y = TOP + ROW * len(STATES) + 4
    out.append(f'<line class="axis" x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}"/>')
    for year in range(2000, LAST_YEAR, 5):
        tx = x(datetime.date(year, 1, 1))
        out.append(f'<line class="tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 5}"/>')
        out.append(f'<text class="small" x="{tx:.1f}" y="{axis_y + 19}" text-anchor="middle">{year}</text>')
    mark_x = x(announced)
    out.append(f'<line class="mark" x1="{mark_x:.1f}" y1="{TOP - 14}" x2="{mark_x:.1f}" y2="{axis_y}"/>')
    out.append(f'<text class="small" x="{mark_x:.1f}" y="{TOP - 20}" text-anchor="end">Withdrawal announced, {display(announced)}</text>')
    for row, (label, name) in enumerate(STATES):
        ratified = event_date(name)
        y = TOP + ROW * row
        years = (announced - ratified).days / 365.25
        out.append(f'<text x="{LEFT - 8}" y="{y + 17}" text-anchor="end">{label}</text>')
        out.append(f'<rect class="bar" x="{x(ratified):.1f}" y="{y + 4}" width="{mark_x - x(ratified):.1f}" height="18"/>')
        out.append(f'<text class="small" x="{x(ratified):.1f}" y="{y + 37}">ratified {display(ratified)}; {years:.1f} years before</text>')
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()

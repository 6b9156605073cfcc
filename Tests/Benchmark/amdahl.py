"""Amdahl's law from a build timed on one core and on two.

With a serial share s of the one-core time T1, n cores take T(n) = T1 * (s + (1 - s) / n),
so the two-core time gives s = 2 * T2 / T1 - 1, and T(8), T(16) follow. A projection, not
a measurement: it assumes the parallel part divides evenly and nothing else (memory
bandwidth, the disk, locks that are free at two cores) gets in the way, which favours
whichever tool has the larger serial share less than it seems.
"""


def serial_share(t1, t2):
    """Serial share of the one-core time, clamped to [0, 1] (noise can push it past)."""
    return min(1.0, max(0.0, 2.0 * t2 / t1 - 1.0))


def projected(t1, share, cores):
    return t1 * (share + (1.0 - share) / cores)


def table(rows, cores=(1, 2, 8, 16)):
    """rows: {tool: (t1, t2)} -> lines of a Markdown table of measured and projected times."""
    head = "| tool | serial share | " + " | ".join(f"{c} core{'s' if c > 1 else ''} s" for c in cores) + " |"
    lines = [head, "| --- | ---: | " + " | ".join("---:" for _ in cores) + " |"]
    for tool, (t1, t2) in rows.items():
        share = serial_share(t1, t2)
        cells = []
        for c in cores:
            value = {1: t1, 2: t2}.get(c, projected(t1, share, c))
            cells.append(f"{value:.2f}" + ("" if c <= 2 else "*"))
        lines.append(f"| {tool} | {share:.0%} | " + " | ".join(cells) + " |")
    lines.append("(* projected by Amdahl's law from the 1- and 2-core medians)")
    return lines


if __name__ == "__main__":
    # The worked example of the docstring: 10 s on one core, 6 s on two.
    assert abs(serial_share(10, 6) - 0.2) < 1e-9
    assert abs(projected(10, 0.2, 8) - 3.0) < 1e-9
    print("\n".join(table({"example": (10.0, 6.0)})))

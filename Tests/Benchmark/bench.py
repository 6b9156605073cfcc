#!/usr/bin/env python3
"""Benchmark `dossier build` against Hugo and a cmark-gfm floor on generated corpora.

  Tests/Benchmark/bench.py [--pages 1000,10000] [--runs 3] [--work /tmp/dossier-bench]

Builds release dossier (scratch path .build-bench) and the floor program, generates one
corpus per size with generate.py (cached in --work between runs), builds each with
dossier, Hugo (when installed) and the floor (1 and 2 threads), and prints the median
wall time, ms per page and peak RSS of each, the ratios dossier/Hugo and
dossier/floor(2 threads), what rendering the templates costs (against "dossier bare",
the same build with templates cut to the title and body), dossier's scaling between
sizes and its per-stage times (from `dossier build -v`). Then, on the largest corpus,
the time of building again into the output of a first build, as a user rebuilds
Public/ (dossier and Hugo), and, if `dossier serve` exists, the time from a one-file
edit to the live-reload event. Runs of the tools are interleaved so that load from
other processes spreads over all of them.
Everything is written under --work, never into the repository. Standard library only.
"""

import argparse
import hashlib
import http.client
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

from amdahl import table as amdahl_table
from edits import KINDS as EDIT_KINDS, title_changed, unlinked

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TEMPLATES = os.path.join(REPO, "Templates")
DOSSIER = os.path.join(REPO, ".build-bench", "release", "dossier")
TIME = "/usr/bin/time"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not available"


# ---------------------------------------------------------------------------
# machine and set-up


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        ("nproc", first_line(["nproc"])),
        ("CPU", cpu),
        ("memory", mem),
        ("load average (1/5/15 min) at start", load),
        ("kernel", platform.release()),
        ("swift", first_line(["swift", "--version"])),
        ("hugo", first_line(["hugo", "version"])),
        ("cmark-gfm", first_line(["pkg-config", "--modversion", "libcmark-gfm"])),
    ]


def build_tools(work, skip_swift):
    if not skip_swift:
        log("building dossier (release, .build-bench)…")
        sh(["swift", "build", "-c", "release", "--product", "dossier", "--scratch-path", ".build-bench"], cwd=REPO,
           stdout=subprocess.DEVNULL)
    if not os.access(DOSSIER, os.X_OK):
        sys.exit(f"no dossier binary at {DOSSIER}")
    floor = os.path.join(work, "bin", "floor")
    os.makedirs(os.path.dirname(floor), exist_ok=True)
    log("building floor…")
    sh(["cc", "-O2", "-o", floor, os.path.join(HERE, "floor.c"), "-lcmark-gfm", "-lcmark-gfm-extensions", "-lpthread"])
    return floor


def corpus(work, pages, seed):
    """Generates the corpus for `pages`, reusing the previous one when generate.py, its
    corpusgen/ package and the arguments are unchanged."""
    root = os.path.join(work, f"corpus-{pages}")
    gen = os.path.join(HERE, "generate.py")
    package = os.path.join(HERE, "corpusgen")
    code = [gen] + sorted(os.path.join(package, n) for n in os.listdir(package) if n.endswith(".py"))
    stamp = hashlib.sha256(b"".join(open(p, "rb").read() for p in code)
                           + open(os.path.join(TEMPLATES, "assets", "style.css"), "rb").read()
                           + f"{pages} {seed}".encode()).hexdigest()
    stamp_file = os.path.join(work, f"corpus-{pages}.stamp")
    if os.path.exists(stamp_file) and open(stamp_file).read() == stamp and os.path.isdir(root):
        log(f"reusing corpus of {pages} pages in {root}")
        return root
    log(f"generating {pages} pages…")
    if os.path.exists(stamp_file):
        os.remove(stamp_file)
    sh([sys.executable, gen, "--pages", str(pages), "--seed", str(seed), "--out", root,
        "--css", os.path.join(TEMPLATES, "assets", "style.css")])
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return root


# ---------------------------------------------------------------------------
# measuring


def folder_size(path):
    total = files = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
            files += 1
    return total, files


def timed(cmd, out_dir, log_file, fresh=True):
    """Runs cmd once into out_dir, emptied first if `fresh`; returns (wall s, peak RSS MB, stdout+stderr)."""
    if fresh and os.path.exists(out_dir):
        shutil.rmtree(out_dir)
    rss_file = log_file + ".rss"
    with open(log_file, "w") as out:
        start = time.perf_counter()
        proc = subprocess.run([TIME, "-f", "%M", "-o", rss_file] + cmd, stdout=out, stderr=subprocess.STDOUT)
        wall = time.perf_counter() - start
    text = open(log_file, errors="replace").read()
    if proc.returncode != 0:
        log(f"FAILED ({proc.returncode}): {' '.join(cmd)}\n{text[-4000:]}")
        raise SystemExit(1)
    rss_kb = int(open(rss_file).read().strip().splitlines()[-1])
    return wall, rss_kb / 1024, text


STAGE = re.compile(r"^\[(\d+) ms\] (.*?)…?$")


def stages(verbose_output):
    """Durations of the stages printed by `dossier build -v` ("[123 ms] Linking…")."""
    marks = []
    for line in verbose_output.splitlines():
        m = STAGE.match(line.strip())
        if m:
            marks.append((int(m.group(1)), re.sub(r"\s+\d+ pages", "", m.group(2)).rstrip("…")))
        total = re.search(r"Built \d+ pages in (\d+) ms", line)
        if total:
            marks.append((int(total.group(1)), None))
    return {name: marks[i + 1][0] - t for i, (t, name) in enumerate(marks[:-1]) if name}


LOOKUPS = re.compile(r"^The templates looked up (\d+) names$", re.M)


def template_lookups(verbose_output):
    """The names the templates looked up, as `dossier build -v` counts them; None if it
    does not say (a binary from before it did)."""
    m = LOOKUPS.search(verbose_output)
    return int(m.group(1)) if m else None


def output_folder(work, pages):
    return os.path.join(work, f"out-{pages}-{os.getpid()}")


def bare_templates(work):
    """A copy of Templates/ in which each layout shows only the page's title (and body,
    where it has one) and each partial nothing: built with it, dossier does all its work
    but the templates', so the difference is what rendering the shipped templates costs."""
    # The layouts whose page has a `body` of its own (the README's table of variables).
    with_body = {"home", "briefing", "entity", "event"}
    bare = os.path.join(work, "templates-bare")
    shutil.rmtree(bare, ignore_errors=True)
    shutil.copytree(TEMPLATES, bare)
    for folder, _, names in os.walk(bare):
        place = os.path.relpath(folder, bare)
        if place.split(os.sep)[0] == "assets":
            continue
        for name in names:
            if not name.endswith(".mustache"):
                continue
            layout = name[:-len(".mustache")] if place == "." else None
            with open(os.path.join(folder, name), "w") as f:
                f.write("" if layout is None else "{{page_title}}" + ("{{{body}}}" if layout in with_body else ""))
    return bare


def tool_commands(root, work, floor, use_hugo, bare=None):
    """{tool: function from an output folder to the command line that builds into it}."""
    plain = os.path.join(root, "plain")
    content = os.path.join(root, "dossier", "Content")
    commands = {
        "dossier": lambda target: [DOSSIER, "build", "--source", content, "--templates", TEMPLATES, "-o", target, "-v"],
        "floor -j1": lambda target: [floor, plain, target],
        "floor -j2": lambda target: [floor, "-j", "2", plain, target],
    }
    if bare:
        commands["dossier bare"] = lambda target: [DOSSIER, "build", "--source", content, "--templates", bare, "-o", target]
    if use_hugo:
        commands["hugo"] = lambda target: ["hugo", "--source", os.path.join(root, "hugo"), "--destination", target,
                                           "--quiet", "--noBuildLock", "--cacheDir", os.path.join(work, "hugo-cache")]
    return commands


def measure_rebuilds(pages, root, work, runs, use_hugo):
    """Wall times of building again into the output of each tool's first timed run, as a
    user rebuilds Public/: dossier writes over the site its last swap set aside, Hugo writes
    over its output in place (by default it deletes nothing, stale files included)."""
    commands = tool_commands(root, work, None, use_hugo)
    walls = {tool: [] for tool in ["dossier", "hugo"] if tool in commands}
    logs = os.path.join(work, "logs")
    # One rebuild untimed: after a first build dossier has no site set aside yet, so its
    # first rebuild makes every file anew; every later one writes over the site before.
    for tool in walls:
        target = os.path.join(output_folder(work, pages), f"{tool}-0")
        timed(commands[tool](target), target, os.path.join(logs, f"{tool}-{pages}-rebuild-warmup.log"), fresh=False)
    for r in range(runs):
        for tool in walls:
            target = os.path.join(output_folder(work, pages), f"{tool}-0")
            wall, rss, _ = timed(commands[tool](target), target, os.path.join(logs, f"{tool}-{pages}-rebuild-{r}.log"), fresh=False)
            walls[tool].append(wall)
            log(f"  {pages:>6} pages  rebuild {r + 1}/{runs}  {tool:<10} {wall:8.2f} s  {rss:7.0f} MB")
    return walls


def run_size(pages, root, work, runs, floor, use_hugo, budget, bare):
    """Returns {tool: {"walls": [...], "rss": [...], ...}} for one corpus. A tool whose runs
    at this size already took more than `budget` seconds is not run again (at least once)."""
    # A fresh output folder for every run, deleted only when the benchmark ends: ext4 is
    # slow to create files for a while where many were just deleted, which penalised
    # whichever tool ran right after a deletion.
    out = output_folder(work, pages)
    logs = os.path.join(work, "logs")
    os.makedirs(logs, exist_ok=True)
    commands = tool_commands(root, work, floor, use_hugo, bare)
    results = {tool: {"walls": [], "rss": [], "stages": []} for tool in commands}
    for r in range(runs):
        for tool, command in commands.items():
            if sum(results[tool]["walls"]) > budget:
                continue
            name = tool.replace(" ", "")
            target = os.path.join(out, f"{name}-{r}")
            cmd = command(target)
            log_file = os.path.join(logs, f"{name}-{pages}-{r}.log")
            if tool.startswith("floor"):
                os.makedirs(target)
                wall, rss, text = timed_floor(cmd, target, log_file)
            else:
                wall, rss, text = timed(cmd, target, log_file)
            results[tool]["walls"].append(wall)
            results[tool]["rss"].append(rss)
            if tool == "dossier":
                results[tool]["stages"].append(stages(text))
                if r == 0:
                    results[tool]["lookups"] = template_lookups(text)
                    results[tool]["summary"] = [l for l in text.splitlines() if l.startswith("Built")]
                    results[tool]["warnings"] = sum(1 for l in text.splitlines() if ": warning:" in l)
            log(f"  {pages:>6} pages  run {r + 1}/{runs}  {tool:<12} {wall:8.2f} s  {rss:7.0f} MB")
            results[tool]["output"] = folder_size(target)
    return results


def timed_floor(cmd, out_dir, log_file):
    # the output folder must exist for the floor; timed() would remove it
    rss_file = log_file + ".rss"
    with open(log_file, "w") as out:
        start = time.perf_counter()
        proc = subprocess.run([TIME, "-f", "%M", "-o", rss_file] + cmd, stdout=out, stderr=subprocess.STDOUT)
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        log(f"FAILED: {' '.join(cmd)}\n{open(log_file).read()[-2000:]}")
        raise SystemExit(1)
    return wall, int(open(rss_file).read().strip().splitlines()[-1]) / 1024, open(log_file).read()


# ---------------------------------------------------------------------------
# serve mode: time from a one-file edit to the live-reload event
#
# Start `dossier serve` on the largest corpus, wait until it answers HTTP, subscribe
# to the server-sent event stream, then edit one content file (append a sentence) and time
# from just before the write to the next "event:" line. A rebuild after an edit of bodies
# sends two reloads: one naming the reading pages it wrote (the edited page among them),
# then one for the rest (print edition, search page); both are timed. Other rebuilds send
# one. The restore's rebuild is awaited before the next edit.

SERVE_ARGS = ["serve", "--source", "{content}", "--templates", "{templates}", "--port", "{port}"]
EVENTS_PATH = "/_dossier/events"
READY_PATH = "/"
READY_TIMEOUT = 900   # the initial build of the largest corpus
EVENT_TIMEOUT = 300


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_serve(root, edits):
    """Returns {kind of edit: [(edit→first reload, edit→last reload) in seconds]}, or None
    when skipped."""
    # `build` is the default subcommand, so without a serve subcommand `dossier serve --help`
    # prints build's help and exits 0: require serve's own usage line.
    probe = subprocess.run([DOSSIER, "serve", "--help"], capture_output=True, text=True)
    if probe.returncode != 0 or "dossier serve" not in probe.stdout + probe.stderr:
        log("serve: skipped — `dossier serve --help` does not describe a serve command (is the binary older than serve?)")
        return None
    content = os.path.join(root, "dossier", "Content")
    port = free_port()
    args = [a.format(content=content, templates=TEMPLATES, port=port) for a in SERVE_ARGS]
    server_log = open(os.path.join(os.path.dirname(root), "logs", "serve.log"), "w")
    server = subprocess.Popen([DOSSIER] + args, stdout=server_log, stderr=subprocess.STDOUT)
    briefings = sorted(os.listdir(os.path.join(content, "briefings")))
    retitled = unlinked(content, briefings)
    if not retitled:
        raise RuntimeError("every briefing's title is linked to: no title can change without breaking links")
    latencies = {}
    try:
        wait_ready(server, port)
        lines = queue.Queue()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=EVENT_TIMEOUT)
        conn.request("GET", EVENTS_PATH, headers={"Accept": "text/event-stream", "Cache-Control": "no-cache"})
        response = conn.getresponse()
        if response.status != 200:
            log(f"serve: {EVENTS_PATH} answered {response.status}; skipped")
            return None

        def reader():
            try:
                while True:
                    line = response.readline()
                    if not line:
                        break
                    lines.put((time.perf_counter(), line.decode("utf-8", "replace").rstrip("\r\n")))
            except (OSError, AttributeError, ValueError):  # the connection closed under us at the end
                pass
            lines.put((time.perf_counter(), None))

        threading.Thread(target=reader, daemon=True).start()
        sources = sorted(name[:-3] for name in os.listdir(os.path.join(content, "sources")))
        for kind, edit in EDIT_KINDS:
            latencies[kind] = []
            for i in range(edits):
                time.sleep(1.0)                      # let the watcher settle (debounce windows)
                while not lines.empty():             # drop anything sent before the edit
                    lines.get_nowait()
                # A title is retitled only where no link names it (edits.unlinked).
                choices = retitled if edit is title_changed else briefings
                path = os.path.join(content, "briefings", choices[i % len(choices)])
                original = open(path, encoding="utf-8").read()
                edited = edit(original, i + 1, sources)
                try:
                    start = time.perf_counter()
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(edited)
                    first, last = rebuild_events(lines, start)
                    latencies[kind].append((first - start, last - start))
                finally:
                    with open(path, "w", encoding="utf-8") as f:   # the corpus is cached: put it back
                        f.write(original)
                # Wait for the rebuild after the restore too: when a rebuild takes about as long
                # as the pause above, its event used to arrive after the next edit and count for it.
                rebuild_events(lines, time.perf_counter())
                first, last = latencies[kind][-1]
                log(f"  serve, {kind}, edit {i + 1}/{edits}: page reloaded {first * 1000:.0f} ms, all written {last * 1000:.0f} ms")
        conn.close()
    except (OSError, RuntimeError, queue.Empty) as error:
        log(f"serve: measurement failed: {error!r} (see {server_log.name})")
        return None
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        server_log.close()
    return latencies


def next_event(lines, start):
    """Time of the next `event:` line (not its `data:` line, nor a comment line) and its
    data. A failed rebuild is an error, not a time: it stops at the errors without rendering."""
    deadline = start + EVENT_TIMEOUT
    stamp = None
    while True:
        at, line = lines.get(timeout=max(0.1, deadline - time.perf_counter()))
        if line is None:
            raise RuntimeError("event stream closed")
        if line.startswith("event: failed"):
            raise RuntimeError("the rebuild failed (see serve.log): the edit broke the dossier")
        if line.startswith("event:"):
            stamp = at
        elif stamp is not None and line.startswith("data:"):
            return stamp, line[5:].strip()


def rebuild_events(lines, start):
    """Times of one rebuild's first and last reload: a reload that names its pages is
    followed by one for the rest of what the rebuild wrote."""
    first, data = next_event(lines, start)
    if '"pages"' not in data:
        return first, first
    last, _ = next_event(lines, start)
    return first, last


def wait_ready(server, port):
    deadline = time.time() + READY_TIMEOUT
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"dossier serve exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", READY_PATH)
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("dossier serve did not answer in time")


# ---------------------------------------------------------------------------
# report


def report(sizes, results, runs, serve, rebuilds, cores):
    print()
    print(f"{'tool':<12} {'pages':>6} {'runs':>4} {'median s':>9} {'min s':>7} {'ms/page':>8} {'peak RSS MB':>12} {'output MB':>10} {'files':>6}")
    for pages in sizes:
        for tool in ["dossier", "dossier bare", "hugo", "floor -j1", "floor -j2"]:
            r = results[pages].get(tool)
            if not r:
                continue
            med = statistics.median(r["walls"])
            size, files = r["output"]
            print(f"{tool:<12} {pages:>6} {len(r['walls']):>4} {med:>9.2f} {min(r['walls']):>7.2f} {med * 1000 / pages:>8.2f} "
                  f"{max(r['rss']):>12.0f} {size / 1e6:>10.1f} {files:>6}")
    print(f"(up to {runs} runs each, interleaved; median and min wall time; peak RSS is the largest of the runs; "
          f"pages = content files; floor = cmark-gfm parse+render+write of the bodies only; "
          f"dossier bare = dossier with templates that show only each page's title and body)")
    print()
    for pages in sizes:
        r = results[pages]
        med = {t: statistics.median(v["walls"]) for t, v in r.items()}
        parts = []
        if "hugo" in med:
            parts.append(f"dossier/Hugo {med['dossier'] / med['hugo']:.1f}x")
        parts.append(f"dossier/floor(-j2) {med['dossier'] / med['floor -j2']:.1f}x")
        print(f"{pages:>6} pages: " + ", ".join(parts) + f"; {r['dossier']['summary'][0] if r['dossier'].get('summary') else ''}"
              + f"; {r['dossier'].get('warnings', 0)} warnings")
        if "dossier bare" in med:
            templates = med["dossier"] - med["dossier bare"]
            line = (f"        templates (rendering them, writing what they add): {templates:.2f} s (dossier - dossier bare), "
                    f"{templates / med['dossier']:.0%} of the build")
            if "hugo" in med:
                line += f", {templates / med['hugo']:.2f}x Hugo's whole build"
            print(line)
    for a, b in zip(sizes, sizes[1:]):
        ta = statistics.median(results[a]["dossier"]["walls"])
        tb = statistics.median(results[b]["dossier"]["walls"])
        line = f"dossier scaling {a}->{b} pages ({b / a:.0f}x the pages): {tb / ta:.1f}x the time"
        if "hugo" in results[a]:
            ha = statistics.median(results[a]["hugo"]["walls"])
            hb = statistics.median(results[b]["hugo"]["walls"])
            line += f" (Hugo {hb / ha:.1f}x)"
        print(line)
    print()
    print("dossier stages (median ms, from `dossier build -v`):")
    for pages in sizes:
        runs_stages = results[pages]["dossier"]["stages"]
        names = list(runs_stages[0].keys()) if runs_stages else []
        cells = [f"{n} {statistics.median(s.get(n, 0) for s in runs_stages):.0f}" for n in names]
        print(f"  {pages:>6} pages: " + ", ".join(cells))
    print()
    # Counted, not timed: the same on any machine, under any load.
    counts = [(pages, results[pages]["dossier"].get("lookups")) for pages in sizes]
    if any(count is not None for _, count in counts):
        cells = [f"{pages} pages {count:,}" for pages, count in counts if count is not None]
        print("names looked up by the templates (`dossier build -v`): " + ", ".join(cells))
        print()
    if rebuilds:
        cells = [f"{'Hugo' if tool == 'hugo' else tool} median {statistics.median(w):.2f} s ({', '.join(f'{x:.2f}' for x in w)})"
                 for tool, w in rebuilds.items()]
        print(f"rebuild into the previous output ({sizes[-1]} pages): " + "; ".join(cells))
    if serve is None:
        print("serve: edit -> live-reload event: skipped (see above)")
    else:
        print(f"serve ({sizes[-1]} pages), edit of a briefing -> reload of the edited page; -> last reload, "
              "when the print edition and search page are written too; median (runs):")
        for kind, walls in serve.items():
            firsts, lasts = [w[0] for w in walls], [w[1] for w in walls]
            print(f"  {kind:<28} {statistics.median(firsts) * 1000:6.0f} ms ({', '.join(f'{x * 1000:.0f}' for x in firsts)}); "
                  f"all {statistics.median(lasts) * 1000:.0f} ms ({', '.join(f'{x * 1000:.0f}' for x in lasts)})")
    if cores:
        print()
        print(f"cores ({sizes[-1]} pages, `taskset`), medians of the runs, and Amdahl's projection:")
        rows = {("Hugo" if tool == "hugo" else tool): (statistics.median(w[1]), statistics.median(w[2]))
                for tool, w in cores.items()}
        for line in amdahl_table(rows):
            print("  " + line)


def measure_cores(pages, root, work, runs, use_hugo):
    """Wall times of dossier and Hugo confined to one core and to two (`taskset -c`),
    interleaved, each into a fresh folder: {tool: {1: [...], 2: [...]}}."""
    commands = tool_commands(root, work, None, use_hugo)
    tools = [tool for tool in ["dossier", "hugo"] if tool in commands]
    walls = {tool: {1: [], 2: []} for tool in tools}
    logs = os.path.join(work, "logs")
    for r in range(runs):
        for n, cpus in [(1, "0"), (2, "0,1")]:
            for tool in tools:
                target = os.path.join(output_folder(work, pages), f"{tool}-cores{n}-{r}")
                wall, _, _ = timed(["taskset", "-c", cpus] + commands[tool](target), target,
                                   os.path.join(logs, f"{tool}-{pages}-cores{n}-{r}.log"))
                walls[tool][n].append(wall)
                log(f"  {pages:>6} pages  {n} core(s) {r + 1}/{runs}  {tool:<10} {wall:8.2f} s")
    return walls

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and size (default 3)")
    ap.add_argument("--budget", type=float, default=300,
                    help="stop repeating a tool at a size once its runs took this many seconds (default 300)")
    ap.add_argument("--work", default="/tmp/dossier-bench", help="work folder (default /tmp/dossier-bench)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-build", action="store_true", help="use the existing .build-bench/release/dossier")
    ap.add_argument("--dossier", help="benchmark this dossier binary instead of building one (implies --no-build)")
    ap.add_argument("--no-hugo", action="store_true", help="skip Hugo even if it is installed")
    ap.add_argument("--no-serve", action="store_true", help="skip the serve-mode measurement")
    ap.add_argument("--cores", action="store_true",
                    help="also time dossier and Hugo on one core and on two (taskset) and project 8 and 16 cores")
    args = ap.parse_args()
    if args.dossier:
        global DOSSIER
        DOSSIER = os.path.abspath(args.dossier)
        args.no_build = True
    sizes = sorted(int(p) for p in args.pages.split(","))
    work = os.path.abspath(args.work)
    if os.path.commonpath([work, REPO]) == REPO:
        sys.exit("--work must be outside the repository")
    os.makedirs(work, exist_ok=True)
    if not os.access(TIME, os.X_OK):
        sys.exit(f"{TIME} is missing (Debian: apt-get install time)")
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    if not use_hugo and not args.no_hugo:
        log("hugo is not installed; skipping it (Debian: apt-get install hugo)")

    print("machine:")
    for key, value in machine():
        print(f"  {key}: {value}")
    started = time.time()
    floor = build_tools(work, args.no_build)
    roots = {pages: corpus(work, pages, args.seed) for pages in sizes}
    bare = bare_templates(work)
    results = {}
    for pages in sizes:
        log(f"benchmarking {pages} pages…")
        results[pages] = run_size(pages, roots[pages], work, args.runs, floor, use_hugo, args.budget, bare)
    rebuilds = measure_rebuilds(sizes[-1], roots[sizes[-1]], work, args.runs, use_hugo)
    serve = None if args.no_serve else measure_serve(roots[sizes[-1]], args.runs)
    if args.no_serve:
        log("serve: skipped (--no-serve)")
    cores = measure_cores(sizes[-1], roots[sizes[-1]], work, args.runs, use_hugo) if args.cores else None
    report(sizes, results, args.runs, serve, rebuilds, cores)
    # Outputs of this and earlier invocations go only now that nothing is timed.
    for name in os.listdir(work):
        if name.startswith("out-"):
            shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    print(f"\ntotal benchmark time {time.time() - started:.0f} s; work folder {work}")


if __name__ == "__main__":
    main()

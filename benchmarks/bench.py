"""``make bench``: build N synthetic awards four ways, in one run, and compare.

For each N, each way (``ours``, ``plain``, ``raw``, ``design``; see ``generate.py``) is
built from scratch ``--runs`` times (``--small-runs`` times for a small N,
whose builds take a second and vary more), the order of the ways rotating from one
round to the next so that none always runs first. Each build is a separate
``sphinx-build`` process, timed on the wall clock, with its peak memory read
from the kernel (``wait4``). Then a no-op rebuild of each. Reported: medians,
and their ratios to the two floors (plain reST, and the same HTML as raw
blocks) and to sphinx-design. Also: the site's own front page (summary,
legend and cards) against its words and its HTML; from N = 20,000 on, the
four ways that build in seconds; ``-j 1`` against ``-j 2`` on 20 pages over
1,000 cards.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generate import BUILD_ENV, WAYS, write_front_sites, write_parallel_site, write_sites

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.rst"
EXTENSION_ASSETS = {
    "ours": ("awards.css", "awards.js"),
    "ours-warm": ("awards.css", "awards.js"),
    "ours-aliased": ("awards.css", "awards.js"),
    "plain": (),
    "raw": (),
    "design": ("sphinx-design.min.css", "design-tabs.js"),
}


@dataclass
class Measures:
    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    noop_seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    html_bytes: int = 0
    gzip_bytes: int = 0
    css_bytes: int = 0
    js_bytes: int = 0
    instructions: int = 0
    noop_instructions: int = 0


def sphinx_build(srcdir: Path, outdir: Path, *, fresh: bool, jobs: int = 1) -> tuple[float, float, float]:
    """One build in its own process: (wall seconds, peak RSS in MiB, CPU
    seconds, the processes it forked included)."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "html",
        "-j",
        str(jobs),
        "-d",
        str(outdir / ".doctrees"),
    ]
    if fresh:
        shutil.rmtree(outdir, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen([*command, str(srcdir), str(outdir)], stdout=subprocess.DEVNULL, env=BUILD_ENV)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {srcdir} failed")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


#: Instruction counts (valgrind's cachegrind, no cache simulation): the same
#: for every run, where wall time varies by a few per cent between runs.
CACHEGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
_INSTRUCTIONS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(srcdir: Path, outdir: Path, *, fresh: bool) -> int:
    """Instructions of one build (its own process, under cachegrind, with
    ``PYTHONHASHSEED=0`` so that every run hashes alike)."""
    command = [*CACHEGRIND, sys.executable, "-m", "sphinx", "-q", "-b", "html"]
    command += ["-d", str(outdir / ".doctrees")]
    if fresh:
        shutil.rmtree(outdir, ignore_errors=True)
    result = subprocess.run(
        [*command, str(srcdir), str(outdir)],
        env={**BUILD_ENV, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    found = _INSTRUCTIONS.search(result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"build of {srcdir} under cachegrind failed: {result.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


#: Where a build of ``ours`` spends its time: (phase, file, function) whose
#: cumulative profiled time is the phase's.
PHASES = [
    ("read the YAML (PyYAML)", "yamlparse.py", "parse_bytes"),
    ("check it (schema, texts, ids, templates)", "validation.py", "check_document"),
    ("store the checked result", "checked.py", "_store"),
    ("the directive: the cards' nodes", "directives.py", "run"),
    ("write the cards' HTML", "card_html.py", "visit_card_html"),
    ("JSON-LD of the cards", "metadata.py", "json_ld_script"),
    ("the exports (JSON, BibTeX, RIS, CSL)", "exports.py", "write_exports"),
    ("Sphinx pickles the environment and doctrees", "~", "<built-in method _pickle.dump>"),
]
_PROFILE = """
import cProfile, json, pstats, sys
from sphinx.cmd.build import main
profile = cProfile.Profile()
profile.runcall(main, ["-q", "-b", "html", "-d", sys.argv[2] + "/.doctrees", sys.argv[1], sys.argv[2]])
stats = pstats.Stats(profile).stats
total = max(entry[3] for entry in stats.values())
found = {}
for (path, _, name), entry in stats.items():
    key = (path.rpartition("/")[2], name)
    found[key] = found.get(key, 0) + entry[3]
phases = json.loads(sys.argv[3])
print(json.dumps([total] + [found.get((path, name), 0) for _, path, name in phases]))
"""


def phases(srcdir: Path, outdir: Path) -> list[float]:
    """The whole build's profiled seconds, then each phase's (``PHASES``)."""
    shutil.rmtree(outdir, ignore_errors=True)
    arguments = [str(srcdir), str(outdir), json.dumps(PHASES)]
    result = subprocess.run(
        [sys.executable, "-c", _PROFILE, *arguments],
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def phase_table(profiled: dict[int, list[float]]) -> str:
    """The phases' shares of a profiled build, one column per N."""
    if not profiled:
        return ""
    counts = list(profiled)
    lines = [".. rubric:: Where ours spends its time", "", ".. list-table::", "   :header-rows: 1", ""]
    lines += ["   * - phase", *(f"     - N = {count:,}" for count in counts)]
    for number, (phase, _, _) in enumerate(PHASES, 1):
        lines.append(f"   * - {phase}")
        lines += [f"     - {profiled[count][number] / profiled[count][0]:.1%}" for count in counts]
    lines.append("   * - the whole build (profiled seconds)")
    lines += [f"     - {profiled[count][0]:.1f} s" for count in counts]
    return "\n".join(lines) + "\n"


def asset_bytes(outdir: Path, way: str) -> tuple[int, int]:
    """Bytes of the extension's own CSS and JS that the page links to."""
    page = (outdir / "index.html").read_text(encoding="utf-8")
    css = js = 0
    for name in EXTENSION_ASSETS[way]:
        if name in page:
            size = (outdir / "_static" / name).stat().st_size
            css, js = (css + size, js) if name.endswith(".css") else (css, js + size)
    return css, js


#: From this N on, only these ways are built (plain reST and sphinx-design
#: take minutes a build there, and tell nothing new).
LARGE, LARGE_WAYS = 10_000, ("ours", "ours-warm", "plain", "raw")


def ways_for(count: int) -> tuple[str, ...]:
    return LARGE_WAYS if count >= LARGE else WAYS


def measure(
    count: int, runs: int, workdir: Path, *, count_instructions: bool, count_noop: bool = False
) -> dict[str, Measures]:
    """Every way of ``count`` awards: clean and no-op builds (wall, peak);
    instructions of both with ``count_instructions``, of the no-op alone
    with ``count_noop``."""
    sites = {way: path for way, path in write_sites(count, workdir).items() if way in ways_for(count)}
    sphinx_build(sites["ours-warm"], workdir / f"warm-up-{count}", fresh=True)  # fills its awards_cache
    return measure_sites(
        sites, str(count), runs, workdir, count_instructions=count_instructions, count_noop=count_noop
    )


def measure_sites(
    sites: dict[str, Path], tag: str, runs: int, workdir: Path, *, count_instructions: bool, count_noop: bool
) -> dict[str, Measures]:
    """Each site (a way) built clean and no-op ``runs`` times, in rotating order."""
    ways = tuple(sites)
    results = {way: Measures() for way in ways}
    if count_instructions or count_noop:
        for way in ways:
            outdir = workdir / f"out-{way}-{tag}"
            sphinx_build(sites[way], outdir, fresh=True)  # bytecode written before counting
            if count_instructions:
                results[way].instructions = instructions(sites[way], outdir, fresh=True)
            results[way].noop_instructions = instructions(sites[way], outdir, fresh=False)
            counted = (results[way].instructions or results[way].noop_instructions) / 1e6
            print(f"  N={tag} {way:12} {counted:8.0f} M instructions", file=sys.stderr)
    for round_number in range(runs):
        shift = round_number % len(ways)
        for way in ways[shift:] + ways[:shift]:
            outdir = workdir / f"out-{way}-{tag}"
            seconds, peak, _ = sphinx_build(sites[way], outdir, fresh=True)
            results[way].seconds.append(seconds)
            results[way].peak_mib.append(peak)
            results[way].noop_seconds.append(sphinx_build(sites[way], outdir, fresh=False)[0])
            print(f"  N={tag} {way:12} {seconds:6.2f} s  {peak:6.0f} MiB", file=sys.stderr)
    for way in ways:
        outdir = workdir / f"out-{way}-{tag}"
        page = (outdir / "index.html").read_bytes()
        results[way].html_bytes = len(page)
        results[way].gzip_bytes = len(gzip.compress(page, mtime=0))
        results[way].css_bytes, results[way].js_bytes = asset_bytes(outdir, way)
    return results


def _ratio(value: float, reference: float) -> str:
    return f"{value / reference:.2f}" if reference else "–"


def _instruction_cells(value: int, results: dict[str, Measures], name: str) -> list[str]:
    """Millions of instructions and the ratios to the floors (three decimals:
    counts do not vary between runs); dashes where none were counted."""
    if not value:
        return ["–", "–", "–"]
    return [
        f"{value / 1e6:,.0f}",
        *(_ratio_of_counts(value, getattr(results[floor], name)) for floor in ("plain", "raw")),
    ]


def _ratio_of_counts(value: int, reference: int) -> str:
    return f"{value / reference:.3f}" if reference else "–"


HEADER = [
    "N",
    "build",
    "time (s)",
    "× plain",
    "× raw",
    "× design",
    "peak (MiB)",
    "× plain",
    "no-op (s)",
    "× plain",
    "× raw",
    "HTML bytes/card",
    "× plain",
    "gzip bytes/card",
    "× plain",
    "CSS (KB)",
    "JS (KB)",
    "instructions (M)",
    "× plain",
    "× raw",
    "no-op (M)",
    "× plain",
    "× raw",
]
#: The two tables the page shows (seventeen columns would not fit): the cost of
#: a build, and what it writes. Both start with N and the build.
TABLES = {"Build": range(0, 11), "Output": [0, 1, *range(11, 17)], "Instructions": [0, 1, *range(17, 23)]}


def rows_of(all_results: dict[tuple[str, int], dict[str, Measures]]) -> list[list[str]]:
    """Keyed by (the rows' label, the number of cards)."""
    rows = []
    for (label, count), results in all_results.items():
        median = {way: statistics.median(results[way].seconds) for way in results}
        peak = {way: statistics.median(results[way].peak_mib) for way in results}
        noop = {way: statistics.median(results[way].noop_seconds) for way in results}
        median.setdefault("design", 0.0)
        for way in results:
            m = results[way]
            rows.append(
                [
                    label,
                    way,
                    f"{median[way]:.2f}",
                    _ratio(median[way], median["plain"]),
                    _ratio(median[way], median["raw"]),
                    _ratio(median[way], median["design"]),
                    f"{peak[way]:.0f}",
                    _ratio(peak[way], peak["plain"]),
                    f"{noop[way]:.2f}",
                    _ratio(noop[way], noop["plain"]),
                    _ratio(noop[way], noop["raw"]),
                    f"{m.html_bytes / count:,.0f}",
                    _ratio(m.html_bytes, results["plain"].html_bytes),
                    f"{m.gzip_bytes / count:,.0f}",
                    _ratio(m.gzip_bytes, results["plain"].gzip_bytes),
                    f"{m.css_bytes / 1024:.1f}",
                    f"{m.js_bytes / 1024:.1f}",
                    *_instruction_cells(m.instructions, results, "instructions"),
                    *_instruction_cells(m.noop_instructions, results, "noop_instructions"),
                ]
            )
    return rows


#: Below this N a build takes about a second: more runs steady the medians.
SMALL = 100


def runs_for(count: int, runs: int, small_runs: int) -> int:
    return max(runs, small_runs) if count < SMALL else runs


PHASES_CAPTION = (
    "Each phase's share of one clean build of ours under cProfile (which slows small functions "
    "more than large ones: shares, not times); the directive's share includes reading and checking "
    "the file, the rest of the build is Sphinx's."
)


def caption(runs: int, small_runs: int) -> str:
    return (
        f"Medians of {runs} clean builds per row ({small_runs} for N below {SMALL}; rotating order), "
        "each a separate ``sphinx-build`` "
        "(ours: every award written out; ours-aliased: the same file with YAML aliases) "
        f"process on {os.cpu_count()} cores, Python {sys.version.split()[0]}; no-op is a second build "
        "with nothing changed. Bytes per card: the page's size over N (gzip: as a server would send it). "
        "CSS and JS: the extension's own files linked from the page. Instructions: one build under "
        "valgrind's cachegrind (PYTHONHASHSEED=0, bytecode cached), where counted."
    )


def _list_table_rows(rows: list[list[str]]) -> list[str]:
    out = []
    for row in rows:
        out.append(f"   * - {row[0]}")
        out.extend(f"     - {cell}" for cell in row[1:])
    return out


def render(rows: list[list[str]], text: str, phases_text: str = "") -> str:
    """The measured rows as two reST list-tables and their caption.

    Each table's title is a rubric above it, not a table caption: a captioned
    table gets an id, and Furo copies a table's id onto its wrapper, which
    makes the id appear twice in the page (the Nu HTML Checker's error).
    """
    lines = []
    for title, columns in TABLES.items():
        lines += [
            f".. rubric:: {title}",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "",
            *_list_table_rows([[row[i] for i in columns] for row in [HEADER, *rows]]),
            "",
        ]
    return "\n".join([*lines, text]) + "\n" + (f"\n{phases_text}\n{PHASES_CAPTION}\n" if phases_text else "")


def measure_front(runs: int, workdir: Path, *, count_instructions: bool) -> dict[str, Measures]:
    """The site's own front page (summary, legend and 7 cards) against its
    words as plain reST and its HTML as a raw block."""
    sites = write_front_sites(workdir)
    return measure_sites(
        sites, "front", runs, workdir, count_instructions=count_instructions, count_noop=count_instructions
    )


def measure_parallel(runs: int, workdir: Path) -> dict[int, Measures]:
    """20 pages over 1,000 cards, clean, at ``-j 1`` and ``-j 2`` (rotating)."""
    site = write_parallel_site(workdir)
    results = {jobs: Measures() for jobs in (1, 2)}
    sphinx_build(site, workdir / "parallel-warm-up", fresh=True)
    for round_number in range(runs):
        for jobs in (1, 2) if round_number % 2 == 0 else (2, 1):
            seconds, peak, cpu = sphinx_build(site, workdir / f"parallel-j{jobs}", fresh=True, jobs=jobs)
            results[jobs].seconds.append(seconds)
            results[jobs].peak_mib.append(peak)
            results[jobs].cpu_seconds.append(cpu)
            print(f"  -j {jobs} {seconds:6.2f} s  CPU {cpu:6.2f} s", file=sys.stderr)
    return results


def parallel_table(results: dict[int, Measures]) -> str:
    if not results:
        return ""
    one = statistics.median(results[1].seconds)
    lines = [".. rubric:: Parallel reading: 20 pages over 1,000 cards", "", ".. list-table::"]
    lines += [
        "   :header-rows: 1",
        "",
        *_list_table_rows([["-j", "time (s)", "× -j 1", "CPU (s)", "peak (MiB)"]]),
    ]
    for jobs, measured in results.items():
        seconds = statistics.median(measured.seconds)
        row = [
            str(jobs),
            f"{seconds:.2f}",
            f"{seconds / one:.3f}",
            f"{statistics.median(measured.cpu_seconds):.2f}",
        ]
        lines += _list_table_rows([[*row, f"{statistics.median(measured.peak_mib):.0f}"]])
    return "\n".join(lines) + "\n"


def results_text(rows: list[list[str]], text: str, phases_text: str = "", parallel_text: str = "") -> str:
    """The page's tables: builds, output, instructions, phases, then ``-j``."""
    return render(rows, text, phases_text) + (f"\n{parallel_text}" if parallel_text else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[7, 1000, 5000, 20_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small-runs", type=int, default=21, help=f"runs for N below {SMALL}")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table")
    parser.add_argument(
        "--phase-sizes",
        type=int,
        nargs="*",
        default=[1000, 5000],
        help="the N whose build of ours is profiled",
    )
    parser.add_argument(
        "--instruction-sizes",
        type=int,
        nargs="*",
        default=[7, 1000],
        help="the N whose builds are also counted under cachegrind (about 15 times slower)",
    )
    parser.add_argument(
        "--noop-instruction-sizes",
        type=int,
        nargs="*",
        default=[5000, 20_000],
        help="the N whose no-op builds alone are counted under cachegrind",
    )
    parser.add_argument("--no-front", action="store_true", help="leave out the real front page (N = 7)")
    parser.add_argument("--parallel-runs", type=int, default=5, help="runs of -j 1 and -j 2 (0: none)")
    arguments = parser.parse_args()
    valgrind = shutil.which("valgrind") is not None
    counted = set(arguments.instruction_sizes) if valgrind else set()
    noop_counted = set(arguments.noop_instruction_sizes) if valgrind else set()
    with tempfile.TemporaryDirectory(prefix="awards-bench-") as workdir:
        all_results: dict[tuple[str, int], dict[str, Measures]] = {}
        if not arguments.no_front:
            front_runs = runs_for(7, arguments.runs, arguments.small_runs)
            all_results[("7, front page", 7)] = measure_front(
                front_runs, Path(workdir), count_instructions=7 in counted
            )
        for count in arguments.sizes:
            all_results[(f"{count:,}", count)] = measure(
                count,
                runs_for(count, arguments.runs, arguments.small_runs),
                Path(workdir),
                count_instructions=count in counted,
                count_noop=count in noop_counted,
            )
        parallel = measure_parallel(arguments.parallel_runs, Path(workdir)) if arguments.parallel_runs else {}
        profiled = {
            count: phases(Path(workdir) / f"ours-{count}", Path(workdir) / f"profiled-{count}")
            for count in arguments.phase_sizes
            if count in arguments.sizes
        }
    rows = rows_of(all_results)
    text_of_caption = caption(arguments.runs, arguments.small_runs)
    phases_text = phase_table(profiled)
    parallel_text = parallel_table(parallel)
    text = results_text(rows, text_of_caption, phases_text, parallel_text)
    arguments.output.write_text(text, encoding="utf-8")
    arguments.output.with_suffix(".json").write_text(
        json.dumps(
            {
                "header": HEADER,
                "rows": rows,
                "caption": text_of_caption,
                "phases": phases_text,
                "parallel": parallel_text,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(text)


if __name__ == "__main__":
    main()

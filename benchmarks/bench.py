"""``make bench``: build N synthetic awards four ways, in one run, and compare.

For each N, each way (``ours``, ``plain``, ``raw``, ``design``; see ``generate.py``) is
built from scratch ``--runs`` times (``--small-runs`` times for a small N,
whose builds take a second and vary more), the order of the ways rotating from one
round to the next so that none always runs first. Each build is a separate
``sphinx-build`` process, timed on the wall clock, with its peak memory read
from the kernel (``wait4``). Then a no-op rebuild of each. Reported: medians,
and their ratios to the two floors (plain reST, and the same HTML as raw
blocks) and to sphinx-design.
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

from generate import BUILD_ENV, WAYS, write_sites

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
    html_bytes: int = 0
    gzip_bytes: int = 0
    css_bytes: int = 0
    js_bytes: int = 0
    instructions: int = 0
    noop_instructions: int = 0


def sphinx_build(srcdir: Path, outdir: Path, *, fresh: bool) -> tuple[float, float]:
    """One build in its own process: (wall seconds, peak RSS in MiB)."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(outdir / ".doctrees")]
    if fresh:
        shutil.rmtree(outdir, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen([*command, str(srcdir), str(outdir)], stdout=subprocess.DEVNULL, env=BUILD_ENV)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {srcdir} failed")
    return seconds, usage.ru_maxrss / 1024


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
    ("read the YAML (PyYAML, with positions)", "yamlsource.py", "parse_bytes"),
    ("check it (schema, texts, ids, templates)", "validation.py", "check_document"),
    ("store the checked result", "checked.py", "_store"),
    ("the directive: the cards' nodes", "directives.py", "run"),
    ("write the cards' HTML", "card.py", "visit_card_html"),
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


def measure(count: int, runs: int, workdir: Path, *, count_instructions: bool) -> dict[str, Measures]:
    sites = write_sites(count, workdir)
    results = {way: Measures() for way in WAYS}
    sphinx_build(sites["ours-warm"], workdir / f"warm-up-{count}", fresh=True)  # fills its awards_cache
    if count_instructions:
        for way in WAYS:
            outdir = workdir / f"out-{way}-{count}"
            sphinx_build(sites[way], outdir, fresh=True)  # bytecode written before counting
            results[way].instructions = instructions(sites[way], outdir, fresh=True)
            results[way].noop_instructions = instructions(sites[way], outdir, fresh=False)
            counted = results[way].instructions / 1e6
            print(f"  N={count} {way:12} {counted:8.0f} M instructions", file=sys.stderr)
    for round_number in range(runs):
        shift = round_number % len(WAYS)
        for way in WAYS[shift:] + WAYS[:shift]:
            outdir = workdir / f"out-{way}-{count}"
            seconds, peak = sphinx_build(sites[way], outdir, fresh=True)
            results[way].seconds.append(seconds)
            results[way].peak_mib.append(peak)
            results[way].noop_seconds.append(sphinx_build(sites[way], outdir, fresh=False)[0])
            print(f"  N={count} {way:12} {seconds:6.2f} s  {peak:6.0f} MiB", file=sys.stderr)
    for way in WAYS:
        outdir = workdir / f"out-{way}-{count}"
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
        f"{value / getattr(results['plain'], name):.3f}",
        f"{value / getattr(results['raw'], name):.3f}",
    ]


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


def rows_of(all_results: dict[int, dict[str, Measures]]) -> list[list[str]]:
    rows = []
    for count, results in all_results.items():
        median = {way: statistics.median(results[way].seconds) for way in WAYS}
        peak = {way: statistics.median(results[way].peak_mib) for way in WAYS}
        noop = {way: statistics.median(results[way].noop_seconds) for way in WAYS}
        for way in WAYS:
            m = results[way]
            rows.append(
                [
                    f"{count:,}",
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[7, 1000, 5000])
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
    arguments = parser.parse_args()
    counted = set(arguments.instruction_sizes) if shutil.which("valgrind") else set()
    with tempfile.TemporaryDirectory(prefix="awards-bench-") as workdir:
        all_results = {
            count: measure(
                count,
                runs_for(count, arguments.runs, arguments.small_runs),
                Path(workdir),
                count_instructions=count in counted,
            )
            for count in arguments.sizes
        }
        profiled = {
            count: phases(Path(workdir) / f"ours-{count}", Path(workdir) / f"profiled-{count}")
            for count in arguments.phase_sizes
            if count in arguments.sizes
        }
    rows = rows_of(all_results)
    text_of_caption = caption(arguments.runs, arguments.small_runs)
    phases_text = phase_table(profiled)
    text = render(rows, text_of_caption, phases_text)
    arguments.output.write_text(text, encoding="utf-8")
    arguments.output.with_suffix(".json").write_text(
        json.dumps(
            {
                "header": HEADER,
                "rows": rows,
                "caption": caption(arguments.runs, arguments.small_runs),
                "phases": phases_text,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(text)


if __name__ == "__main__":
    main()

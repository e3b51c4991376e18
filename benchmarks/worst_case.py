"""Worst cases at the size limit: what a hostile 6 MiB data file costs.

Each shape is a data file of about ``awards_max_bytes`` (6 MiB by default)
made to be as expensive as the limits allow: the most awards, the longest
paragraphs (flowed, checked for mojibake), a list far over its item limit,
aliases up to their budget, the deepest templates. Each is checked with
``sphinx-awards check`` and built with Sphinx's html and text builders, each
in a fresh process; the table gives wall time and the process's peak memory
(``ru_maxrss``). One run each: these are bounds, not a benchmark of speed.

    python benchmarks/worst_case.py [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "_ext"))
from sphinx_awards.data.files import DEFAULT_MAX_BYTES as LIMIT  # noqa: E402

HEAD = """\
event: {title: Worst case, lede: "{papers, plural, one {# paper} other {# papers}}"}
themes:
  - {id: alpha, name: Alpha, color: "#6d28d9"}
tracks:
  - {id: main, name: Main}
levels:
  - {id: gold, name: Gold, section_title: Gold Papers, subtitle: "{n} papers"}
awards:
"""


def _award(number: int, *, summary: str = "A summary.", authors: str = "[Ada Lovelace, Grace Hopper]") -> str:
    return (
        f"  - id: paper-{number}\n    title: Paper {number}\n    level: gold\n    track: main\n"
        f"    theme: alpha\n    summary: {summary}\n    tags: [Robots, Tables]\n"
        f"    description: A description of paper {number}.\n    authors: {authors}\n"
        f"    url: https://example.org/{number}\n"
    )


def _fill(make: Callable[[int], str], head: str = HEAD) -> str:
    """As many entries as fit under the limit."""
    parts, size, number = [head], len(head), 0
    while True:
        entry = make(number)
        if size + len(entry.encode()) > LIMIT - 64:
            return "".join(parts)
        parts.append(entry)
        size += len(entry.encode())
        number += 1


def _every_list_long() -> str:
    """As many levels, themes, tracks and awards as fit, each award in a level,
    theme and track of its own: every list as long as every other (the cost
    of each level's section, each legend entry, each subtitle's counts)."""
    head = 'event: {title: Worst case, lede: "{papers, plural, one {# paper} other {# papers}}"}\n'

    def entries(number: int) -> tuple[str, str, str, str]:
        return (
            f'  - {{id: t{number}, name: Theme {number}, color: "#6d28d9"}}\n',
            f"  - {{id: r{number}, name: Track {number}}}\n",
            f"  - {{id: l{number}, name: Level {number}, section_title: Level {number}, "
            f'subtitle: "{{n}} papers"}}\n',
            f"  - {{id: p{number}, title: Paper {number}, level: l{number}, track: r{number}, "
            f"theme: t{number}, summary: S., tags: [T], description: D., authors: [A B], "
            f'url: "https://example.org/{number}"}}\n',
        )

    count = (LIMIT - 256) // len("".join(entries(99_999)).encode())
    lists = zip(*(entries(number) for number in range(count)), strict=True)
    parts = ["themes:\n", "tracks:\n", "levels:\n", "awards:\n"]
    return head + "".join(part + "".join(items) for part, items in zip(parts, lists, strict=True))


def shapes() -> Iterator[tuple[str, str]]:
    yield "most awards (valid)", _fill(_award)
    yield "every list long (valid)", _every_list_long()
    paragraph = '"' + ("Words that flow " * 1249) + '"'  # 19,984 characters
    yield "longest paragraphs (valid)", _fill(lambda n: _award(n, summary=paragraph))
    spaces = '"a' + " " * 19_990 + 'b\\nc"'
    yield "paragraphs of spaces (valid)", _fill(lambda n: _award(n, summary=spaces))
    mojibake = '"' + "Donâ€™t " * 2800 + '"'
    yield "mojibake paragraphs (refused)", _fill(lambda n: _award(n, summary=mojibake))
    count = (LIMIT - 2000) // 3
    tags = "[" + ", ".join(["t"] * count) + "]"
    yield f"{count / 1e6:.1f} million tags (refused)", HEAD + _award(0).replace("[Robots, Tables]", tags)
    shared = "shared: &many [" + ", ".join(f"Author {i}" for i in range(2000)) + "]\n"
    yield "aliases past their budget (refused)", _fill(lambda n: _award(n, authors="*many"), shared + HEAD)
    deep = "{papers,plural,=0{" * 12 + "x" + "} other {y}}" * 12
    stat = f'  - {{label: "{deep}", value: "{deep}", detail: "{deep}"}}\n'
    one_award_then_stats = HEAD.replace("awards:\n", _award(0).join(["awards:\n", "stats:\n"]))
    yield "deepest templates", _fill(lambda n: stat, one_award_then_stats)
    yield "deep brackets (refused)", "x: " + "[" * (LIMIT - 8) + "\n"


def _measure(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak MiB and exit status of one run in a fresh process."""
    probe = (
        f"import resource, runpy, sys; sys.argv = {command!r}; code = 0\n"
        f"try:\n    runpy.run_module({command[0]!r}, run_name='__main__')\n"
        "except SystemExit as stop:\n    code = stop.code or 0\n"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)\n"
    )
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = next(line for line in run.stderr.splitlines() if line.startswith("PEAK")).split()
    return seconds, int(peak[1]) / 1024, int(peak[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="write the results as JSON here")
    arguments = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for name, text in shapes():
            site = Path(workdir) / str(len(rows))
            site.mkdir()
            (site / "awards.yaml").write_text(text, encoding="utf-8")
            (site / "conf.py").write_text(
                f"import sys\nsys.path.insert(0, {str(REPO / '_ext')!r})\nextensions = ['sphinx_awards']\n"
            )
            (site / "index.rst").write_text(
                ".. awards-summary::\n\n.. awards-legend::\n\n.. awards::\n", encoding="utf-8"
            )
            row = {"shape": name, "bytes": len(text.encode())}
            row["check"] = _measure(["sphinx_awards", "check", "awards.yaml"], site)
            for builder in ("html", "text"):
                row[builder] = _measure(["sphinx", "-q", "-b", builder, ".", f"_build/{builder}"], site)
            rows.append(row)
            cells = [f"{row[k][0]:6.1f} s {row[k][1]:6.0f} MiB" for k in ("check", "html", "text")]
            print(f"{name:32} {row['bytes'] / 2**20:4.1f} MiB  " + "  ".join(cells), flush=True)
    if arguments.output:
        arguments.output.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

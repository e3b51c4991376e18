"""Synthetic sites of N awards, written three ways with the same visible text.

- ``ours``: ``awards.yaml`` and the ``awards`` directive;
- ``plain``: the same text as plain reST (a rubric and paragraphs per card):
  what Sphinx itself costs, the floor;
- ``design``: the same cards written by hand with sphinx-design's
  ``grid-item-card``, the most used card extension.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEED = yaml.safe_load((REPO / "awards.yaml").read_text(encoding="utf-8"))
WAYS = ("ours", "plain", "design")

CONF = """\
import sys
sys.path.insert(0, {ext!r})
extensions = {extensions!r}
html_theme = "furo"
exclude_patterns = ["_build"]
project = "bench"
"""


def synthetic_awards(count: int) -> list[dict]:
    """``count`` awards cycling through the real seven, each with its own id and title."""
    awards = []
    for number in range(count):
        award = dict(SEED["awards"][number % len(SEED["awards"])])
        award["id"] = f"{award['id']}-{number}"
        award["title"] = f"{award['title']} ({number})"
        awards.append(award)
    return awards


def _levels() -> dict[str, dict]:
    return {level["id"]: level for level in SEED["levels"]}


def _tracks() -> dict[str, dict]:
    return {track["id"]: track for track in SEED["tracks"]}


def _badge(award: dict) -> str:
    badge = _tracks()[award["track"]].get("badge")
    name = _levels()[award["level"]]["name"]
    return f"{name} · {badge}" if badge else name


def _card_lines(award: dict) -> list[str]:
    """The visible text of one card as reST body lines."""
    authors = award["authors"]
    return [
        _badge(award),
        "",
        award["summary"],
        "",
        "  ".join(award["tags"]),
        "",
        award["description"],
        "",
        f"{authors[0]} et al. — " + ", ".join(authors),
        "",
        f"`View paper ↗ <{award['url']}>`__ · `arXiv <{award['links'][0]['url']}>`__",
        "",
    ]


def _title(text: str) -> str:
    return f"{text}\n{'=' * len(text)}\n\n"


def _sections(awards: list[dict], write_card: Callable[[dict], str], opening: str = "") -> str:
    """One section per award level, as the directive makes them."""
    out = []
    for level in SEED["levels"]:
        out.append(f"{level['section_title']}\n{'-' * len(level['section_title'])}\n\n{opening}")
        out.extend(write_card(award) for award in awards if award["level"] == level["id"])
    return "".join(out)


def plain_card(award: dict) -> str:
    return f".. rubric:: {award['title']}\n\n" + "\n".join(_card_lines(award)) + "\n"


def design_card(award: dict) -> str:
    body = "\n".join(f"   {line}" if line else "" for line in _card_lines(award))
    return (
        f"   .. grid-item-card:: {award['title']}\n\n"
        + "\n".join(f"   {line}" if line else "" for line in body.splitlines())
        + "\n\n"
    )


def write_site(way: str, count: int, directory: Path) -> Path:
    """Write one synthetic site; returns its source directory."""
    directory.mkdir(parents=True, exist_ok=True)
    awards = synthetic_awards(count)
    extensions = {"ours": ["sphinx_awards"], "plain": [], "design": ["sphinx_design"]}[way]
    (directory / "conf.py").write_text(CONF.format(ext=str(REPO / "_ext"), extensions=extensions))
    title = _title("Benchmark")
    if way == "ours":
        data = {key: value for key, value in SEED.items() if key != "awards"} | {"awards": awards}
        (directory / "awards.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        index = title + ".. awards::\n"
    elif way == "plain":
        index = title + _sections(awards, plain_card)
    else:
        index = title + _sections(awards, design_card, opening=".. grid:: 1 1 2 2\n\n")
    (directory / "index.rst").write_text(index, encoding="utf-8")
    return directory


if __name__ == "__main__":
    for way in WAYS:
        print(write_site(way, int(sys.argv[1]), Path(sys.argv[2]) / way))

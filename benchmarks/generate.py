"""Synthetic sites of N awards, written four ways with the same visible text.

- ``ours``: ``awards.yaml`` (every award written out in full, as a person or
  a script writes it) and the ``awards`` directive;
- ``ours-warm``: ``ours`` with ``awards_cache`` (its clean builds find the
  checked result of an earlier build, as ``make clean html`` does);
- ``ours-aliased``: the same, with YAML aliases where awards share a list
  (PyYAML's default for shared objects: 14,979 aliases at N = 5,000);
- ``plain``: the same text as plain reST (a rubric and paragraphs per card):
  what Sphinx itself costs for the words, the first floor;
- ``raw``: the HTML ``ours`` writes, pasted as one ``.. raw:: html`` block per
  card (and one per group heading): the least Sphinx can spend writing the
  same bytes, the second floor;
- ``design``: the same cards written by hand with sphinx-design's
  ``grid-item-card``, the most used card extension.

The texts that the extension fills in from templates (each group's subtitle)
and the cards' HTML are taken from a build of ``ours`` (not timed), so that
every way shows exactly the same words.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
from sphinx_awards.data.files import DEFAULT_MAX_BYTES

REPO = Path(__file__).resolve().parent.parent
SEED = yaml.safe_load((REPO / "awards.yaml").read_text(encoding="utf-8"))
WAYS = ("ours", "ours-warm", "ours-aliased", "plain", "raw", "design")

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


def _sections(
    awards: list[dict], subtitles: list[str], write_card: Callable[[dict], str], opening: str = ""
) -> str:
    """One section per award level, with its subtitle, as the directive makes them."""
    out = []
    for level, subtitle in zip(SEED["levels"], subtitles, strict=True):
        title = level["section_title"]
        out.append(f"{title}\n{'-' * len(title)}\n\n{subtitle}\n\n{opening}")
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


#: Builds run as on a writer's machine, where Python caches compiled modules:
#: without this (some machines set it), every build would compile the
#: extension's modules again, and only the extension's.
BUILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _raw(markup: str) -> str:
    indented = "".join(f"   {line}\n" if line else "\n" for line in markup.splitlines())
    return f".. raw:: html\n\n{indented}\n"


#: The page body ``ours`` writes: group openings and closings, and cards.
_CARD = re.compile(r'(<article class="award-card".*?</article>\n)', re.DOTALL)
_BODY = re.compile(
    r"</h1>\n(.*)\n</section>\n(?:<script type=\"application/ld\+json\">.*?</script>)?\n\s*</article>",
    re.DOTALL,
)
_SUBTITLE = re.compile(r'<p class="awards-group__subtitle">(.*?)</p>')


def _our_output(directory: Path) -> tuple[list[str], list[str]]:
    """Build ``ours`` once (untimed): the page body in chunks (each card, and
    the markup between cards), and each group's subtitle as text."""
    outdir = directory.parent / f"{directory.name}-seed-build"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(directory), str(outdir)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=BUILD_ENV)
    page = (outdir / "index.html").read_text(encoding="utf-8")
    body = _BODY.search(page)
    if body is None:
        raise SystemExit("the page of 'ours' changed shape: update benchmarks/generate.py")
    chunks = [chunk for chunk in _CARD.split(body.group(1)) if chunk.strip()]
    subtitles = [html.unescape(subtitle) for subtitle in _SUBTITLE.findall(page)]
    return chunks, subtitles


class _WrittenOut(yaml.SafeDumper):
    """Every value written where it is used: no anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def write_sites(count: int, workdir: Path) -> dict[str, Path]:
    """The four sites of ``count`` awards; returns each way's source directory."""
    awards = synthetic_awards(count)
    title = _title("Benchmark")
    sites = {way: workdir / f"{way}-{count}" for way in WAYS}
    for way, directory in sites.items():
        directory.mkdir(parents=True, exist_ok=True)
        extensions = {"ours": ["sphinx_awards"], "design": ["sphinx_design"]}.get(way.partition("-")[0], [])
        (directory / "conf.py").write_text(CONF.format(ext=str(REPO / "_ext"), extensions=extensions))
    data = {key: value for key, value in SEED.items() if key != "awards"} | {"awards": awards}
    for way, dumper in (("ours", _WrittenOut), ("ours-warm", _WrittenOut), ("ours-aliased", yaml.SafeDumper)):
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)
        (sites[way] / "awards.yaml").write_text(text, encoding="utf-8")
        size = len(text.encode("utf-8"))
        if size > DEFAULT_MAX_BYTES:  # 20,000 awards are 19 MB: the site raises the limit, as a user must
            with (sites[way] / "conf.py").open("a", encoding="utf-8") as conf:
                conf.write(f"awards_max_bytes = {size}\n")
        (sites[way] / "index.rst").write_text(title + ".. awards::\n", encoding="utf-8")
    with (sites["ours-warm"] / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"awards_cache = {str(workdir / f'cache-{count}')!r}\n")
    chunks, subtitles = _our_output(sites["ours"])
    pages = {
        "plain": title + _sections(awards, subtitles, plain_card),
        "raw": title + "".join(_raw(chunk) for chunk in chunks),
        "design": title + _sections(awards, subtitles, design_card, opening=".. grid:: 1 1 2 2\n\n"),
    }
    for way, page in pages.items():
        (sites[way] / "index.rst").write_text(page, encoding="utf-8")
    return sites


#: The real front page: the site's own data and the three directives.
FRONT_WAYS = ("ours", "plain", "raw")
_BLOCKS = ("h2", "h3", "p", "li", "dt", "dd", "summary", "caption", "th", "td")
_RST_SPECIAL = re.compile(r"([\\`*_|\[\]<>:])")


def _plain_text_of(body: str) -> str:
    """Every block of text in ``body`` (HTML) as a reST paragraph: the same
    words, without the markup."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    for hidden in soup.select("script, style, .awards-sr-only"):
        hidden.decompose()
    paragraphs = []
    for block in soup.find_all(_BLOCKS):
        if block.find(_BLOCKS) is None:
            text = " ".join(block.get_text(" ").split())
            if text:
                paragraphs.append(_RST_SPECIAL.sub(r"\\\1", text))
    return "\n\n".join(paragraphs) + "\n"


def write_front_sites(workdir: Path) -> dict[str, Path]:
    """The site's own front page (summary, legend, cards of ``awards.yaml``)
    three ways: ours, its words as plain reST, its HTML as one raw block."""
    title = _title("Benchmark")
    sites = {way: workdir / f"front-{way}" for way in FRONT_WAYS}
    for way, directory in sites.items():
        directory.mkdir(parents=True, exist_ok=True)
        extensions = ["sphinx_awards"] if way == "ours" else []
        (directory / "conf.py").write_text(CONF.format(ext=str(REPO / "_ext"), extensions=extensions))
    (sites["ours"] / "awards.yaml").write_bytes((REPO / "awards.yaml").read_bytes())
    directives = ".. awards-summary::\n\n.. awards-legend::\n\n.. awards::\n"
    (sites["ours"] / "index.rst").write_text(title + directives, encoding="utf-8")
    outdir = workdir / "front-ours-seed-build"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(sites["ours"]), str(outdir)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=BUILD_ENV)
    body = _BODY.search((outdir / "index.html").read_text(encoding="utf-8"))
    if body is None:
        raise SystemExit("the front page of 'ours' changed shape: update benchmarks/generate.py")
    (sites["plain"] / "index.rst").write_text(title + _plain_text_of(body.group(1)), encoding="utf-8")
    (sites["raw"] / "index.rst").write_text(title + _raw(body.group(1)), encoding="utf-8")
    return sites


def write_parallel_site(workdir: Path, pages: int = 20, per_page: int = 50) -> Path:
    """A site of ``pages`` pages over one file of ``pages * per_page`` awards,
    each page showing its own ``per_page`` cards (``-j`` reads the pages in
    parallel)."""
    awards = synthetic_awards(pages * per_page)
    directory = workdir / f"parallel-{pages}x{per_page}"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "conf.py").write_text(CONF.format(ext=str(REPO / "_ext"), extensions=["sphinx_awards"]))
    data = {key: value for key, value in SEED.items() if key != "awards"} | {"awards": awards}
    text = yaml.dump(data, Dumper=_WrittenOut, allow_unicode=True, sort_keys=False)
    (directory / "awards.yaml").write_text(text, encoding="utf-8")
    toctree = "".join(f"   page{number}\n" for number in range(pages))
    (directory / "index.rst").write_text(
        _title("Awards") + f".. awards-summary::\n\n.. toctree::\n\n{toctree}", encoding="utf-8"
    )
    for number in range(pages):
        ids = ", ".join(award["id"] for award in awards[number * per_page : (number + 1) * per_page])
        (directory / f"page{number}.rst").write_text(
            _title(f"Page {number}") + f".. awards::\n   :ids: {ids}\n", encoding="utf-8"
        )
    return directory


if __name__ == "__main__":
    for site in write_sites(int(sys.argv[1]), Path(sys.argv[2])).values():
        print(site)

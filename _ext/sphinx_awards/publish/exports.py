"""The awards as data for other tools: JSON, BibTeX, RIS and CSL-JSON.

``awards.json`` holds everything the data files say (versioned, with a
published JSON Schema, ``schema/awards-export.schema.json``); the three
citation formats hold each award as a conference paper: title, every author
in order, the event as its container, the year of the event's first date,
the paper's address, its description as the abstract, its tags as keywords,
and the award in a note (``sphinx-awards import`` reads them back).

Written by hand, not with a BibTeX library: the formats need only escaping,
and every string comes from checked data (one line, no control characters).
BibTeX gets LaTeX's specials escaped and a name holding " and " braced (else
BibTeX splits it into two people); the tests read every format back with
independent parsers (bibtexparser with LaTeX decoding, rispy).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from functools import partial
from itertools import zip_longest
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from .citations import People, bibtex_entry, csl_item, level_name, people, ris_record, tags

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.model import Award, AwardsData

#: Bumped when a key of ``awards.json`` changes meaning or goes away.
EXPORT_VERSION = 1
FORMATS = ("json", "bibtex", "ris", "csl")
#: File names written beside the HTML.
FILE_NAMES = {
    "json": "awards.json",
    "bibtex": "awards.bib",
    "ris": "awards.ris",
    "csl": "awards.csl.json",
}


def award_record(data: AwardsData, award: Award) -> dict[str, Any]:
    """What ``awards.json`` says of one award."""
    return {
        "id": data.reference_name(award),
        "title": award.title,
        "level": award.level,
        "level_name": level_name(data, award),
        "track": award.track,
        "theme": award.theme,
        "summary": award.summary,
        "tags": tags(award),
        "description": award.description,
        "authors": list(award.authors),
        "url": award.url,
        "links": [{"label": link.label, "url": link.url} for link in award.links],
        # The paper's own record, where the data gives it.
        **{key: value for key, value in _paper_fields(award).items() if value not in ("", None)},
    }


def _paper_fields(award: Award) -> dict[str, Any]:
    return {
        "venue": award.venue,
        "year": award.year,
        "doi": award.doi,
        "arxiv": award.arxiv,
        "abstract": award.abstract,
        "date": award.date.isoformat() if award.date is not None else None,
        "openreview": award.openreview,
        **{kind: award.link_of(kind) for kind in ("pdf", "code", "video", "slides")},
    }


def _file_fields(data: AwardsData) -> dict[str, Any]:
    """What ``awards.json`` says of one data file, but its awards."""
    return {
        "title": data.title,
        "namespace": data.namespace,
        "language": data.language,
        "year": data.first_date.year if data.first_date is not None else None,
        "levels": [{"id": level.id, "name": level.name} for level in data.levels],
        "tracks": [{"id": track.id, "name": track.name} for track in data.tracks],
        "themes": [{"id": theme.id, "name": theme.name, "color": theme.color} for theme in data.themes],
    }


def _awards_json(files: Iterable[AwardsData]) -> Iterator[str]:
    """``awards.json``: ``{"version", "generator", "files": [{..., "awards":
    [...]}]}`` on one line, as ``json.dumps`` writes the whole, written an
    award at a time (a whole conference at once is megabytes held twice)."""
    from ..package import __version__

    head = {"version": EXPORT_VERSION, "generator": f"sphinx-awards {__version__}"}
    yield _dumps(head)[:-1] + ', "files": ['
    for file_number, data in enumerate(files):
        yield (", " if file_number else "") + _dumps(_file_fields(data))[:-1] + ', "awards": ['
        for number, award in enumerate(data.awards):
            yield (", " if number else "") + _dumps(award_record(data, award))
        yield "]}"
    yield "]}\n"


#: json's C encoder (given ``indent``, json encodes in Python, ten times
#: slower at 5,000 awards), one for every item (``json.dumps`` with options
#: makes one a call).
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _json_lines(items: Iterable[object]) -> Iterator[str]:
    """A JSON list, one item a line."""
    opening = "[\n"
    for item in items:
        yield opening + _dumps(item)
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


def _entries(entries: Iterable[str]) -> Iterator[str]:
    """Entries a blank line apart."""
    separator = ""
    for entry in entries:
        yield separator + entry
        separator = "\n"


def export_chunks(
    files: list[AwardsData], format_name: str, split: Callable[[Award], People] = people
) -> Iterator[str]:
    """All the awards of ``files`` in one of ``FORMATS``, an award at a time,
    so a build writes a large conference without holding it twice;
    ``split`` gives an award's authors' names, split."""
    awards = ((data, award) for data in files for award in data.awards)
    if format_name == "json":
        return _awards_json(files)
    if format_name == "csl":
        return _json_lines(csl_item(data, award, split(award)) for data, award in awards)
    if format_name == "bibtex":
        return _entries(bibtex_entry(data, award, split(award)) for data, award in awards)
    if format_name == "ris":
        return _entries(ris_record(data, award, split(award)) for data, award in awards)
    raise ValueError(f"unknown format {format_name!r}; one of {', '.join(FORMATS)}")


def _split_once() -> Callable[[Award], People]:
    """``people``, remembering the last award: the formats written side by
    side (``_write_side_by_side``) split each award's names once for all."""
    last: list[Any] = [None, None]

    def split(award: Award) -> People:
        if last[0] is not award:
            last[:] = [award, people(award)]
        return last[1]

    return split


def _write_side_by_side(files: list[AwardsData], targets: dict[str, Path]) -> None:
    """The formats' files written an award at a time, all of them together."""
    split = _split_once()
    with ExitStack() as opened:
        outputs = [opened.enter_context(path.open("w", encoding="utf-8")) for path in targets.values()]
        streams = [export_chunks(files, format_name, split) for format_name in targets]
        for chunks in zip_longest(*streams, fillvalue=""):
            for output, chunk in zip(outputs, chunks, strict=True):
                output.write(chunk)


def export(files: list[AwardsData], format_name: str) -> str:
    """All the awards of ``files`` in one of ``FORMATS``."""
    return "".join(export_chunks(files, format_name))


def makes_exports(app: Sphinx) -> bool:
    """Whether this build writes the four files: an HTML builder for the web
    (EPUB's book is packed already), exports on, a page showing cards."""
    from ..extension.datafiles import shown_contents

    if app.builder.format != "html" or app.builder.name.startswith("epub") or not app.config.awards_exports:
        return False
    return bool(shown_contents(app.env))


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """On ``build-finished``: the four files beside the pages, from every data
    file the site's pages show; written again only when what they are made
    of changed (the files shown, their contents, our code's version), and
    removed by ``outputs.remove_stale_outputs`` when no page shows a card."""
    if exception is not None or not makes_exports(app):
        return
    from ..extension.datafiles import files_shown, files_shown_digests, shown_contents
    from ..package import __version__
    from .outputs import note_path, read, store

    made_of = f"{EXPORT_VERSION} {__version__}\n{shown_contents(app.env)}"
    written = [Path(app.outdir) / name for name in FILE_NAMES.values()]
    made_of_note = note_path(app, "exports")
    if all(path.is_file() for path in written) and read(made_of_note) == made_of:
        return  # the files written last time stand
    from ..data.sharedcache import is_private, store_private

    kept = _kept_exports(app, files_shown_digests(app))
    to_make: dict[str, Path] = {}
    for format_name, name in FILE_NAMES.items():
        target = Path(app.outdir) / name
        if kept is not None and is_private(kept.path(name), folder=False):
            shutil.copyfile(kept.path(name), target)
        else:
            to_make[format_name] = target
    _write_side_by_side(files_shown(app), to_make)
    for target in to_make.values():
        if kept is not None:
            store_private(kept.path(target.name), partial(_copy_from, target), older=kept.older(target.name))
    store(made_of_note, made_of)


def _copy_from(source: Path, file: IO[bytes]) -> None:
    with source.open("rb") as read:
        shutil.copyfileobj(read, file)


class _KeptExports(NamedTuple):
    """Where a site's exports are kept by their contents: ``awards_cache``, or the doctree folder."""

    folder: Path
    site: str
    contents: str

    def path(self, name: str) -> Path:
        return self.folder / f"exports-{self.site}-{self.contents}-{name}"

    def older(self, name: str) -> str:
        """A glob beside ``path(name)`` for the same file of any contents."""
        return f"exports-{self.site}-*-{name}"


def _kept_exports(app: Sphinx, digests: list[str | None]) -> _KeptExports | None:
    """Where the four files made from these data files' contents (they depend
    on nothing else but our code) are kept: in ``awards_cache``, else in the
    doctree folder (beside the checked results), so that a clean build of
    the pages (a new output folder, ``-E``) copies them instead of making
    them. None when a content is not known."""
    from ..data.sharedcache import code_identity, shared_cache_dir

    folder = shared_cache_dir(app.config, app.srcdir) if app.config.awards_cache else None
    shared = folder is not None
    if folder is None:
        folder = Path(app.doctreedir) / "sphinx_awards" / "exports"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:  # something else is in the way: the files are made each time
            return None
    if None in digests:
        return None
    site = hashlib.sha256(str(app.srcdir).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    identity = code_identity(by_content=shared)  # the doctree folder goes with the checkout
    contents = hashlib.sha256(" ".join([identity, *map(str, digests)]).encode()).hexdigest()[:32]
    return _KeptExports(folder, site, contents)

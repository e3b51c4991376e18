"""The shortcuts a small site's build takes give the same answers as the full checks.

A data file that satisfies the schema is decided by the schema compiled to
Python (``schema_code.py``), without jsonschema; a text with nothing a
misreading leaves behind is passed without ftfy. Both must agree with the
full check on every input, or a mistake would go unreported.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import ftfy.bad_codecs  # registers the "sloppy" codecs
import ftfy.chardata
import pytest
from helpers import ROOTS, SHARED_DATA, copy_root, parse_html
from hostile_cases import all_cases
from hypothesis import given, settings
from hypothesis import strategies as st
from test_data_fuzz import EXAMPLES, damaged_files

from sphinx_awards.data import textchecks
from sphinx_awards.data.schema import satisfies_schema, validator
from sphinx_awards.data.yamlparse import parse_yaml

#: ftfy's names for the code pages, as Python's codecs name them.
FTFY_NAMES = {"sloppy-windows-": "cp", "macroman": "mac-roman"}


def _python_name(name: str) -> str:
    for ftfy_name, python_name in FTFY_NAMES.items():
        name = name.replace(ftfy_name, python_name)
    return name


def test_the_code_pages_are_ftfys_and_the_thai_one():
    expected = [_python_name(name) for name in ftfy.chardata.CHARMAP_ENCODINGS]
    assert [*textchecks.MISREAD_AS] == [*expected, "cp874"]


#: Text as people write it: accents, other scripts, typographic punctuation, emoji.
WRITTEN = st.text(
    st.sampled_from(
        [*"aeé ü—–’“”…·ßøÅçñ", *"Ωλ", *"Жд", *"ก่า", *"日本語", "🌐", "🏆", "\u00a0", "?", "\ufffd", "\x85"]
    ),
    max_size=12,
)
CODE_PAGES = [*ftfy.chardata.CHARMAP_ENCODINGS, "cp874"]


def _misread(text: str, code_page: str, damage: str) -> str:
    """``text`` as UTF-8 read in ``code_page``, perhaps with its 0xA0 bytes
    turned into spaces or a continuation byte lost, as ftfy knows them."""
    raw = text.encode("utf-8")
    if damage == "nbsp":
        raw = raw.replace(b"\xa0", b" ")
    elif damage == "lost" and len(raw) > 1:
        raw = raw[:-1] + b"?"
    return raw.decode(code_page, errors="replace")


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(WRITTEN, st.sampled_from(CODE_PAGES), st.sampled_from(["none", "nbsp", "lost"]), st.booleans())
def test_the_pretest_never_changes_the_answer(text, code_page, damage, misread):
    candidate = _misread(text, code_page, damage) if misread else text
    assert textchecks.mojibake_repair(candidate) == textchecks.repair_misread(candidate)


#: Any character, and more often the ones the text checks are about.
TROUBLE = st.characters() | st.sampled_from(
    "\n\r\x0b\x85\u2028\x00\x9f\ufffe\ud800\ufdd0\U0001fffe\U0010ffff"
)


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.text(TROUBLE, max_size=8), st.booleans())
def test_the_quick_text_test_agrees_with_the_explanation(value, one_line):
    explained = textchecks.text_problem(value, one_line=one_line)
    assert textchecks.is_text(value, one_line=one_line) == (explained is None)


@pytest.mark.parametrize(
    "text",
    ["NeurIPS 2025 â€” Best Paper", "cafÃ© crÃ¨me", "Ã  la carte", "â€œquotedâ€", "NeurIPS โ€” 2025", "ðŸŽ‰"],
)
def test_the_usual_mojibake_passes_the_pretest(text):
    assert textchecks.mojibake_repair(text) is not None


@pytest.mark.parametrize(
    "text", ["NeurIPS 2025 — Best Paper", "café crème", "Łódź", "日本語", "Привет", "🏆 Best"]
)
def test_written_text_is_passed_without_ftfy(text):
    assert textchecks.mojibake_repair(text) is None


def _jsonschema_accepts(data: object) -> bool:
    return next(iter(validator().iter_errors(data)), None) is None


@settings(max_examples=EXAMPLES, deadline=None)
@given(damaged_files())
def test_the_compiled_schema_agrees_with_jsonschema_on_damaged_files(text):
    document = parse_yaml("awards.yaml", text)
    if document.data is not None:
        assert satisfies_schema(document.data) == _jsonschema_accepts(document.data)


#: The hostile files that parse (the others never reach a schema).
HOSTILE_DOCUMENTS = [
    case
    for case in all_cases(4096)
    if isinstance(case.text, str) and parse_yaml("awards.yaml", case.text).data is not None
]


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS, ids=lambda case: case.name)
def test_the_compiled_schema_agrees_with_jsonschema_on_hostile_files(case):
    data = parse_yaml("awards.yaml", case.text).data
    assert satisfies_schema(data) == _jsonschema_accepts(data)


def test_hostile_files_exercise_both_answers_of_the_compiled_schema():
    answers = [satisfies_schema(parse_yaml("awards.yaml", case.text).data) for case in HOSTILE_DOCUMENTS]
    assert len(answers) > 100 and True in answers and False in answers


#: The libraries a small site's build should not pay for when it does not need them.
HEAVY = ("jsonschema", "ftfy", "fastjsonschema", "yaml")
#: What makes and writes cards, imported only when a page is read or written
#: (a no-op build loads the extension and writes nothing of ours; it unpickles
#: the root page's doctree, whose cards' data stays packed: nodes.CardViews).
CARD_MAKING = tuple(
    f"sphinx_awards.{name}"
    for name in (
        "render.tree",
        "render.counts",
        "text.messages",
        "data.textchecks",
        "render.card",
        "render.card_html",
    )
)


def _heavy_imports_after(code: str, cwd: Path, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Which of ``heavy`` a fresh interpreter has imported after running ``code``."""
    report = f"import sys; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\n{report}"], cwd=cwd, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_a_valid_file_is_checked_without_jsonschema_or_ftfy():
    code = "from sphinx_awards.data.checked import load_awards; assert load_awards('awards.yaml').data"
    assert _heavy_imports_after(code, ROOTS / "test-basic") == ["yaml"]


def test_a_file_with_mistakes_is_explained_by_jsonschema(tmp_path):
    text = SHARED_DATA.read_text(encoding="utf-8")
    (tmp_path / "awards.yaml").write_text(text.replace("awards:", "awards: 3\nunused:", 1), encoding="utf-8")
    code = "from sphinx_awards.data.checked import load_awards; assert load_awards('awards.yaml').problems"
    assert "jsonschema" in _heavy_imports_after(code, tmp_path)


def _site(tmp_path: Path) -> tuple[Path, Path, str]:
    """A copy of the basic site, its output directory, and code that builds it."""
    site = tmp_path / "site"
    copy_root("basic", site)
    arguments = [str(site), str(tmp_path / "html"), "-q", "-d", str(tmp_path / "doctrees")]
    build = f"from sphinx.cmd.build import build_main; assert build_main({arguments!r}) == 0"
    return site, tmp_path / "html", build


def _cards(html: Path) -> list[str]:
    return [card["id"] for card in parse_html(html / "index.html").select("article.award-card")]


def test_a_noop_rebuild_imports_no_parser_nor_checker(tmp_path):
    _, _, build = _site(tmp_path)
    assert "yaml" in _heavy_imports_after(build, tmp_path)  # the first build reads the data file
    assert _heavy_imports_after(build, tmp_path) == []


def test_a_noop_rebuild_imports_nothing_that_makes_cards(tmp_path):
    _, _, build = _site(tmp_path)
    assert _heavy_imports_after(build, tmp_path, CARD_MAKING) == list(CARD_MAKING)  # the first build
    assert _heavy_imports_after(build, tmp_path, CARD_MAKING) == []


def test_a_page_edited_beside_unchanged_data_reuses_the_checked_result(tmp_path):
    """The result of checking is kept in the doctree directory: a rebuild in a
    new process reads the edited page without parsing or checking the file."""
    site, html, build = _site(tmp_path)
    _heavy_imports_after(build, tmp_path)
    cards = _cards(html)
    index = site / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "\nA paragraph added.\n", encoding="utf-8")
    # The page's texts are filled in again: neither the parser nor the checker.
    assert _heavy_imports_after(build, tmp_path) == []
    assert _cards(html) == cards and len(cards) > 1
    assert "A paragraph added." in parse_html(html / "index.html").get_text()


def test_a_changed_data_file_is_checked_again_and_its_old_result_dropped(tmp_path):
    site, html, build = _site(tmp_path)
    _heavy_imports_after(build, tmp_path)
    stored_before = sorted((tmp_path / "doctrees" / "sphinx_awards").glob("*.pickle"))
    data = site / "awards.yaml"
    first_id = _cards(html)[0]
    data.write_text(data.read_text(encoding="utf-8").replace(first_id, "renamed-card", 1), encoding="utf-8")
    assert "yaml" in _heavy_imports_after(build, tmp_path)
    assert "renamed-card" in _cards(html) and first_id not in _cards(html)
    stored_after = sorted((tmp_path / "doctrees" / "sphinx_awards").glob("*.pickle"))
    assert len(stored_after) == len(stored_before) and stored_after != stored_before


DAMAGES = [b"", b"not a pickle", pickle.dumps(("a", "tuple")), pickle.dumps(None)[:-1]]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_stored_result_is_checked_again(tmp_path, damage):
    site, html, build = _site(tmp_path)
    _heavy_imports_after(build, tmp_path)
    cards = _cards(html)
    stored = list((tmp_path / "doctrees" / "sphinx_awards").glob("*.pickle"))
    assert stored
    for path in stored:
        path.write_bytes(damage)
    (site / "index.rst").write_text((site / "index.rst").read_text(encoding="utf-8") + "\nEdited.\n")
    assert "yaml" in _heavy_imports_after(build, tmp_path)
    assert _cards(html) == cards


def test_a_place_where_results_cannot_be_stored_changes_nothing(tmp_path):
    """The doctree directory's ``sphinx_awards`` is a file, not a directory:
    results cannot be stored, the site builds as before, and checks each time."""
    site, html, build = _site(tmp_path)
    (tmp_path / "doctrees").mkdir()
    (tmp_path / "doctrees" / "sphinx_awards").write_text("in the way", encoding="utf-8")
    assert "yaml" in _heavy_imports_after(build, tmp_path)
    cards = _cards(html)
    assert len(cards) > 1
    (site / "index.rst").write_text((site / "index.rst").read_text(encoding="utf-8") + "\nEdited.\n")
    assert "yaml" in _heavy_imports_after(build, tmp_path)  # nothing was stored: checked again
    assert _cards(html) == cards
    assert (tmp_path / "doctrees" / "sphinx_awards").read_text(encoding="utf-8") == "in the way"
    assert not list((tmp_path / "doctrees").glob("*.tmp"))


# -- awards_cache: checked results that survive clean builds ---------------------------------


def _cached_site(tmp_path: Path, cache: Path) -> tuple[Path, str]:
    """The basic site with ``awards_cache`` set, and code that builds it clean."""
    site, html, _ = _site(tmp_path)
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nawards_cache = {str(cache)!r}\n")
    arguments = [str(site), str(html), "-q", "-E", "-d", str(tmp_path / "doctrees")]
    clean = f"import shutil; shutil.rmtree({str(tmp_path / 'doctrees')!r}, ignore_errors=True)\n"
    return html, clean + f"from sphinx.cmd.build import build_main; assert build_main({arguments!r}) == 0"


def test_a_clean_build_reuses_the_shared_result_without_parsing(tmp_path):
    cache = tmp_path / "cache"
    html, build = _cached_site(tmp_path, cache)
    assert "yaml" in _heavy_imports_after(build, tmp_path)  # the first build checks and stores
    first = (html / "index.html").read_text(encoding="utf-8")
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    stored = list(cache.glob("*.pickle"))  # one per data file the site reads
    assert stored and all(oct(path.stat().st_mode & 0o777) == "0o600" for path in stored)
    assert _heavy_imports_after(build, tmp_path) == []  # doctrees removed: read from the shared cache
    assert (html / "index.html").read_text(encoding="utf-8") == first


EXPORTS = ("awards.json", "awards.bib", "awards.ris", "awards.csl.json")


def _exports(html: Path) -> dict[str, bytes]:
    return {name: (html / name).read_bytes() for name in EXPORTS}


def test_a_clean_build_copies_the_exports_it_made_before(tmp_path):
    """The four downloads are kept beside the checked result (private files),
    and a clean build copies them: a private file in the cache is what it
    shows (a changed one is shown as it is), one others could write is not
    used, and a changed data file makes new ones that replace the old."""
    cache = tmp_path / "cache"
    html, build = _cached_site(tmp_path, cache)
    _heavy_imports_after(build, tmp_path)
    made = _exports(html)
    kept = {path.name.rsplit("-", 1)[1]: path for path in cache.glob("exports-*")}
    assert sorted(kept) == sorted(EXPORTS)
    assert all(oct(path.stat().st_mode & 0o777) == "0o600" for path in kept.values())
    assert all(kept[name].read_bytes() == made[name] for name in EXPORTS)

    _heavy_imports_after(build, tmp_path)
    assert _exports(html) == made  # copied, the same bytes
    kept["awards.bib"].write_bytes(made["awards.bib"] + b"% kept\n")
    kept["awards.ris"].write_bytes(made["awards.ris"] + b"kept\n")
    kept["awards.ris"].chmod(0o666)
    _heavy_imports_after(build, tmp_path)
    assert (html / "awards.bib").read_bytes().endswith(b"% kept\n")  # copied from the cache
    # Made again: the kept file was not private.
    assert (html / "awards.ris").read_bytes() == made["awards.ris"]

    data = tmp_path / "site" / "awards.yaml"
    first_id = _cards(html)[0]
    data.write_text(data.read_text(encoding="utf-8").replace(first_id, "renamed-card", 1), encoding="utf-8")
    _heavy_imports_after(build, tmp_path)
    for name in EXPORTS:
        assert b"renamed-card" in (html / name).read_bytes(), name
        (now,) = [path for path in cache.glob("exports-*") if path.name.endswith(f"-{name}")]
        assert now.read_bytes() == (html / name).read_bytes()


def test_without_a_cache_the_doctree_folder_keeps_the_exports_for_a_clean_build(tmp_path):
    """Without ``awards_cache``, a clean build into a new output folder (``-E``,
    the doctree folder kept) copies the four files the build before made:
    a kept file marked by hand is what the new folder gets."""
    site, _, _ = _site(tmp_path)
    doctrees = tmp_path / "doctrees"

    def build(out: str) -> Path:
        arguments = [str(site), str(tmp_path / out), "-q", "-E", "-d", str(doctrees)]
        _heavy_imports_after(
            f"from sphinx.cmd.build import build_main; assert build_main({arguments!r}) == 0", tmp_path
        )
        return tmp_path / out

    made = _exports(build("first"))
    kept = {
        path.name.rsplit("-", 1)[1]: path
        for path in (doctrees / "sphinx_awards" / "exports").glob("exports-*")
    }
    assert sorted(kept) == sorted(EXPORTS)
    assert all(kept[name].read_bytes() == made[name] for name in EXPORTS)
    kept["awards.bib"].write_bytes(made["awards.bib"] + b"% kept\n")
    second = _exports(build("second"))
    assert second["awards.bib"] == made["awards.bib"] + b"% kept\n"  # copied, not made again
    assert {name: second[name] for name in EXPORTS if name != "awards.bib"} == {
        name: made[name] for name in EXPORTS if name != "awards.bib"
    }


def test_exports_are_kept_only_under_the_digests_of_every_file_shown(tmp_path):
    """A file shown whose content digest is not known gives no kept exports
    (a name without it could stand for other contents); every digest is in
    the name."""
    from types import SimpleNamespace

    from sphinx_awards.publish.exports import _kept_exports

    app = SimpleNamespace(config=SimpleNamespace(awards_cache=str(tmp_path / "cache")), srcdir=tmp_path)
    first = _kept_exports(app, ["a" * 64, "b" * 64])
    assert first is not None
    assert _kept_exports(app, ["a" * 64, "c" * 64]).path("awards.bib") != first.path("awards.bib")
    assert _kept_exports(app, ["a" * 64, None]) is None


def test_a_change_to_the_checker_makes_a_new_result(tmp_path, monkeypatch):
    """The result is named by the extension's code: an edited checker (an
    editable install) never reuses what an older one decided."""
    from sphinx_awards.data import checked, sharedcache

    (tmp_path / "cache").mkdir(mode=0o700)
    before = checked._shared_path(tmp_path / "cache", "awards.yaml", "0" * 64)
    monkeypatch.setattr(sharedcache, "code_identity", lambda: "another checker")
    monkeypatch.setattr(checked, "code_identity", lambda: "another checker")
    assert checked._shared_path(tmp_path / "cache", "awards.yaml", "0" * 64) != before


@pytest.mark.parametrize("by_content", [True, False], ids=["awards_cache", "doctree folder"])
def test_the_code_identity_changes_with_an_edited_source_and_not_with_bytecode(
    tmp_path, monkeypatch, by_content
):
    """An edit in place, even one that keeps the size, names kept results
    anew, and so does a new table; compiled files written beside the sources
    do not. By content (``awards_cache``), a fresh checkout's new times do
    not either; by size and time (the doctree folder, as Python's bytecode
    cache tells an edited source), they do."""
    import os
    import shutil

    from sphinx_awards.data import sharedcache
    from sphinx_awards.package import PACKAGE_DIR

    copy = tmp_path / "sphinx_awards"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sharedcache, "PACKAGE_DIR", copy)

    def identity() -> str:
        return sharedcache.code_identity.__wrapped__(by_content=by_content)

    first = identity()
    assert identity() == first
    (copy / "data" / "__pycache__").mkdir(exist_ok=True)
    (copy / "data" / "__pycache__" / "checked.cpython-311.pyc").write_bytes(b"compiled")
    assert identity() == first
    checker = copy / "data" / "validation.py"
    stat = checker.stat()
    os.utime(checker, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # checked out anew
    assert (identity() == first) is by_content
    checker.write_text(checker.read_text().replace("def ", "def_", 1))  # the same size
    os.utime(checker, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert checker.stat().st_size == stat.st_size
    edited = identity()
    assert edited != first
    (copy / "schema" / "extra.json").write_text("{}")
    assert identity() not in (first, edited)


@pytest.mark.parametrize("damage", ["open to others", "not ours", "a link"])
def test_a_cache_that_is_not_private_is_never_read(tmp_path, damage):
    """A pickle can run code when loaded: one that another user could have
    written is not read (the file is checked again), and the folder gets a warning."""
    import os

    from sphinx_awards.data import checked
    from sphinx_awards.data.checked import load_awards
    from sphinx_awards.data.sharedcache import _checked_folder

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    checked._in_memory.clear()
    first = load_awards(str(SHARED_DATA), shared_dir=cache)
    (stored,) = cache.glob("*.pickle")
    forged = first._replace(problems=(*first.problems, "forged"))
    stored.write_bytes(pickle.dumps(forged))
    if damage == "open to others":
        stored.chmod(0o666)
    elif damage == "not ours":
        if os.getuid() != 0:
            pytest.skip("only root can give a file away")
        os.chown(stored, 12345, 12345)
    else:
        target = tmp_path / "elsewhere.pickle"
        stored.rename(target)
        stored.symlink_to(target)
    checked._in_memory.clear()
    assert "forged" not in load_awards(str(SHARED_DATA), shared_dir=cache).problems
    cache.chmod(0o777)
    assert _checked_folder.__wrapped__(str(cache))[0] is None


# -- no-op rebuilds: no per-card work --------------------------------------------------------


def test_a_noop_rebuild_does_not_open_the_data_file(tmp_path):
    """Its size and modification time are those it had when a page read it:
    the digest stored then stands, and the file is not read again."""
    site, _, build = _site(tmp_path)
    _heavy_imports_after(build, tmp_path)
    data = str((site / "awards.yaml").resolve())
    watch = (
        "import sys\nopened = []\n"
        "def watch(event, args):\n"
        f"    if event == 'open' and args[0] == {data!r}:\n"
        "        opened.append(args[0])\n"
        "sys.addaudithook(watch)\n"
    )
    report = "\nprint('opened', len(opened))"
    code = watch + build + report
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("opened 0")


def test_an_edit_that_keeps_the_size_is_still_seen(tmp_path):
    """A new modification time is enough to read the file again."""
    import os

    site, html, build = _site(tmp_path)
    _heavy_imports_after(build, tmp_path)
    data = site / "awards.yaml"
    first_id = _cards(html)[0]
    same_size = first_id[:-1] + ("x" if first_id[-1] != "x" else "y")
    before = data.stat()
    data.write_text(data.read_text(encoding="utf-8").replace(first_id, same_size, 1), encoding="utf-8")
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert data.stat().st_size == before.st_size
    _heavy_imports_after(build, tmp_path)
    assert same_size in _cards(html)


#: Code run before a build: counts the card stores read from a pickled
#: doctree and those of them whose cards were then looked at.
COUNT_UNPACKING = """
from sphinx_awards.render.nodes import CardViews
read, unpacked = [], []
def counted(original, into):
    def wrapper(*args, **kwargs):
        into.append(1)
        return original(*args, **kwargs)
    return wrapper
CardViews.unpacked_later = classmethod(counted(CardViews.unpacked_later.__func__, read))
original_unpacked = CardViews._unpacked
def _unpacked(self):
    if self._views is None:
        unpacked.append(1)
    return original_unpacked(self)
CardViews._unpacked = _unpacked
"""


def _unpacking_after(build: str, tmp_path: Path) -> tuple[int, int]:
    """(card stores read from pickled doctrees, of them unpacked) in a build."""
    report = "\nprint(len(read), len(unpacked))"
    result = subprocess.run(
        [sys.executable, "-c", COUNT_UNPACKING + build + report],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    read, unpacked = result.stdout.split()[-2:]
    return int(read), int(unpacked)


def test_a_noop_rebuild_reads_the_cards_doctree_but_unpacks_no_card(tmp_path):
    """A no-op writes the index and search pages, whose navigation Sphinx
    (from 8.x) takes from the root page's doctree: the cards' data there
    stays packed, however the tree is walked. Written again from their
    doctrees (``-a``), the pages with cards unpack it and are the same
    pages, their words in the search index."""
    site, html, build = _site(tmp_path)
    _heavy_imports_after(build, tmp_path)
    pages = {name: (html / name).read_bytes() for name in ("index.html", "sub/other-data.html")}
    assert _unpacking_after(build, tmp_path)[1] == 0
    walk = (
        "from sphinx.application import Sphinx\n"
        f"app = Sphinx({str(site)!r}, {str(site)!r}, {str(html)!r}, {str(tmp_path / 'doctrees')!r}, 'html',"
        " status=None)\n"
        "walked = sum(1 for node in app.env.get_doctree('index').findall())\n"
    )
    read, unpacked = _unpacking_after(walk, tmp_path)
    assert read > 0 and unpacked == 0
    (html / "searchindex.js").unlink()
    read, unpacked = _unpacking_after(build.replace("'-q'", "'-q', '-a'"), tmp_path)
    assert read > 0 and unpacked > 0
    assert {name: (html / name).read_bytes() for name in pages} == pages
    assert '"hivemind"' in (html / "searchindex.js").read_text(encoding="utf-8")


def test_labels_survive_a_noop_rebuild(make_app, tmp_path):
    """A no-op publishes no labels again; a page edited afterwards still
    reaches the cards through :ref:."""
    from helpers import copy_root

    srcdir = copy_root("embed", tmp_path / "src")
    for _ in range(2):
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
        app.build()
    refs = srcdir / "refs.rst"
    refs.write_text(refs.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    assert "undefined label" not in app.warning.getvalue()
    page = parse_html(app.outdir / "refs.html")
    assert any(a["href"] == "index.html#second-paper" for a in page.select("a.reference.internal"))


# -- the texts a page offers for translation ---------------------------------------------------

#: The test sites' data files and the site's own.
SITE_DATA = Path(__file__).parents[2] / "awards.yaml"
DATA_FILES = sorted({*ROOTS.glob("*/*.yaml"), *ROOTS.glob("*/*/*.yaml"), SITE_DATA})


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_texts_read_directly_are_those_map_texts_translates(path):
    from sphinx_awards.data.checked import load_awards
    from sphinx_awards.extension.translation import map_texts, template_texts, texts_of

    data = load_awards(str(path), 50_000_000).data
    assert data is not None
    changed: dict[str, None] = {}
    map_texts(data, lambda text: changed.setdefault(text) or text)
    assert texts_of(data) == list(changed)
    templates: dict[str, None] = {}
    map_texts(data, str, lambda text, kind: templates.setdefault(text) or text)
    assert template_texts(data) == list(templates)


@pytest.mark.parametrize("char", ["\ufdd0", "\ufdef", "\ufffe", "\U0001fffe", "\U0010ffff"])
def test_noncharacters_are_refused_with_their_code_point(char):
    """Unicode's noncharacters are no text (an HTML reader drops ``&#x1fffe;``)."""
    problem = textchecks.text_problem(f"a{char}b", one_line=False)
    assert problem is not None and f"U+{ord(char):04X}" in problem and "at character 2" in problem
    assert textchecks.text_problem("a\ufdcfb\U0001fffdc", one_line=False) is None  # their neighbours are text


# -- the one reading of a well-formed file ---------------------------------------------------


def _both_readings(path: str, raw: bytes):
    """What the build reads (``read_and_check``: few marks first) and the
    complete reading, checked."""
    from sphinx_awards.data.checked import read_and_check
    from sphinx_awards.data.validation import check_document
    from sphinx_awards.data.yamlparse import parse_bytes

    return read_and_check(path, raw), check_document(parse_bytes(path, raw))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_data_file_read_with_few_marks_gives_the_complete_readings_model_and_lines(path):
    fast, complete = _both_readings(str(path), path.read_bytes())
    assert fast == complete  # every award's, link's and url's line included
    assert complete.data is not None


@pytest.fixture
def documents(monkeypatch):
    """Every document ``read_and_check`` parses, in order."""
    from sphinx_awards.data import yamlparse

    parsed = []
    parse = yamlparse.parse_bytes

    def counted(*arguments, **keywords):
        parsed.append(parse(*arguments, **keywords))
        return parsed[-1]

    monkeypatch.setattr(yamlparse, "parse_bytes", counted)
    return parsed


def test_a_well_formed_file_is_read_once_keeping_only_the_models_marks(documents):
    from sphinx_awards.data import checked
    from sphinx_awards.data.model import LOCATED_KEYS

    result = checked.read_and_check(str(SITE_DATA), SITE_DATA.read_bytes())
    assert not result.problems and len(documents) == 1 and not documents[0].complete
    assert documents[0].marks and {str(path[-1]) for path in documents[0].marks} <= LOCATED_KEYS
    assert result.data is not None
    assert all(award.line > 1 and award.url_line > award.line for award in result.data.awards)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title:", "title: Twice\n    title:"),  # a duplicate key: the reading stops and starts again
        ("  - id: rl", "  - id: llm"),  # an id used twice: found by the check
        ("title:", "titel: Near miss\n    title:"),  # an unknown key: a warning only
    ],
)
def test_a_file_with_a_mistake_is_read_again_with_every_position(documents, old, new):
    text = SITE_DATA.read_text(encoding="utf-8")
    assert old in text
    fast, complete = _both_readings("awards.yaml", text.replace(old, new, 1).encode())
    # read_and_check's two readings, the second complete; then the test's own complete one.
    assert [document.complete for document in documents] == [False, True, True]
    assert fast == complete and fast.problems
    assert all(problem.line > 1 for problem in fast.problems)


@settings(max_examples=EXAMPLES, deadline=None)
@given(damaged_files())
def test_both_readings_agree_on_damaged_files(text):
    fast, complete = _both_readings("awards.yaml", text.encode("utf-8", "surrogatepass"))
    assert fast == complete


HOSTILE_TEXTS = [case for case in all_cases(4096) if case.text is not None]


@pytest.mark.parametrize("case", HOSTILE_TEXTS, ids=lambda case: case.name)
def test_both_readings_agree_on_hostile_files(case):
    raw = case.text.encode("utf-8", "surrogatepass") if isinstance(case.text, str) else case.text
    fast, complete = _both_readings("awards.yaml", raw)
    assert fast == complete

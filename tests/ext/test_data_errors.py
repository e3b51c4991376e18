"""Every mistake in a data file gives a located message, and the site still builds.

Each case writes a broken ``awards.yaml`` into a copy of ``test-data-errors``,
builds it, and checks the warning (file:line:col, text, subtype), which cards
are left, and that the other page still builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from helpers import TESTS, copy_root, parse_html

ROOT = TESTS / "roots" / "test-data-errors"
BASE = (ROOT / "awards.yaml").read_text(encoding="utf-8")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Built:
    warnings: list[str]
    page: BeautifulSoup
    other_page_built: bool

    @property
    def card_ids(self) -> list[str]:
        return [card["id"] for card in self.page.select("article.award-card")]

    def warning(self, location: str, text: str, subtype: str) -> str:
        """The one warning at ``location`` (file:line[:col]); checks its text and subtype."""
        found = [w for w in self.warnings if f"{location}: WARNING: " in w]
        assert len(found) == 1, f"expected one warning at {location}, got:\n" + "\n".join(self.warnings)
        assert text in found[0]
        assert found[0].endswith(f"[awards.{subtype}]")
        return found[0]


@pytest.fixture
def build(make_app, tmp_path):
    def run(data: str | bytes | None, *, conf: dict | None = None, page: str | None = None) -> Built:
        srcdir = tmp_path / "src"
        copy_root("data-errors", srcdir)  # a copy: the test edits its sources
        if page is not None:
            (srcdir / "index.rst").write_text(page, encoding="utf-8")
        if isinstance(data, str):
            (srcdir / "awards.yaml").write_text(data, encoding="utf-8")
        elif isinstance(data, bytes):
            (srcdir / "awards.yaml").write_bytes(data)
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build", confoverrides=conf or {})
        app.build()
        warnings = [line for line in ANSI.sub("", app.warning.getvalue()).splitlines() if line]
        return Built(
            [w.replace(str(srcdir) + "/", "") for w in warnings],
            parse_html(app.outdir / "index.html"),
            (app.outdir / "other.html").is_file(),
        )

    return run


def mutate(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_base_file_is_valid(build):
    built = build(None)
    assert built.warnings == []
    assert built.card_ids == ["first", "second"]


# -- the file as a whole -------------------------------------------------------


def test_yaml_syntax_error_renders_nothing(build):
    data = mutate("    summary: First summary.", "    summary: [First summary.")
    built = build(data)
    line = line_of(data, "theme: alpha") + 2
    built.warning(f"awards.yaml:{line}:9", "YAML syntax error", "yaml")
    assert len(built.warnings) == 1
    assert built.card_ids == []
    assert built.page.select(".awards-summary, .awards-legend") == []
    assert built.other_page_built


def test_missing_file_points_at_the_directive(build):
    built = build(None, conf={"awards_data": "missing.yaml"})
    # Once, at the first directive that reads it, though three do.
    found = built.warning("index.rst:4", "cannot read the data file: there is no such file", "file")
    assert "'sphinx-awards init FILE' writes a starter file" in found and "awards_data in conf.py" in found
    assert len(built.warnings) == 1
    assert "missing.yaml" in built.warnings[0]
    assert built.card_ids == []
    assert built.other_page_built


def test_directory_instead_of_file(build):
    built = build(None, conf={"awards_data": "."})
    built.warning("index.rst:4", "it is a directory, not a file", "file")
    assert built.card_ids == []
    assert built.other_page_built


def test_empty_file(build):
    built = build("\n  \n")
    built.warning("awards.yaml:1:1", "the file is empty", "schema")
    assert len(built.warnings) == 1
    assert built.other_page_built


def test_not_utf8_points_at_the_byte(build):
    data = mutate("title: First Paper", "title: First Café").encode("utf-8").replace(b"\xc3\xa9", b"\xe9")
    built = build(data)
    line = line_of(BASE, "title: First Paper")
    built.warning(f"awards.yaml:{line}:21", "not UTF-8 (byte 0xe9", "encoding")
    assert built.card_ids == []


def test_utf8_bom_is_accepted(build):
    built = build(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert built.warnings == []
    assert built.card_ids == ["first", "second"]


def test_top_level_must_be_a_mapping(build):
    built = build("- just\n- a list\n")
    built.warning("awards.yaml:1:1", "the top level must be a mapping", "schema")


def test_missing_top_level_key_makes_the_file_unusable(build):
    built = build(mutate("tracks:\n  - {id: main, name: Main}\n", ""))
    built.warning("awards.yaml:1:1", "the required key 'tracks' is missing", "schema")
    assert built.card_ids == []


# -- one award -----------------------------------------------------------------


def test_missing_required_field_leaves_the_card_out(build):
    data = mutate("    title: First Paper\n", "")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, '- id: first')}:5",
        "award 'first': the required key 'title' is missing; add 'title: ...' (this award is left out)",
        "schema",
    )
    assert built.card_ids == ["second"]


def test_number_for_a_title(build):
    data = mutate("title: First Paper", "title: 123")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, 'title: 123')}:12",
        "award 'first', title must be text, not a number (123)",
        "schema",
    )
    assert built.card_ids == ["second"]


def test_string_for_a_list(build):
    data = mutate("authors: [Ada Lovelace]", "authors: Ada Lovelace, Charles Babbage")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, 'authors: Ada')}:14",
        "award 'first', authors must be a list, not text",
        "schema",
    )
    assert "one item per line" in built.warnings[0]
    assert built.card_ids == ["second"]


def test_empty_text(build):
    data = mutate("summary: Second summary.", 'summary: "  "')
    built = build(data)
    line = line_of(data, 'summary: "')
    built.warning(f"awards.yaml:{line}:14", "award 'second', summary is empty", "schema")
    assert built.card_ids == ["first"]


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "title: First Paper",
            r'title: "First \u202Etxt.exe"',
            "the invisible character U+202E (right-to-left override)",
        ),
        ("title: First Paper", r'title: "\u2066\u2069\u200b"', "the invisible character U+2066"),
        ("title: First Paper", r'title: "First\u00adPaper"', "the invisible character U+00AD (soft hyphen)"),
        ("authors: [Ada Lovelace]", r'authors: ["Ada\u200fLovelace"]', "U+200F (right-to-left mark)"),
        ("summary: First summary.", r'summary: "First \ufeffsummary."', "U+FEFF (zero width no-break space)"),
        ("title: First Paper", r'title: "First\u2028Paper"', "a line break, U+2028 (line separator)"),
    ],
    ids=["override", "only-isolates", "soft-hyphen", "mark-in-a-name", "bom-in-a-paragraph", "u2028"],
)
def test_bidi_and_invisible_characters_are_refused_where_they_hide(build, old, new, said):
    data = mutate(old, new)
    built = build(data)
    line = line_of(data, new)
    assert any(
        w.startswith(f"awards.yaml:{line}:") and said in w and w.endswith("[awards.text]")
        for w in built.warnings
    ), built.warnings
    assert built.card_ids == ["second"]


@pytest.mark.parametrize("count", [51, 100_000])
def test_too_many_tags_leave_the_card_out_in_one_short_message(build, count):
    data = mutate("tags: [🤖 Robots]", "tags: [" + ", ".join(["t"] * count) + "]")
    built = build(data)
    line = line_of(data, "tags: [t")
    built.warning(
        f"awards.yaml:{line}:11",
        f"award 'first', tags has {count:,} items, more than the 50 allowed",
        "schema",
    )
    assert all(len(w) < 400 for w in built.warnings)
    assert built.card_ids == ["second"]


def test_direction_marks_stay_in_paragraphs(build):
    """An Arabic summary may need its marks (U+200F, U+061C): paragraphs keep them."""
    built = build(mutate("summary: First summary.", r'summary: "ملخص\u200f (v2)\u061c."'))
    assert built.warnings == []
    assert built.card_ids == ["first", "second"]


def test_unknown_key_suggests_the_near_miss(build):
    data = mutate("    title: Second Paper", "    titel: Second Paper")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, 'titel:')}:5",
        "award 'second': unknown key 'titel'; did you mean 'title'?",
        "unknown-key",
    )
    assert built.card_ids == ["first"]  # and the missing title leaves it out


def test_unknown_key_alone_only_warns(build):
    data = mutate("    url: https://example.org/first", "    url: https://example.org/first\n    rating: x")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, 'rating:')}:5", "unknown key 'rating'; remove it", "unknown-key"
    )
    assert built.card_ids == ["first", "second"]


def test_duplicate_key_in_one_entry(build):
    data = mutate("    summary: First summary.", "    summary: First summary.\n    summary: Again.")
    built = build(data)
    first = line_of(data, "summary: First summary.")
    built.warning(
        f"awards.yaml:{first + 1}:5",
        f"the key 'summary' appears twice in this entry (first on line {first})",
        "duplicate-key",
    )


def test_duplicate_award_id(build):
    data = mutate("- id: second", "- id: first")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, 'title: Second Paper') - 1}:9",
        f"the id 'first' is already used on line {line_of(data, 'title: First Paper') - 1}",
        "duplicate-id",
    )
    assert built.card_ids == ["first"]


@pytest.mark.parametrize(
    ("key", "old", "new"),
    [
        ("theme", "theme: beta", "theme: gamma"),
        ("track", "track: main\n    theme: beta", "track: side\n    theme: beta"),
        (
            "level",
            "level: gold\n    track: main\n    theme: beta",
            "level: bronze\n    track: main\n    theme: beta",
        ),
    ],
)
def test_reference_to_an_undefined_id(build, key, old, new):
    data = mutate(old, new)
    built = build(data)
    wrong = new.split("\n")[0].split(": ")[1]
    built.warning(
        f"awards.yaml:{line_of(data, new.split(chr(10))[0])}:{len(key) + 7}",
        f"award 'second' refers to the {key} {wrong!r}, which is not defined",
        "reference",
    )
    assert built.card_ids == ["first"]


# -- values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "scheme, which is refused"),
        ("JavaScript:alert(1)", "scheme, which is refused"),
        ("java\\tscript:alert(1)", "holds spaces or control characters"),
        ("data:text/html,<b>x</b>", "scheme, which is refused"),
        ("vbscript:msgbox", "scheme, which is refused"),
        ("file:///etc/passwd", "scheme, which is refused"),
        ("//evil.example/x", "starts with '//', so it leads to another site"),
        ("/\\\\evil.example", "holds a backslash"),
        ("\\\\\\\\evil.example\\\\x", "holds a backslash"),
        ("https:evil.example", "names no host"),
        (
            "arxiv.org/abs/2402.15391",
            "has no https://, so it would be a page of this site; write https://arxiv",
        ),
        ("www.evil.example/x", "has no https://"),
    ],
)
def test_dangerous_url_in_the_main_link(build, url, reason):
    data = mutate("url: https://example.org/second", f'url: "{url}"')
    built = build(data)
    line = line_of(data, 'url: "' + url)
    built.warning(f"awards.yaml:{line}:10", reason, "url")
    assert built.card_ids == ["first"]
    assert not [a for a in built.page.find_all("a") if "script" in a.get("href", "").lower()]
    assert not [a for a in built.page.find_all("a") if "evil" in a.get("href", "")]


def test_dangerous_url_in_extra_links_and_meta(build):
    data = mutate('url: "https://arxiv.org/abs/1"', 'url: "javascript:alert(1)"')
    data = data.replace('url: "https://example.org/"', 'url: "data:text/html,x"')
    built = build(data)
    built.warning(f"awards.yaml:{line_of(data, 'data:text')}:29", "'data' scheme", "url")
    built.warning(f"awards.yaml:{line_of(data, 'javascript')}:29", "'javascript' scheme", "url")
    assert built.card_ids == ["first"]
    assert "Explore" not in built.page.select_one(".awards-meta").get_text()


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">'])
def test_html_in_text_stays_text(build, text):
    built = build(mutate("summary: First summary.", f"summary: '{text}'"))
    assert built.warnings == []
    summary = built.page.select_one("#first .award-summary")
    assert summary.get_text() == text
    assert built.page.find("script", string=re.compile("alert")) is None
    assert built.page.find("img", attrs={"onerror": True}) is None


@pytest.mark.parametrize(
    "color", ["reddish", "#12345", "red; background: url(x)", "rgb(1, 2)", "rgb(" + "9" * 30_000 + ")"]
)
def test_colour_that_is_not_css(build, color):
    data = mutate("color: teal", f'color: "{color}"')
    built = build(data)
    line = line_of(data, "id: beta")
    assert any(
        f"awards.yaml:{line}:" in w and "is not a CSS colour" in w and w.endswith("[awards.color]")
        for w in built.warnings
    )
    assert built.card_ids == ["first"]  # the second card's theme is gone, so is the card
    assert "reference" in " ".join(built.warnings)


@pytest.mark.parametrize("date", ["2030-13-01", "next tuesday", "2030-02-30"])
def test_date_that_is_not_a_date(build, date):
    data = mutate("date: 2030-01-02", f"date: {date}")
    built = build(data)
    built.warning(
        f"awards.yaml:{line_of(data, 'date:')}:11", "is not a date; write the date as YYYY-MM-DD", "date"
    )
    assert built.card_ids == ["first", "second"]
    assert "Announced" not in built.page.select_one(".awards-meta").get_text()


def test_mojibake_is_reported_with_the_likely_text(build):
    # As the seed page's copy has it: UTF-8 read back as Windows-874 (Thai).
    broken_title = "Why Diffusion Models Donโ€™t Memorize"
    data = mutate("title: First Paper", f'title: "{broken_title}"')
    built = build(data)
    warning = built.warning(
        f"awards.yaml:{line_of(data, 'Why Diffusion')}:12", "looks mis-decoded", "mojibake"
    )
    assert "was probably 'Why Diffusion Models Don’t Memorize" in warning
    assert built.card_ids == ["first", "second"]  # reported, not removed


def test_mojibake_of_emoji(build):
    data = mutate("tags: [📊 Tables]", "tags: [๐Ÿ“Š Tables]")
    built = build(data)
    warning = built.warning(f"awards.yaml:{line_of(data, 'tags: [๐')}:12", "looks mis-decoded", "mojibake")
    assert "'📊 Tables'" in warning


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{paper} papers", "unknown argument {paper}; this text may use {papers}, {themes}"),
        ("{papers, plural, one {# paper}}", "needs an 'other {...}' choice"),
        ("{papers, plural, one {# paper} other {# papers}", "is not closed"),
        ("{track_names, plural, other {x}}", "{track_names} is text, not a number"),
        ("{papers, ordinal}", "unknown type 'ordinal'"),
        ("{word[gold]} papers", "{word[gold]} is the old placeholder syntax; write {LEVEL, spellout}"),
    ],
)
def test_template_mistakes_are_located_and_shown_as_written(build, template, words):
    data = mutate('lede: "{papers} papers"', f'lede: "{template}"')
    built = build(data)
    built.warning(f"awards.yaml:{line_of(data, 'lede:')}:9", words, "template")
    assert built.page.select_one(".awards-summary__lede").get_text() == template


# -- hostile YAML --------------------------------------------------------------


def test_python_object_tag_is_refused(build):
    data = mutate("title: First Paper", "title: !!python/object/apply:os.system ['echo hacked']")
    built = build(data)
    built.warning(f"awards.yaml:{line_of(data, 'python/object')}:12", "is not allowed", "tag")
    assert built.card_ids == []


def test_alias_bomb_ends_in_a_clear_error(build):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    built = build(BASE + "\n".join(lines) + "\n")
    assert any("alias bomb" in w and w.endswith("[awards.yaml]") for w in built.warnings)
    assert built.card_ids == []
    assert built.other_page_built


def test_ten_thousand_awards(build):
    award = BASE[BASE.index("  - id: second") :]
    many = "".join(award.replace("id: second", f"id: paper-{i}") for i in range(10_000))
    built = build(BASE[: BASE.index("  - id: first")] + many)
    assert built.warnings == []
    assert len(built.card_ids) == 10_000


def test_malformed_url_is_reported_not_raised(build):
    # Found by the property test: urlsplit raises on an unclosed IPv6 bracket.
    data = mutate("url: https://example.org/first", "url: https://[example.org/first")
    built = build(data)
    built.warning(f"awards.yaml:{line_of(data, 'https://[')}:10", "is not a valid address", "url")
    assert built.card_ids == ["second"]


@pytest.mark.parametrize("url", ["papers.html", "docs/index.html#x", "../report.pdf", "/abs/2402.15391"])
def test_relative_links_that_name_files_stay_allowed(build, url):
    built = build(mutate("url: https://example.org/second", f'url: "{url}"'))
    assert built.warnings == []
    assert built.page.select_one("#second .award-links a")["href"] == url


#: The first award's level (the base holds it once with these neighbours).
FIRST_LEVEL = "    level: gold\n    track: main\n    theme: alpha"


@pytest.mark.parametrize(
    ("old", "new", "needle", "column", "said"),
    [
        (FIRST_LEVEL, FIRST_LEVEL.replace("    level", "\tlevel"), "\tlevel: gold", 1,
         "a tab character; YAML indents with spaces only"),
        ("    title: First Paper", "  \t  title: First Paper", "\t  title", 3, "a tab character"),
        ("    title: First Paper", "   title: First Paper", "   title: First", 4,
         "indented 3 spaces, but the keys above it (line 19) are indented 4"),
        (FIRST_LEVEL, FIRST_LEVEL.replace("    level", "     level"), "     level: gold", 6,
         "indented 5 spaces, but the keys above it"),
        ("title: First Paper", "title: First Paper: A Study", "First Paper: A Study", 23,
         'put the value in double quotes: title: "First Paper: A Study"'),
        ("tags: [🤖 Robots]", "tags: [#1 Robots, Tables]", "#1 Robots", 12, "a '#' after a space"),
        ("title: First Paper", 'title: "First Paper', '"First Paper', 12, "is not closed on line"),
        ("  - id: first", "  -id: first", "-id: first", 3, "'-id' needs a space after the dash"),
    ],
    ids=["tab", "tab-in-indent", "indent-3", "indent-5", "colon", "hash-in-flow", "open-quote", "dash"],
)  # fmt: skip
def test_yaml_syntax_errors_are_explained_where_the_mistake_is(build, old, new, needle, column, said):
    data = mutate(old, new)
    built = build(data)
    line = line_of(data, needle)
    found = built.warning(f"awards.yaml:{line}:{column}", said, "yaml")
    assert "YAML syntax error" not in found  # our words, not PyYAML's
    assert built.card_ids == [] and built.other_page_built


def test_a_theme_left_out_is_named_as_such_by_cards_and_filters(build):
    """A bad colour leaves its theme out: the card using it and a filter
    naming it say so, and where, instead of calling the theme unknown."""
    data = mutate("color: teal", 'color: "#12345"')
    page = "Awards\n======\n\n.. awards::\n   :theme: beta alpha\n\n.. toctree::\n\n   other\n"
    built = build(data, page=page)
    theme_line = line_of(data, "id: beta")
    card = built.warning(f"awards.yaml:{line_of(data, 'theme: beta')}:12", "which is left out", "reference")
    assert f"for a mistake in its entry (line {theme_line}); fix that entry" in card
    option = built.warning("index.rst:4", f"beta (line {theme_line}) in :theme: is left out of", "option")
    assert "unknown" not in option
    assert built.card_ids == ["first"]


def test_an_award_level_names_the_levels_the_file_defines(build):
    built = build(
        mutate(
            "level: gold\n    track: main\n    theme: beta",
            "level: test_of_time\n    track: main\n    theme: beta",
        )
    )
    line = line_of(
        mutate(
            "level: gold\n    track: main\n    theme: beta",
            "level: test_of_time\n    track: main\n    theme: beta",
        ),
        "test_of_time",
    )
    found = built.warning(f"awards.yaml:{line}:12", "use one of the levels defined: gold", "schema")
    assert "gated-attention" not in found


def test_a_meta_entry_with_two_values_says_which_in_our_words(build):
    data = mutate("    date: 2030-01-02\n", "    date: 2030-01-02\n    text: Soon\n")
    built = build(data)
    found = built.warning(
        f"awards.yaml:{line_of(data, 'label: Announced')}:5",
        "meta strip entry #1 has 'text' and 'date'; give it exactly one of 'text', 'date', 'link'",
        "schema",
    )
    assert "is valid under each of" not in found


def test_links_to_cards_of_a_broken_file_add_no_warning_of_their_own(build):
    """One YAML mistake is one warning, not one more per ``:award:`` link."""
    page = (
        "Awards\n======\n\nSee :award:`first`, :award:`second` and :award:`third`.\n\n"
        ".. awards::\n\n.. toctree::\n\n   other\n"
    )
    built = build(mutate("    summary: First summary.", "    summary: [First summary."), page=page)
    assert len(built.warnings) == 1 and built.warnings[0].endswith("[awards.yaml]"), built.warnings
    assert built.page.select_one("div.body p").get_text() == "See first, second and third."


@pytest.mark.parametrize(
    "url",
    [
        "https://münchen.example/",  # Latin with an umlaut
        "https://日本語.jp/",
        "https://例え.テスト/",  # Han and Katakana: Japanese mixes them
        "https://한국.example/",
        "https://пример.рф/",  # Cyrillic alone
        "https://xn--mnchen-3ya.example/",  # münchen, as Punycode
        "https://ｅｘａｍｐｌｅ.com/",  # fullwidth Latin: browsers map it to example.com
    ],
)
def test_hosts_in_one_script_or_a_mix_that_languages_use_pass(url):
    from sphinx_awards.data.addresses import url_problem

    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("level", "column", "words", "subtype"),
    [
        # A level's count takes its own {n} and {gender}, not the page's counts.
        (
            'count: "{papers} gold"',
            12,
            "unknown argument {papers}; this text may use {n}, {gender}",
            "template",
        ),
        ('count: "{n, plural, one {# gold}}"', 12, "other", "template"),
        ("gender: [feminine]", 13, "cannot be ['feminine']; write a lowercase word", "schema"),
        ("gender: {Ukrainian: feminine}", 13, "mapping from language codes (uk, pt_BR)", "schema"),
        ('subtitle: "{gender, select, feminine {Una} other {{n}}}"', None, None, None),
    ],
)
def test_a_levels_count_and_gender_are_checked(build, level, column, words, subtype):
    data = mutate(
        "  - {id: gold, name: Gold, section_title: Gold Papers}",
        f"  - id: gold\n    name: Gold\n    section_title: Gold Papers\n    {level}",
    )
    built = build(data)
    if words is None:  # a subtitle may select on the level's gender
        assert built.warnings == []
        assert built.page.select_one(".awards-group__subtitle").get_text() == "2"
        return
    key = level.partition(":")[0]
    built.warning(f"awards.yaml:{line_of(data, key + ':')}:{column}", words, subtype)
    # A template mistake shows the text as written; a level that breaks the
    # schema is left out, and its awards with it (each said).
    assert built.card_ids == (["first", "second"] if subtype == "template" else [])

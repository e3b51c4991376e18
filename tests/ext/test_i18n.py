"""Other languages: the extension's own words and dates follow ``language``, and
the data's texts go through the gettext workflow like any page's text."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import copy_root, parse_html, strip_colors, visible_text

from sphinx_awards.package import LOCALE_DIR


@pytest.fixture
def i18n_root(tmp_path) -> Path:
    """A copy: building a translated site compiles .po files into .mo beside them."""
    srcdir = tmp_path / "src"
    copy_root("i18n", srcdir)
    return srcdir


def _build(make_app, srcdir: Path, builddir: Path, builder: str = "html", **overrides):
    app = make_app(builder, srcdir=srcdir, builddir=builddir, confoverrides=overrides)
    app.build()
    assert app.warning.getvalue() == ""
    outdir = app.outdir
    app.cleanup()
    return outdir


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "date": "January 2, 2030",
                "view": "View paper",
                "et_al": "Ada Lovelace et al.",
                "permalink": "Link to this card",
                "legend": "Theme Legend",
                "status": "{shown} of 2 cards shown",
            },
        ),
        (
            "de",
            {
                "date": "2. Januar 2030",
                "view": "Zum Paper",
                "et_al": "Ada Lovelace u. a.",
                "permalink": "Link zu dieser Karte",
                "legend": "Legende der Themen",
                "status": "{shown} von 2 Karten angezeigt",
            },
        ),
        (
            "ja",
            {
                "date": "2030年1月2日",
                "view": "論文を読む",
                "et_al": "Ada Lovelace ほか",
                "permalink": "このカードへのリンク",
                "legend": "テーマの凡例",
                "status": "2 件中 {shown} 件のカードを表示",
            },
        ),
    ],
)
def test_the_extensions_words_and_dates_follow_the_language(
    make_app, i18n_root, tmp_path, language, expected
):
    shutil.rmtree(i18n_root / "locale")  # the extension's own catalog only
    page = parse_html(_build(make_app, i18n_root, tmp_path / "build", language=language) / "index.html")
    card = page.select_one("article#first")
    assert page.select_one(".awards-meta time").get_text() == expected["date"]
    assert page.select_one(".awards-meta time")["datetime"] == "2030-01-02"
    assert card.select_one(".award-links a").get_text(strip=True).rstrip(" ↗\ufe0e") == expected["view"]
    assert card.select_one(".award-authors summary").get_text().endswith(expected["et_al"])
    assert card.select_one(".headerlink")["title"] == expected["permalink"]
    assert page.select_one(".awards-legend__title").get_text() == expected["legend"]
    script = page.find("script", src=lambda src: src and "awards.js" in src)
    assert script["data-status"] == expected["status"]


def test_gettext_puts_the_data_texts_into_the_pages_catalog(make_app, i18n_root, tmp_path):
    outdir = _build(make_app, i18n_root, tmp_path / "gettext", builder="gettext")
    with (outdir / "index.pot").open("rb") as pot:
        catalog = read_po(pot)
    ids = {message.id for message in catalog if message.id}
    assert {
        "Translated Awards",
        "{papers, plural, one {# paper} other {# papers}} this year.",
        "The First Paper",
        "A summary in English.",
        "A description in English.",
        "Robots",
        "Gold Papers",
        "{n, plural, one {One gold paper} other {{n, spellout, capital} gold papers}}",
        "Alpha Theme",
    } <= ids
    assert "Ada Lovelace" not in ids  # names are not translated
    assert "https://example.org/first" not in ids
    # Each text at its line of the data file, where a translator looks it up.
    source_lines = (i18n_root / "awards.yaml").read_text(encoding="utf-8").splitlines()
    for message in catalog:
        if message.id in ids - {"Gold", "Total", "Main"} and message.id in (
            "The First Paper",
            "A summary in English.",
            "Robots",
            "Gold Papers",
        ):
            [(path, line)] = message.locations
            assert path.endswith("awards.yaml")
            assert message.id in source_lines[line - 1]
    # A template says it is one, and which arguments to keep; plain text does not.
    lede = next(message for message in catalog if message.id.startswith("{papers, plural"))
    notes = " ".join(lede.auto_comments)
    assert "ICU MessageFormat" in notes and "Keep {papers} as written" in notes
    assert not next(message for message in catalog if message.id == "The First Paper").auto_comments
    subtitle = next(message for message in catalog if message.id.startswith("{n, plural"))
    assert "Keep {n} as written" in " ".join(subtitle.auto_comments)


def test_the_catalogs_notes_survive_a_second_gettext_build(make_app, i18n_root, tmp_path):
    """Sphinx rewrites a catalog whose text changed; the notes are written once, not twice."""
    first = _build(make_app, i18n_root, tmp_path / "gettext", builder="gettext") / "index.pot"
    notes = first.read_text(encoding="utf-8").count("#. An ICU MessageFormat template")
    (i18n_root / "index.rst").write_text(
        (i18n_root / "index.rst").read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8"
    )
    outdir = _build(make_app, i18n_root, tmp_path / "gettext", builder="gettext")
    text = (outdir / "index.pot").read_text(encoding="utf-8")
    assert text.count("#. An ICU MessageFormat template") == notes >= 2  # the lede and the subtitle at least
    assert "One more paragraph." in text


def test_a_translated_po_changes_the_cards_in_the_translated_build(make_app, i18n_root, tmp_path):
    page = parse_html(_build(make_app, i18n_root, tmp_path / "de", language="de") / "index.html")
    first, second = page.select_one("article#first"), page.select_one("article#second")
    assert first.select_one("h3").get_text(strip=True).rstrip("¶") == "Das erste Paper"
    assert first.select_one(".award-summary").get_text() == "Eine Zusammenfassung auf Deutsch."
    assert first.select_one(".award-description").get_text() == "A description in English."  # not translated
    assert second.select_one("h3").get_text(strip=True).rstrip("¶") == "Das zweite Paper"
    assert page.select_one(".awards-group__title").get_text() == "Goldene Paper"
    assert visible_text(page.select_one(".awards-group__subtitle")) == "Zwei goldene Paper"
    assert visible_text(page.select_one(".awards-summary__lede")) == "2 Paper in diesem Jahr."
    english = parse_html(_build(make_app, i18n_root, tmp_path / "en") / "index.html")
    assert english.select_one("article#first h3").get_text(strip=True).rstrip("¶") == "The First Paper"


def _messages(path: Path) -> dict:
    """A catalog as {id: translation}, plural ids and forms as tuples."""
    from babel.messages.mofile import read_mo

    with path.open("rb") as file:
        catalog = read_mo(file) if path.suffix == ".mo" else read_po(file)

    def plain(value):
        return value if isinstance(value, str) else tuple(value)

    return {plain(message.id): plain(message.string) for message in catalog if message.id}


def test_the_template_catalog_is_what_the_code_asks_for():
    """The .pot is extracted from the code (``make catalogs``), never kept by hand."""
    from babel.messages.extract import extract_from_dir

    package = LOCALE_DIR.parent
    keywords = {"_": None, "ngettext": (1, 2)}
    extracted = extract_from_dir(package, method_map=[("**.py", "python")], keywords=keywords)
    in_code = {message if isinstance(message, str) else tuple(message) for _, _, message, _, _ in extracted}
    assert set(_messages(LOCALE_DIR / "sphinx_awards.pot")) == in_code, "run make catalogs"


@pytest.mark.parametrize("language", ["de", "ja"])
def test_the_shipped_catalogs_are_complete_and_compiled(language):
    template = _messages(LOCALE_DIR / "sphinx_awards.pot")
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    translated = _messages(folder / "sphinx_awards.po")
    assert translated.keys() == template.keys()
    assert all(all(forms) if isinstance(forms, tuple) else forms for forms in translated.values())
    assert _messages(folder / "sphinx_awards.mo") == translated  # `make catalogs` after editing a .po


def _build_with_warnings(make_app, srcdir: Path, builddir: Path, **overrides) -> tuple[Path, str]:
    app = make_app("html", srcdir=srcdir, builddir=builddir, confoverrides=overrides)
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    outdir = app.outdir
    app.cleanup()
    return outdir, warnings


@pytest.mark.parametrize("language", ["ru", "lt", "pl", "ar", "ja", "zh_CN", "cy", "ga", "fr", "he"])
def test_english_templates_read_english_on_a_site_in_another_language(
    make_app, i18n_root, tmp_path, language
):
    """No catalog for these languages here (ru's is moved away): the data's
    English templates keep English plural rules and number words."""
    shutil.rmtree(i18n_root / "locale" / "ru")
    outdir, warnings = _build_with_warnings(make_app, i18n_root, tmp_path / language, language=language)
    # Docutils has no Welsh or Irish: it says so for every site in them.
    assert [line for line in warnings.splitlines() if "[docutils]" not in line] == []
    page = parse_html(outdir / "index.html")
    assert visible_text(page.select_one(".awards-summary__lede")) == "2 papers this year."
    assert visible_text(page.select_one(".awards-group__subtitle")) == "Two gold papers"


def test_the_data_file_can_declare_its_language(make_app, i18n_root, tmp_path):
    """A data file written in German: its untranslated templates are filled in
    with German number words, on an English site too."""
    data = (i18n_root / "awards.yaml").read_text(encoding="utf-8")
    data = data.replace("{n, spellout, capital} gold papers", "{n, spellout, capital} goldene Paper")
    (i18n_root / "awards.yaml").write_text("language: de\n" + data, encoding="utf-8")
    page = parse_html(_build(make_app, i18n_root, tmp_path / "en") / "index.html")
    assert visible_text(page.select_one(".awards-group__subtitle")) == "Zwei goldene Paper"


def test_a_translated_template_uses_the_target_languages_plural_rules(make_app, i18n_root, tmp_path):
    outdir, _ = _build_with_warnings(make_app, i18n_root, tmp_path / "ru", language="ru")
    page = parse_html(outdir / "index.html")
    # Two is "few" in Russian ("other" in English would print "2 статей").
    assert visible_text(page.select_one(".awards-summary__lede")) == "2 статьи в этом году."


def test_a_broken_translation_warns_where_and_shows_the_source(make_app, i18n_root, tmp_path):
    outdir, warnings = _build_with_warnings(make_app, i18n_root, tmp_path / "ru", language="ru")
    page = parse_html(outdir / "index.html")
    refused = [line for line in warnings.splitlines() if "[awards.translation]" in line]
    # An unknown argument, a line break in a title (a man page's .so), a
    # control character; each once, at the first directive of the page.
    assert len(refused) == 3, warnings
    assert any("{nombre}" in line for line in refused), warnings
    assert any("'The First Paper'" in line and "line break" in line for line in refused), warnings
    assert any("'Gold Papers'" in line and "control character" in line for line in refused), warnings
    # Each at its msgid in the .po file, where the translator fixes it.
    po = i18n_root / "locale" / "ru" / "LC_MESSAGES" / "index.po"
    assert sorted(line.split(": WARNING")[0] for line in refused) == [f"{po}:{n}" for n in (14, 17, 20)]
    assert all("in this catalog is refused" in line for line in refused)
    # The source text instead, filled in with English rules.
    assert visible_text(page.select_one(".awards-group__subtitle")) == "Two gold papers"
    assert page.select_one(".awards-group__title").get_text() == "Gold Papers"
    assert page.select_one("article#first h3").get_text() == "The First Paper"
    assert ".so" not in page.get_text()


def test_the_datas_labels_give_way_to_the_extensions_words_in_the_sites_language(
    make_app, i18n_root, tmp_path
):
    """The data's English labels do not hide the shipped German words; where
    the extension has no words for the site's language, the labels show."""
    data = (i18n_root / "awards.yaml").read_text(encoding="utf-8")
    labels = "labels:\n  legend_title: Theme Legend\n  view_paper: Read it\n"
    (i18n_root / "awards.yaml").write_text(data + labels, encoding="utf-8")
    german = parse_html(_build(make_app, i18n_root, tmp_path / "de", language="de") / "index.html")
    assert german.select_one(".awards-legend__title").get_text() == "Legende der Themen"
    assert german.select_one(".award-links a").get_text(strip=True).startswith("Zum Paper")
    shutil.rmtree(i18n_root / "locale" / "ru")
    french = parse_html(_build(make_app, i18n_root, tmp_path / "fr", language="fr") / "index.html")
    assert french.select_one(".awards-legend__title").get_text() == "Theme Legend"
    assert french.select_one(".award-links a").get_text(strip=True).startswith("Read it")
    english = parse_html(_build(make_app, i18n_root, tmp_path / "en") / "index.html")
    assert english.select_one(".award-links a").get_text(strip=True).startswith("Read it")


@pytest.mark.parametrize("builder", ["man", "epub", "texinfo", "latex", "text"])
def test_a_broken_translation_reaches_no_builder(make_app, i18n_root, tmp_path, builder):
    """The translated title "...\\n.so /etc/passwd" and a control character:
    refused for every builder, which shows the source text instead (a man page
    that groff reads without including a file, well-formed EPUB XML, Texinfo
    and LaTeX without control characters)."""
    app = make_app(builder, srcdir=i18n_root, builddir=tmp_path / builder, confoverrides={"language": "ru"})
    app.build()
    refused = [
        line for line in strip_colors(app.warning.getvalue()).splitlines() if "[awards.translation]" in line
    ]
    assert len(refused) == 3, refused
    written = "".join(
        path.read_text(encoding="utf-8")
        for path in app.outdir.rglob("*")
        if path.suffix in (".1", ".xhtml", ".texi", ".tex", ".txt")
    )
    assert written
    assert ".so /etc/passwd" not in written and "/etc/passwd" not in written
    assert "The First Paper" in written
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", written)
    if builder == "epub":
        from xml.etree import ElementTree

        for path in app.outdir.rglob("*.xhtml"):
            ElementTree.fromstring(path.read_bytes())
    app.cleanup()


def _translate(i18n_root: Path, pairs: dict[str, str]) -> None:
    """Russian translations for the i18n root, in place of its own."""
    po = i18n_root / "locale" / "ru" / "LC_MESSAGES" / "index.po"
    header = po.read_text(encoding="utf-8").split("\n\n")[0]
    entries = "".join(
        f"\nmsgid {json.dumps(k, ensure_ascii=False)}\nmsgstr {json.dumps(v, ensure_ascii=False)}\n"
        for k, v in pairs.items()
    )
    po.write_text(header + "\n" + entries, encoding="utf-8")


def test_a_translation_is_text_never_rest(make_app, i18n_root, tmp_path):
    """A translation holding reST syntax (an asterisk, a directive) is shown as
    written, with no warning: Sphinx's own translation of pages never parses it."""
    _translate(
        i18n_root,
        {
            "A summary in English.": "Сводка *важно и .. include:: /etc/passwd",
            "The Second Paper": "Вторая статья `x`_",
        },
    )
    outdir, warnings = _build_with_warnings(make_app, i18n_root, tmp_path / "ru", language="ru")
    assert warnings == ""
    page = parse_html(outdir / "index.html")
    assert (
        page.select_one("article#first .award-summary").get_text()
        == "Сводка *важно и .. include:: /etc/passwd"
    )
    assert page.select_one("article#second h3").get_text() == "Вторая статья `x`_"


@pytest.mark.parametrize(
    ("translation", "said"),
    [
        ("{papers} статей в этом году.", None),
        ("{papers, plural, one {# статья} other {# статей}} в этом году.", "has no branch for few, many"),
        # another argument the text may use, in place of its own
        ("{gold, plural, one {# статья} few {# статьи} many {# статей} other {# статьи}}", "uses {gold}"),
        ("Статьи в этом году.", "leaves out {papers}"),
    ],
)
def test_a_translation_says_what_its_source_says(make_app, i18n_root, tmp_path, translation, said):
    """The same arguments as the source, none foreign, and a branch for each
    of Russian's plural categories; else refused at its line of the .po file."""
    source = "{papers, plural, one {# paper} other {# papers}} this year."
    _translate(i18n_root, {source: translation})
    outdir, warnings = _build_with_warnings(make_app, i18n_root, tmp_path / "ru", language="ru")
    refused = [line for line in warnings.splitlines() if "[awards.translation]" in line]
    lede = visible_text(parse_html(outdir / "index.html").select_one(".awards-summary__lede"))
    if said is None:
        assert refused == [] and lede == "2 статей в этом году."
        return
    po = i18n_root / "locale" / "ru" / "LC_MESSAGES" / "index.po"
    assert len(refused) == 1 and refused[0].startswith(f"{po}:") and said in refused[0], refused
    assert lede == "2 papers this year."  # the source, filled in with English rules


def test_data_text_in_another_language_than_the_page_is_marked_lang(make_app, i18n_root, tmp_path):
    """A screen reader reads the English data on a German page with an English
    voice: each untranslated text is ``lang="en"``; a translated one, and
    every text of an English page, carries none."""
    german = parse_html(_build(make_app, i18n_root, tmp_path / "de", language="de") / "index.html")
    assert german.select_one("article#second h3").get("lang") is None  # translated
    assert german.select_one("article#first .award-summary").get("lang") is None  # translated
    assert german.select_one("article#second .award-summary")["lang"] == "en"
    assert german.select_one("article#second .award-description")["lang"] == "en"
    assert [li.get("lang") for li in german.select("article#second .award-tags li")] == ["en"]
    assert german.select_one("article#second .award-links a").get("lang") is None  # our "Zum Paper"
    # The summary, the legend and the sections, the same way.
    assert german.select_one(".awards-summary__title")["lang"] == "en"  # "Translated Awards", untranslated
    assert german.select_one(".awards-summary__lede").get("lang") is None  # translated
    assert german.select_one(".awards-meta__label")["lang"] == "en"  # "Announced"
    assert german.select_one(".awards-meta time").get("lang") is None  # a date in the page's language
    assert [p.get("lang") for p in german.select(".awards-stat__label, .awards-stat__value")] == ["en", "en"]
    assert german.select_one(".awards-legend__title").get("lang") is None  # our "Legende der Themen"
    assert german.select_one(".awards-legend__name [lang]")["lang"] == "en"  # "Alpha Theme"
    assert german.select_one(".awards-group__title").get("lang") is None  # "Goldene Paper"
    assert german.select_one(".awards-group__subtitle").get("lang") is None
    assert "language-en" not in str(german)  # docutils' class became the attribute
    english = parse_html(_build(make_app, i18n_root, tmp_path / "en") / "index.html")
    assert english.select("article [lang], .awards-summary [lang], .awards-legend [lang]") == []
    assert english.select_one(".awards-group [lang]") is None


def test_the_extensions_own_english_words_are_marked_where_it_has_none_of_the_pages_language(
    make_app, i18n_root, tmp_path
):
    """On a Ukrainian page (the extension ships German and Japanese, not
    Ukrainian) "View paper", "Cite" and "Theme Legend" are English: marked so,
    and the script's announcements too; on a German page they are German."""
    ukrainian = parse_html(_build(make_app, i18n_root, tmp_path / "uk", language="uk") / "index.html")
    assert ukrainian.select_one("article#first .award-links a")["lang"] == "en"
    assert ukrainian.select_one(".awards-legend__title")["lang"] == "en"
    assert ukrainian.select_one(".awards-legend__subtitle")["lang"] == "en"
    script = ukrainian.find("script", src=lambda src: src and "awards.js" in src)
    assert script["data-lang"] == "en"
    german = parse_html(_build(make_app, i18n_root, tmp_path / "de", language="de") / "index.html")
    assert german.select_one("article#first .award-links a").get("lang") is None
    assert german.select_one(".awards-legend__title").get("lang") is None
    assert "data-lang" not in german.find("script", src=lambda src: src and "awards.js" in src).attrs

"""Every builder Sphinx ships writes the cards' text, without a warning."""

from __future__ import annotations

import json

import pytest
from helpers import strip_colors

# Where each builder writes the front page, and the text every builder must keep.
OUTPUTS = {
    "html": "index.html",
    "dirhtml": "index.html",
    "singlehtml": "index.html",
    "epub": "index.xhtml",
    "latex": "python.tex",
    "text": "index.txt",
    "man": "python.1",
    "texinfo": "python.texi",
    "xml": "index.xml",
}
TEXT_EVERY_BUILDER_KEEPS = [
    "Test Awards 2030",
    "Gold Papers",
    "Hivemindful Things",
    "A summary with",
    "Robots",
    "The first description.",
    "Ada Lovelace, Charles Babbage, Mary Somerville",
    "Alpha Theme",
]


@pytest.mark.parametrize("builder", sorted(OUTPUTS))
def test_builder_writes_the_cards(make_app, rootdir, tmp_path, builder):
    app = make_app(builder, srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    assert app.warning.getvalue() == ""
    output = (app.outdir / OUTPUTS[builder]).read_text(encoding="utf-8")
    if builder == "man":
        output = output.replace("\\-", "-").replace("\\(aq", "'")
    for text in TEXT_EVERY_BUILDER_KEEPS:
        assert text in " ".join(output.split()), f"{builder} lost {text!r}"


def test_singlehtml_keeps_ids_unique_when_a_card_shows_twice(make_app, rootdir, tmp_path):
    """The embed root shows the same cards on two pages; singlehtml joins them."""
    from collections import Counter

    from helpers import parse_html

    app = make_app("singlehtml", srcdir=rootdir / "test-embed", builddir=tmp_path)
    app.build()
    assert app.warning.getvalue() == ""
    page = parse_html(app.outdir / "index.html")
    ids = Counter(element["id"] for element in page.select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == []
    assert "second-paper" in ids and "second-paper--2" in ids
    labels = [ref for a in page.select("a[aria-labelledby]") for ref in a["aria-labelledby"].split()]
    assert all(ref in ids for ref in labels)  # every link's name points at an existing element


def test_epub_carries_no_script_and_opens_the_author_list(make_app, rootdir, tmp_path):
    from helpers import parse_html

    app = make_app("epub", srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    page = parse_html(app.outdir / "index.xhtml")
    assert page.find("script") is None
    assert not (app.outdir / "_static" / "awards.js").exists()
    assert page.select("article.award-card details") == []
    assert (
        page.select_one("#first-paper .award-authors").get_text()
        == "Ada Lovelace, Charles Babbage, Mary Somerville"
    )


def test_an_emoji_alone_gets_its_name_outside_html(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    assert "🦾 mechanical arm" in (app.outdir / "index.txt").read_text(encoding="utf-8")


def test_html_and_text_show_the_same_words_for_each_card(make_app, rootdir, tmp_path):
    """card_parts() is the one description both writers read."""
    import re

    from helpers import parse_html

    def words(text: str) -> list[str]:
        return re.findall(r"\w[\w'.:-]*", text)

    html_app = make_app("html", srcdir=rootdir / "test-i18n", builddir=tmp_path / "html")
    html_app.build()
    page = parse_html(html_app.outdir / "index.html")
    html_app.cleanup()
    text_app = make_app("text", srcdir=rootdir / "test-i18n", builddir=tmp_path / "text")
    text_app.build()
    text = (text_app.outdir / "index.txt").read_text(encoding="utf-8")
    cards = page.select("article.award-card")
    titles = [card.select_one("[id$='--title']").get_text() for card in cards]
    assert titles == ["The First Paper", "The Second Paper"]
    for card, title, following in zip(cards, titles, [*titles[1:], None], strict=True):
        for hidden in card.select("[aria-hidden], .headerlink, summary"):
            hidden.decompose()  # decoration, and the folded list's "First et al."
        card_text = text[text.index(title) : text.index(following) if following else len(text)]
        # Plain text has no links: each address follows its words.
        addresses = [f"<{a['href']}>" for a in card.select(".award-links a")]
        assert [f"<{url}>" for url in re.findall(r"<(\S+)>", card_text)] == addresses
        assert words(card.get_text(" ")) == words(re.sub(r" <\S+>", "", card_text))


@pytest.mark.sphinx("words", testroot="custom-builder")
def test_a_builder_sphinx_does_not_ship_gets_the_expanded_card(app):
    """A third-party builder (tests/roots/test-custom-builder/words_builder.py)
    sees a card as ordinary nodes: its words, and its links as references."""
    app.build()
    assert strip_colors(app.warning.getvalue()) == ""
    page = json.loads((app.outdir / "index.json").read_text(encoding="utf-8"))
    assert "award_card" not in page["nodes"]
    for words in ("A Paper That Is There", "Its links answer.", "Both links are dead.", "Grace Hopper"):
        assert words in page["text"]
    assert set(page["links"]) >= {
        "https://example.org/papers/alive",
        "https://example.org/code/alive",
        "https://example.org/papers/gone-404",
        "https://example.org/arxiv/gone-404",
    }


@pytest.mark.sphinx("html", testroot="basic")
def test_the_script_ships_without_its_comments_and_keeps_every_line_of_code(app):
    """Comment lines go (``//`` lines, ``/* */`` blocks); every other line is
    shipped as written, in order: a ``//`` inside code (an address, a
    trailing comment) is code's."""
    import re
    from pathlib import Path

    import sphinx_awards

    app.build()
    source = (Path(sphinx_awards.__file__).parent / "static" / "awards.js").read_text(encoding="utf-8")
    shipped = (app.outdir / "_static" / "awards.js").read_text(encoding="utf-8")
    without_blocks = re.sub(r"(?ms)^\s*/\*.*?\*/\s*?\n", "", source)
    code = [line for line in without_blocks.splitlines(keepends=True) if not line.strip().startswith("//")]
    assert shipped == "".join(code)
    assert "/*" not in shipped and not any(line.strip().startswith("//") for line in shipped.splitlines())
    assert len(shipped) < 0.85 * len(source)

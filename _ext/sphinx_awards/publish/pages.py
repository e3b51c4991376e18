"""A page per award, with the tags Google Scholar reads, and its citation files.

Google Scholar indexes one paper per page, from ``citation_*`` meta tags: a
page of seven cards is none of the seven papers' page. So the HTML builders
(``html``, ``dirhtml``) write ``awards/<id>.html`` for every award of every
data file the site shows, when ``awards_pages = True`` (off by default: a
site of thousands of awards pays for thousands of pages on every build): the
card with every author, a Cite menu, the
``citation_*`` tags, Open Graph and JSON-LD. They are generated pages
(``html-collect-pages``), HTML only: other builders make one document of a
site, where a page per paper is no unit anyone indexes. Beside each page,
``<id>.bib``, ``<id>.ris`` and ``<id>.csl.json`` are what the Cite menus link.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin

from sphinx.util import logging

from ..data.ids import PAGE_NAMES, award_page, cite_base, next_free
from ..data.names import is_et_al
from ..extension.datafiles import files_shown
from ..extension.domain import awards_domain
from ..render.nodes import writes_award_pages
from ..render.words import _
from .citations import bibtex_entry, paper_year, venue

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

    from ..data.model import Award, AwardsData
    from ..render.card import CardView, Part

logger = logging.getLogger(__name__)


def page_name(data: AwardsData, award: Award, env: BuildEnvironment) -> str:
    """``awards/gated-attention``, ``awards/neurips2024--var``; another where
    that file is a document's (``assign_page_names``)."""
    return awards_domain(env).page(award_page(data.anchor(award)), data.path)


def assign_page_names(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: no award page takes the file a document or another
    award's page writes (``awards/x.rst`` beside a card ``x``; a card ``index``
    beside ``awards.rst`` in dirhtml; two files without a namespace sharing
    an id): it gets the next free name (``awards/x--2``), with a warning at
    the award. Compared as the builder names the output files."""
    renamed: dict[tuple[str, str], str] = {}
    awards_domain(env).data[PAGE_NAMES] = renamed
    if not makes_pages(app):
        return []
    builder = cast("StandaloneHTMLBuilder", app.builder)  # html or dirhtml

    def outfile(name: str) -> str:
        return str(builder.get_outfilename(name))

    documents = {outfile(docname): docname for docname in env.all_docs}
    written: set[str] = set()

    def taken(anchor: str) -> bool:
        path = outfile(award_page(anchor))
        return path in documents or path in written

    for data in files_shown(app):
        for award in data.awards:
            anchor = data.anchor(award)
            name = award_page(anchor)
            if taken(anchor):
                path = outfile(name)
                writer = f"the document {documents[path]!r}" if path in documents else "another award's page"
                renamed[data.path, name] = award_page(_free_anchor(anchor, taken))
                _warn_renamed(data, award, writer, renamed[data.path, name])
            written.add(outfile(renamed.get((data.path, name), name)))
    return []


def _free_anchor(anchor: str, taken: Callable[[str], bool]) -> str:
    """``anchor--2``, or the first of ``--3``, ``--4``... that ``taken`` allows."""
    tried: set[str] = set()
    while taken(candidate := next_free(anchor, tried)):
        tried.add(candidate)
    return candidate


def _warn_renamed(data: AwardsData, award: Award, writer: str, page: str) -> None:
    logger.warning(
        f"the page of the award {award.id!r} would be the file {writer} writes; the award's page is "
        f"{page} instead: rename the award or the document",
        location=f"{data.path}:{award.line}",
        type="awards",
        subtype="page",
    )


def makes_pages(app: Sphinx) -> bool:
    return writes_award_pages(app.config, app.builder)


#: Invisible, and no break opportunity: between ``<`` and ``/`` it keeps a
#: title's ``</title>`` from being an end tag.
_WORD_JOINER = "\u2060"


def theme_title(text: str) -> str:
    """The page's ``title`` for the theme: HTML, by Sphinx's contract (themes
    write ``{{ title }}`` raw in their relation bars), so the text escaped.
    Some themes write ``{{ title|striptags }}`` in ``<title>``, which undoes
    the escaping: no ``</`` is left in the text, so ``</title><script>``
    stays text there too (the only markup ``<title>`` knows is its own end)."""
    return escape(text.replace("</", "<" + _WORD_JOINER + "/"))


def scholar_tags(data: AwardsData, award: Award, page_url: str = "", image: str = "") -> str:
    """Google Scholar's ``citation_*`` tags (title, authors in order, the
    paper's date and venue, DOI, arXiv id, PDF), Open Graph's (with the
    page's address and the site's image where known), and a description; no
    tag left empty."""
    tags: list[tuple[str, str, str]] = [("name", "citation_title", award.title)]
    tags += [("name", "citation_author", name) for name in award.authors if not is_et_al(name)]
    tags.append(("name", "citation_publication_date", _publication_date(data, award)))
    tags.append(("name", "citation_conference_title", venue(data, award)))
    tags.append(("name", "citation_doi", award.doi))
    tags.append(("name", "citation_arxiv_id", award.arxiv))
    # The full text: the data's PDF, else a link to a .pdf file.
    links = (award.url, *(link.url for link in award.links))
    pdf = award.link_of("pdf") or next((url for url in links if url.endswith(".pdf")), "")
    tags.append(("name", "citation_pdf_url", pdf))
    tags += [
        ("name", "description", award.summary),
        ("property", "og:title", award.title),
        ("property", "og:type", "article"),
        ("property", "og:description", award.summary),
        ("property", "og:url", page_url),
        ("property", "og:image", image),
    ]
    return "\n".join(
        f'<meta {kind}="{name}" content="{escape(value)}" />' for kind, name, value in tags if value
    )


def _publication_date(data: AwardsData, award: Award) -> str:
    """The paper's date or year (Scholar takes a year alone), else the event's date."""
    if award.date is not None:
        return award.date.strftime("%Y/%m/%d")
    if award.year is not None:
        return str(award.year)
    dated = data.first_date
    return dated.strftime("%Y/%m/%d") if dated is not None else ""


def _paper_record(data: AwardsData, award: Award) -> tuple[tuple[str, Part], ...]:
    """What an award's page says right under the authors: where and when the
    paper was published ("NIPS 2013"; the year apart where the venue does not
    name it), and the awards it is one of
    ("NeurIPS 2023 Paper Awards"), the year of both in view. Only what the
    data says of the paper: the event's year is not the paper's."""
    from ..render.card import Text  # what makes and writes cards: never loaded by a no-op build

    year = str(award.year or "")
    published = ", ".join(part for part in (award.venue, "" if year in award.venue else year) if part)
    record = [("award-venue", Text(published))] if published else []
    return (*record, ("award-event", Text(data.title)))


def _json_ld(view: CardView, data: AwardsData) -> str:
    from ..render.metadata import ld_script, scholarly_article

    award = view.award
    article = {"@context": "https://schema.org", **scholarly_article(view), "headline": award.title}
    article["isPartOf"] = {"@type": "CreativeWork", "name": venue(data, award)}
    year = paper_year(data, award)
    if award.date is not None:
        article["datePublished"] = award.date.isoformat()
    elif year is not None:
        article["datePublished"] = str(year)
    return ld_script(article)


def page_body(view: CardView, data: AwardsData, own_url: str) -> str:
    """An award page's content: its card, unfolded, with the paper's record
    under the authors and its Cite menu; the authors' abstract where the data
    has it; the BibTeX entry, shown to select and copy; its JSON-LD."""
    from ..render.card_html import card_html, cite_menu

    award = view.award
    card = card_html(
        view,
        "",
        fold_authors=False,
        cite=cite_menu(cite_base(own_url), view.own_lang),
        lead=_paper_record(data, award),
    )
    auto = ' dir="auto"' if view.isolate else ""
    heading = _("Abstract")  # not inside the f-string, where pybabel cannot see it
    abstract = (
        f'<h2>{escape(str(heading))}</h2>\n<p class="award-abstract"{auto}>{escape(award.abstract)}</p>\n'
        if award.abstract
        else ""
    )
    bibtex = (
        f'<h2 id="{view.anchor}--bibtex">BibTeX</h2>\n'
        # Wrapped (the stylesheet), so it never scrolls and needs no focus.
        f'<pre class="award-bibtex">'
        f"{escape(bibtex_entry(data, award))}</pre>\n"
    )
    return f'<section class="awards-page">\n{card}{abstract}{bibtex}{_json_ld(view, data)}</section>\n'


def _shared_addresses(app: Sphinx, name: str) -> tuple[str, str]:
    """The page's own address and the site's image, absolute, for Open Graph:
    from ``html_baseurl`` (which also gives the page its canonical link), else
    sphinxext-opengraph's ``ogp_site_url`` and ``ogp_image``; "" without a base."""
    config = app.config
    base = config.html_baseurl or str(getattr(config, "ogp_site_url", "") or "")
    if not base:
        return "", ""
    base = base.rstrip("/") + "/"
    image = str(getattr(config, "ogp_image", "") or "")
    if image and "://" not in image:
        image = urljoin(base, image)
    return urljoin(base, app.builder.get_target_uri(name)), image


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: one page per award."""
    if not makes_pages(app):
        return
    from ..render.card import CardView  # a no-op build never needs them
    from ..text.language import Language, TextLanguages

    site = Language(app.config.language or "en")
    makers: dict[str, Callable[[Award], CardView]] = {}
    for data, award, name in award_pages(app):
        if data.path not in makers:
            makers[data.path] = CardView.maker(data, 1, TextLanguages(site, Language(data.language)))
        view = makers[data.path](award)
        own_url = "./" if app.builder.name == "dirhtml" else Path(name).name + ".html"
        context = {
            "title": theme_title(f"{award.title} — {data.title}"),  # the award's own year shows
            "body": page_body(view, data, own_url),
            "metatags": scholar_tags(data, award, *_shared_addresses(app, name)),
            "awards_page": True,
        }
        yield name, context, "page.html"


#: The files beside each award's page, which its Cite menu links.
CITATION_SUFFIXES = (".bib", ".ris", ".csl.json")


def award_pages(app: Sphinx) -> Iterator[tuple[AwardsData, Award, str]]:
    """Every award page this build writes: its data file, its award, its name."""
    if not makes_pages(app):
        return
    for data in files_shown(app):
        for award in data.awards:
            yield data, award, page_name(data, award, app.env)


def citation_base(app: Sphinx, page: str) -> str:
    """Where a page's citation files are, without their suffix: beside
    ``awards/x.html``, or dirhtml's ``awards/x/index.html``."""
    return f"{page}/index" if app.builder.name == "dirhtml" else page


def write_citations(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: each award's citation files beside its page."""
    if exception is not None:
        return
    from .citations import bibtex_entry, csl_item, ris_record

    for data, award, page in award_pages(app):
        base = Path(app.outdir) / citation_base(app, page)
        base.parent.mkdir(parents=True, exist_ok=True)
        Path(f"{base}.bib").write_text(bibtex_entry(data, award), encoding="utf-8")
        Path(f"{base}.ris").write_text(ris_record(data, award), encoding="utf-8")
        csl = json.dumps([csl_item(data, award)], ensure_ascii=False, indent=1) + "\n"
        Path(f"{base}.csl.json").write_text(csl, encoding="utf-8")

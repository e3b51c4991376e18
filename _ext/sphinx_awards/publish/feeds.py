"""A sitemap and an Atom feed of the awards, for crawlers and feed readers.

Google Scholar finds article pages through a sitemap; a feed reader follows
a site's new awards. Both name pages by absolute addresses, so both are
written only where the site has one (``html_baseurl``): ``awards-sitemap.xml``
lists each award's page (its card's page where there are no award pages),
``awards.atom`` (RFC 4287) has an entry per award: its title, page, authors,
summary and level, dated by the event's first date (a file without a date
has no entries: Atom requires one). They are written with the exports
(``awards_exports``) and removed with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from ..data.names import is_et_al

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from ..data.model import Award, AwardsData

SITEMAP, FEED = "awards-sitemap.xml", "awards.atom"
_XML = '<?xml version="1.0" encoding="utf-8"?>\n'


def makes_feeds(app: Sphinx) -> bool:
    from .exports import makes_exports

    return bool(app.config.html_baseurl) and makes_exports(app)


def _addresses(app: Sphinx, base: str) -> Iterator[tuple[AwardsData, Award, str]]:
    """Each award shown, with the absolute address of its page (or card)."""
    from ..extension.datafiles import files_shown
    from ..extension.domain import awards_domain
    from .pages import award_pages

    pages = list(award_pages(app))
    if pages:
        yield from (
            (data, award, urljoin(base, app.builder.get_target_uri(page))) for data, award, page in pages
        )
        return
    domain = awards_domain(app.env)
    for data in files_shown(app):
        for award in data.awards:
            found = domain.location(data.reference_name(award))
            if found is not None:
                docname, card = found
                yield data, award, urljoin(base, app.builder.get_target_uri(docname)) + "#" + card.anchor


def _day(data: AwardsData) -> str:
    day = data.first_date
    return f"{day.isoformat()}T00:00:00Z" if day is not None else ""


def sitemap(entries: list[tuple[AwardsData, Award, str]]) -> str:
    """The sitemap protocol's ``urlset``: each page once, with its date."""
    seen: dict[str, str] = {}
    for data, _award, address in entries:
        seen.setdefault(address.partition("#")[0], _day(data)[:10])
    urls = "".join(
        f"<url><loc>{escape(address)}</loc>{f'<lastmod>{day}</lastmod>' if day else ''}</url>\n"
        for address, day in seen.items()
    )
    return f'{_XML}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'


def atom(entries: list[tuple[AwardsData, Award, str]], title: str, base: str, language: str) -> str:
    """The feed: an entry per dated award, the latest date as the feed's."""
    dated = [(data, award, address) for data, award, address in entries if _day(data)]
    updated = max((_day(data) for data, _award, _address in dated), default="1970-01-01T00:00:00Z")
    self_address = urljoin(base, FEED)
    head = (
        f'{_XML}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(language)}>\n'
        f"<title>{escape(title)}</title>\n<id>{escape(self_address)}</id>\n"
        f'<link rel="self" href={quoteattr(self_address)}/>\n<link href={quoteattr(base)}/>\n'
        f"<updated>{updated}</updated>\n<author><name>{escape(title)}</name></author>\n"
    )
    return head + "".join(_entry(data, award, address) for data, award, address in dated) + "</feed>\n"


def _entry(data: AwardsData, award: Award, address: str) -> str:
    authors = "".join(
        f"<author><name>{escape(name)}</name></author>" for name in award.authors if not is_et_al(name)
    )
    level = data.level(award.level).name
    return (
        f"<entry><title>{escape(award.title)}</title><id>{escape(address)}</id>"
        f"<link href={quoteattr(address)}/><updated>{_day(data)}</updated>{authors}"
        f"<summary>{escape(award.summary)}</summary><category term={quoteattr(level)}/></entry>\n"
    )


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """On ``build-finished``, beside the exports."""
    if exception is not None or not makes_feeds(app):
        return
    base = app.config.html_baseurl.rstrip("/") + "/"
    entries = list(_addresses(app, base))
    title = f"{app.config.project}: awards"
    outdir = Path(app.outdir)
    (outdir / SITEMAP).write_text(sitemap(entries), encoding="utf-8")
    language = (app.config.language or "en").replace("_", "-")
    (outdir / FEED).write_text(atom(entries, title, base, language), encoding="utf-8")


def feed_names(app: Sphinx) -> set[str]:
    """What ``write_feeds`` makes in this build (for the removal of stale outputs)."""
    return {SITEMAP, FEED} if makes_feeds(app) else set()

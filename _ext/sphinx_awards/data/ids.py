"""Every HTML id and page name the extension writes, from one scheme that
cannot collide.

Ids and namespaces in a data file are words of lowercase letters and digits
joined by single hyphens (the schema says so); the extension joins names with
two. So ``a--b-c`` (namespace ``a``, id ``b-c``), ``a-b--c`` (namespace
``a-b``, id ``c``) and ``a-b-c`` (no namespace) differ; a card's parts
(``x--title``, ``x--paper``, ``x--link-1``) are never another card's id; a card
shown again on a page is ``x--2`` (its title ``x--2--title``). Docutils'
own ids never hold two hyphens in a row either.
(``extension/anchors.py`` renames a card whose id a section of its page has.)
"""

from __future__ import annotations

from typing import Any

SEPARATOR = "--"


def joined(*names: str) -> str:
    """Names joined into one id; empty names (no namespace) are left out."""
    return SEPARATOR.join(name for name in names if name)


def award_page(anchor: str) -> str:
    """The page of an award (``pages.py``), by the card's first anchor."""
    return f"awards/{anchor}"


def reference_anchor(reference_name: str) -> str:
    """The card's first anchor from what ``:award:`` takes: ``ns:id`` is ``ns--id``."""
    return reference_name.replace(":", SEPARATOR)


def cite_base(page_url: str) -> str:
    """Where an award's citation files are, without their suffix: beside its
    page (``awards/x.html`` gives ``awards/x``; dirhtml's ``awards/x/`` gives ``awards/x/index``)."""
    if page_url.endswith("/"):
        return page_url + "index"
    return page_url.removesuffix(".html")


def next_free(anchor: str, taken: set[str]) -> str:
    """``anchor--2``, or the first of ``--3``, ``--4``... not yet taken."""
    number = 2
    while joined(anchor, str(number)) in taken:
        number += 1
    return joined(anchor, str(number))


#: Where the awards domain keeps the pages renamed (``publish/pages.py``):
#: (data file, page name) → the name given instead.
PAGE_NAMES = "page_names"


def renamed_page(domain_data: dict[str, Any], name: str, data_path: str) -> str:
    """The name of the page of an award of ``data_path``: ``name``
    (``award_page``), or the one it was given where a document or another
    award writes that file (recorded in the awards domain's data)."""
    names: dict[tuple[str, str], str] = domain_data.get(PAGE_NAMES, {})
    return names.get((data_path, name), name)

"""Cards as objects of the ``awards`` domain: the ``:award:`` role, ``objects.inv``
(so other sites link to cards through intersphinx), and exact incremental builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from ..data.ids import award_page, reference_anchor, renamed_page
from ..render.nodes import writes_award_pages
from ..text.quoting import listed

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

logger = logging.getLogger(__name__)


class CardLocation(NamedTuple):
    anchor: str
    title: str
    data_path: str


class AwardRole(XRefRole):
    """``:award:`id``` or ``:award:`text <id>```: a link to a card, titled by the paper.

    ``:award-page:`id``` links to the award's own page instead (``awards_pages``,
    HTML builders); where there is none (other builders, pages off) it links
    to the card, so one text serves every output.
    """

    def __init__(self, kind: str = "award") -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)
        self.kind = kind

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # Registered both as :awards:award: and as plain :award:; either way
        # the reference belongs to this domain.
        self.name = f"{AwardsDomain.name}:{self.kind}"
        return super().run()

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if is_ref:
            awards_domain(env).note_reference(env.docname, node["reftarget"])
        return [node], []


class AwardsDomain(Domain):
    """Where each card is shown, and which documents link to which card."""

    name = "awards"
    label = "Awards"
    object_types: ClassVar[dict[str, ObjType]] = {"award": ObjType("award", "award", "award-page")}
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "award": AwardRole(),
        "award-page": AwardRole("award-page"),
    }
    #: Besides the cards and references: what each page read of which data
    #: file, and the files' sizes and times (``datafiles.py``).
    initial_data: ClassVar[dict[str, Any]] = {
        "cards": {},
        "references": {},
        "files_read": {},
        "file_stats": {},
    }
    data_version = 1

    @property
    def cards(self) -> dict[str, dict[str, CardLocation]]:
        """Reference name → {docname: where the card is on that page}."""
        return self.data["cards"]

    @property
    def references(self) -> dict[str, set[str]]:
        """Docname → the reference names its ``:award:`` roles use."""
        return self.data["references"]

    def note_card(self, name: str, docname: str, location: CardLocation) -> CardLocation | None:
        """Record a card; returns the clashing card when another file uses the name."""
        shown = self.cards.setdefault(name, {})
        clash = next((other for other in shown.values() if other.data_path != location.data_path), None)
        shown[docname] = location
        return clash

    def move_anchor(self, docname: str, anchor: str, renamed: str) -> None:
        """The card at ``#anchor`` on the page is at ``#renamed`` now."""
        for shown in self.cards.values():
            location = shown.get(docname)
            if location is not None and location.anchor == anchor:
                shown[docname] = location._replace(anchor=renamed)

    def page(self, name: str, data_path: str) -> str:
        """The name of the page of an award of ``data_path`` (``ids.renamed_page``)."""
        return renamed_page(self.data, name, data_path)

    def note_reference(self, docname: str, name: str) -> None:
        self.references.setdefault(docname, set()).add(name)

    def location(self, name: str) -> tuple[str, CardLocation] | None:
        """The card's home: on several pages, the first page in name order."""
        shown = self.cards.get(name)
        if not shown:
            return None
        docname = min(shown)
        return docname, shown[docname]

    def by_anchor(self) -> dict[str, tuple[str, CardLocation]]:
        """Each card's anchor on its home page → the page and the card."""
        homes = (self.location(name) for name in self.cards)
        return {home[1].anchor: home for home in homes if home is not None}

    def clear_doc(self, docname: str) -> None:
        for name in list(self.cards):
            self.cards[name].pop(docname, None)
            if not self.cards[name]:
                del self.cards[name]
        self.references.pop(docname, None)
        self.data.setdefault("files_read", {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name, shown in otherdata["cards"].items():
            for docname, location in shown.items():
                if docname in docnames:
                    self.cards.setdefault(name, {})[docname] = location
        for docname, names in otherdata["references"].items():
            if docname in docnames:
                self.references.setdefault(docname, set()).update(names)
        files_read = self.data.setdefault("files_read", {})
        for docname, files in otherdata.get("files_read", {}).items():
            if docname in docnames:
                files_read[docname] = files
        self.data.setdefault("file_stats", {}).update(otherdata.get("file_stats", {}))

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        found = self.location(target)
        if found is None:
            return None
        docname, card = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(card.title, card.title, classes=contnode["classes"])
        if typ == "award-page" and writes_award_pages(env.config, builder):
            page = self.page(award_page(reference_anchor(target)), card.data_path)
            uri = builder.get_relative_uri(fromdocname, page)
            return nodes.reference("", "", contnode, internal=True, refuri=uri, reftitle=card.title)
        return make_refnode(builder, fromdocname, docname, card.anchor, contnode, card.title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        reference = self.resolve_xref(env, fromdocname, builder, "award", target, node, contnode)
        return [("awards:award", reference)] if reference is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # Called twice a build (objects.inv, the search index), a card at a
        # time: the home page found inline (``location``), without a call each.
        cards = self.cards
        for name in sorted(cards):
            if shown := cards[name]:
                docname = min(shown) if len(shown) > 1 else next(iter(shown))
                card = shown[docname]
                yield name, card.title, "award", docname, card.anchor, 1


def awards_domain(env: BuildEnvironment) -> AwardsDomain:
    return cast("AwardsDomain", env.domains[AwardsDomain.name])


def warn_unknown_award(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """Our message for a dangling ``:award:``, naming the ids that exist."""
    if not isinstance(domain, AwardsDomain):
        return None
    from .datafiles import any_unusable

    if any_unusable(app.env, node.get("refdoc")) or (not domain.cards and any_unusable(app.env)):
        # The card is most likely in a file that could not be used (on the
        # link's page, or the only files there are): its own warning says
        # why, once, rather than one more warning per link.
        return True
    known = listed(sorted(domain.cards)) or "none: no page shows a card"
    logger.warning(
        f"unknown award id {node['reftarget']!r} in :award:; known ids: {known}",
        location=node,
        type="awards",
        subtype="reference",
    )
    return True


def card_label(anchor: str) -> str:
    """A card's std label, for ``:ref:`` (and sphinx-design's ``:link-type: ref``):
    ``award-`` and the card's HTML id, so that it cannot clash with the ids
    of a page's own sections."""
    return f"award-{anchor}"


def resolve_card_label(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> nodes.reference | None:
    """``:ref:`award-ID``` (and sphinx-design's ``:link-type: ref``): on
    ``missing-reference``, Sphinx's public hook for what the std domain does
    not know, the card's home page. The std domain is left as Sphinx keeps
    it: a card is one entry of ``objects.inv`` (``awards:award``), not two."""
    if node.get("refdomain") != "std" or node.get("reftype") != "ref":
        return None
    target = node["reftarget"]
    if not target.startswith("award-"):
        return None
    found = awards_domain(env).by_anchor().get(target.removeprefix("award-"))
    if found is None:
        return None
    docname, card = found
    if not node.get("refexplicit"):
        contnode = nodes.inline(card.title, card.title, classes=contnode["classes"])
    return make_refnode(app.builder, node["refdoc"], docname, card.anchor, contnode, card.title)


def warn_labels_named_like_cards(app: Sphinx, env: BuildEnvironment) -> None:
    """A page's own label ``award-ID`` takes ``:ref:`` from the card: said at the label."""
    std = env.domains["std"]
    anonlabels = cast("dict[str, tuple[str, str]]", getattr(std, "anonlabels", {}))
    for anchor in sorted(awards_domain(env).by_anchor()):
        label = card_label(anchor)
        if label in anonlabels:
            logger.warning(
                f"the label {label!r} is also the name of a card's label, and :ref: reaches this "
                "label instead of the card; rename the label",
                location=anonlabels[label][0],
                type="awards",
                subtype="duplicate-id",
            )


def documents_referencing_changed_cards(
    env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> set[str]:
    """Pages that only link to cards are read again when those cards may change.

    Sphinx already re-reads the pages that embed a changed data file (the
    directives note it as a dependency); the pages whose ``:award:`` roles point
    at cards on those pages, or at no card yet, are added here.
    """
    domain = awards_domain(env)
    touched = added | changed | removed
    if not touched:
        return set()
    affected = {name for name, shown in domain.cards.items() if touched & shown.keys()}
    return {
        docname
        for docname, names in domain.references.items()
        if docname not in touched and any(name in affected or name not in domain.cards for name in names)
    }

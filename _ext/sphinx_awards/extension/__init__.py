"""The extension in Sphinx: config values (``config``), directives and the
filters they take (``directives``, ``selection``), the ``awards`` domain and
its roles (``domain``), card ids unique on their page (``anchors``), what
each page read and when to read it again (``datafiles``), the data's texts
for translators (``translation``, and their catalog entries: ``pot_entries``)
and linkcheck's locations (``linkcheck``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import once
from . import (
    anchors,
    archive_links,
    config,
    datafiles,
    directives,
    domain,
    linkcheck,
    pdf_languages,
    pot_entries,
    translation,
)

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def setup(app: Sphinx) -> None:
    config.add_config_values(app)  # the awards_* values, each with its check
    app.connect("config-inited", config.check_config_values)  # before Sphinx's type check
    app.connect("config-inited", pdf_languages.set_pdf_language)  # ar, he, fa, ur, ko: what their PDF needs
    app.connect("builder-inited", _start_build)  # notes said once a build may be said again
    app.add_builder(linkcheck.DataFileLinkcheckBuilder, override=True)  # data file lines in its report
    # The data's texts, for the gettext builder only: removed for every other.
    app.add_node(translation.awards_messages)
    app.add_transform(translation.MessagesReady)  # their texts, after Sphinx's Locale transform
    app.connect("doctree-resolved", translation.drop_messages)
    app.connect("doctree-resolved", pot_entries.locate_messages)  # gettext: each at its data file line
    app.connect("build-finished", pot_entries.note_templates)  # gettext: how to translate a template
    app.add_directive("awards-summary", directives.AwardsSummary)
    app.add_directive("awards-legend", directives.AwardsLegend)
    app.add_directive("awards", directives.Awards)
    app.add_directive("awards-archive", directives.AwardsArchive)
    app.add_domain(domain.AwardsDomain)
    app.add_role("award", domain.AwardRole())
    app.add_role("award-page", domain.AwardRole("award-page"))
    app.connect("warn-missing-reference", domain.warn_unknown_award)
    app.connect("missing-reference", domain.resolve_card_label)  # :ref:`award-ID`
    app.connect("env-check-consistency", domain.warn_labels_named_like_cards)
    app.connect("doctree-read", anchors.unique_card_anchors)
    app.connect("doctree-read", archive_links.link_archive_rows)  # each archive row to its year
    app.connect("doctree-resolved", archive_links.link_filters)  # an archive's filters to years and cards

    app.connect("env-get-outdated", _outdated_documents)
    app.connect("env-before-read-docs", datafiles.note_pages_to_read)
    app.connect("env-check-consistency", datafiles.report_problems)


def _start_build(app: Sphinx) -> None:
    once.forget()


def _outdated_documents(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> set[str]:
    """Pages to read again beyond Sphinx's own choice: those whose data file's
    content changed, and those that link to cards on the pages read again."""
    data_changed = datafiles.pages_with_changed_data(env, added | changed, app.config.awards_max_bytes)
    return data_changed | domain.documents_referencing_changed_cards(
        env, added, changed | data_changed, removed
    )

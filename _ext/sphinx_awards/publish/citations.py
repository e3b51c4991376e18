"""Each award as citation managers read it: BibTeX, CSL-JSON and RIS.

A conference paper with its own record: the title, every author family name
first (``data/names.py``: "van Beethoven, Ludwig"), the paper's venue and
year (``venue``, ``year``; without them the event's title and year), its
DOI and arXiv id, its address, the authors' abstract (``abstract``; the
card's description is the site's words and is never exported as one), the
tags as keywords and the award in a note. ``sphinx-awards import`` reads
them back.

Written by hand, not with a BibTeX library: the formats need only escaping,
and every string comes from checked data (one line, no control characters).
The tests read every format back with independent parsers (bibtexparser,
rispy, citeproc-py) and TeX Live's ``bibtex`` and biber.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..data.names import PersonName, is_et_al, split_name

if TYPE_CHECKING:
    from ..data.model import Award, AwardsData

#: LaTeX's specials as BibTeX and LaTeX both read them.
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
#: Braces for a text whose own do not pair up. BibTeX counts every brace, a
#: backslash before it or not: ``\}`` unpaired would close the field, and
#: the data would write fields and entries of its own (``x}}, note = {forged``).
#: These hold balanced braces whatever the text.
_UNPAIRED_BRACES = {**_LATEX_SPECIALS, "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX_SPECIALS)) + "]")
_BRACE = re.compile("[{}]")


def paper_year(data: AwardsData, award: Award) -> int | None:
    """The paper's year (or its date's), else the event's (its first date's)."""
    if award.year is not None:
        return award.year
    if award.date is not None:
        return award.date.year
    date = data.first_date
    return date.year if date is not None else None


def venue(data: AwardsData, award: Award) -> str:
    """Where the paper was published, else the event."""
    return award.venue or data.title


def level_name(data: AwardsData, award: Award) -> str:
    return data.level(award.level).name


def tags(award: Award) -> list[str]:
    """Each tag as one text (an emoji and its words)."""
    return [" ".join(part for part in tag if part) for tag in award.tags]


def keywords(award: Award) -> str:
    """The tags as citation formats hold keywords: one text, comma-separated
    (``importer`` splits them back at commas and semicolons)."""
    return ", ".join(tags(award))


#: An award's authors as ``people`` gives them (the exports split them once for three formats).
People = tuple[list[PersonName], bool]


def people(award: Award) -> People:
    """The authors' names, split; and whether the list ends in "et al."."""
    names = [split_name(name) for name in award.authors if not is_et_al(name)]
    return names, any(is_et_al(name) for name in award.authors)


# -- CSL-JSON ----------------------------------------------------------------------


def _csl_name(name: PersonName) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    parts = {"family": name.family, "given": name.given, "non-dropping-particle": name.particle}
    parts["suffix"] = name.suffix
    return {key: value for key, value in parts.items() if value}


def csl_item(data: AwardsData, award: Award, split: People | None = None) -> dict[str, Any]:
    """One award as a CSL-JSON item (what Zotero and citeproc read)."""
    names, _ = split or people(award)
    item: dict[str, Any] = {
        "id": data.reference_name(award),
        "type": "paper-conference",
        "title": award.title,
        "author": [_csl_name(name) for name in names],
        "container-title": venue(data, award),
        "URL": award.url,
        "note": level_name(data, award),
    }
    optional = {"DOI": award.doi, "abstract": award.abstract, "keyword": keywords(award)}
    if award.arxiv:
        optional["archive"], optional["archive_location"] = "arXiv", award.arxiv
    item.update((key, value) for key, value in optional.items() if value)
    year = paper_year(data, award)
    if award.date is not None:
        item["issued"] = {"date-parts": [[award.date.year, award.date.month, award.date.day]]}
    elif year is not None:
        item["issued"] = {"date-parts": [[year]]}
    return item


# -- BibTeX --------------------------------------------------------------------------


def _latex(text: str) -> str:
    """``text`` for LaTeX and BibTeX: specials escaped; braces as ``\\{``
    where they pair up, so that BibTeX's count stays right and every reader
    knows them, else as commands holding no brace of the text."""
    specials = _LATEX_SPECIALS if _braces_pair_up(text) else _UNPAIRED_BRACES
    return _LATEX_SPECIAL.sub(lambda special: specials[special.group()], text)


def _braces_pair_up(text: str) -> bool:
    if "{" not in text and "}" not in text:
        return True
    depth = 0
    for brace in _BRACE.findall(text):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


_SPLITS_A_NAME = re.compile(r",|\\|\band\b", re.IGNORECASE)


def _braced(text: str) -> str:
    """A part BibTeX must not split: a comma, " and " or a LaTeX command in it
    (name splitters cut ``\\textbraceleft{}`` apart), or several words of a
    family name."""
    written = _latex(text)
    return "{" + written + "}" if _SPLITS_A_NAME.search(written) or " " in text else written


def _bibtex_name(name: PersonName) -> str:
    """``von Last, Jr, First``, BibTeX's own order; a literal name braced whole."""
    if name.literal:
        return "{" + _latex(name.literal) + "}"
    last = " ".join(filter(None, [_latex(name.particle), _braced(name.family)]))
    suffix = [_braced(name.suffix)] if name.suffix else []
    return ", ".join([last, *suffix, _braced(name.given)]) if name.given else last


def bibtex_key(data: AwardsData, award: Award) -> str:
    """``neurips2024-var``: the reference name, in the characters BibTeX keys allow."""
    return data.reference_name(award).replace(":", "-")


def bibtex_fields(data: AwardsData, award: Award, split: People | None = None) -> list[tuple[str, str]]:
    """The entry's fields as written between its braces, none empty; every
    value's braces balanced, whatever the data holds."""
    names, et_al = split or people(award)
    authors = [_bibtex_name(name) for name in names] + (["others"] if et_al else [])
    year = paper_year(data, award)
    fields = [
        ("title", "{" + _latex(award.title) + "}"),  # the inner braces keep its capitals
        ("author", " and ".join(authors)),
        ("booktitle", _latex(venue(data, award))),
        ("year", str(year) if year is not None else ""),
        ("doi", award.doi),  # checked: 10.NNNN/ and printable ASCII, no braces
        ("eprint", award.arxiv),
        ("archiveprefix", "arXiv" if award.arxiv else ""),
        ("url", award.url.replace("\\", "").replace("{", "%7B").replace("}", "%7D")),
        ("abstract", _latex(award.abstract)),
        ("keywords", _latex(keywords(award))),
        ("note", _latex(level_name(data, award))),
    ]
    return [(name, value) for name, value in fields if value]


def bibtex_entry(data: AwardsData, award: Award, split: People | None = None) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in bibtex_fields(data, award, split))
    return f"@inproceedings{{{bibtex_key(data, award)},\n{body}\n}}\n"


# -- RIS -------------------------------------------------------------------------------


def _ris_name(name: PersonName) -> str:
    """``Last, First, Suffix``, as RIS writes a person."""
    if name.literal:
        return name.literal
    return ", ".join(part for part in (name.family_with_particle, name.given, name.suffix) if part)


def ris_record(data: AwardsData, award: Award, split: People | None = None) -> str:
    """One award as a RIS record (EndNote, Zotero, Mendeley)."""
    names, _ = split or people(award)
    lines = [("TY", "CPAPER"), ("ID", data.reference_name(award)), ("TI", award.title)]
    lines += [("AU", _ris_name(name)) for name in names]
    lines += [("T2", venue(data, award))]
    year = paper_year(data, award)
    if year is not None:
        lines.append(("PY", str(year)))
    if award.date is not None:
        lines.append(("DA", award.date.strftime("%Y/%m/%d")))
    # RIS has no tag for an arXiv id: its address is a second UR.
    arxiv = f"https://arxiv.org/abs/{award.arxiv}" if award.arxiv else ""
    lines += [("DO", award.doi), ("UR", award.url), ("UR", arxiv if arxiv != award.url else "")]
    lines += [("L1", award.link_of("pdf")), ("AB", award.abstract)]
    lines += [("KW", tag) for tag in tags(award)]
    lines += [("N1", level_name(data, award)), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines if value or tag == "ER")

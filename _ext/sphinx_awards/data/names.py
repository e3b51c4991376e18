"""A person's name as citations need it: family name first.

Cards show names as the data writes them ("Ludwig van Beethoven"); BibTeX,
CSL-JSON and RIS need the family name apart ("van Beethoven, Ludwig").
``split_name`` reads the forms people write:

- "First Last", with lowercase particles before the family name ("Ludwig van
  Beethoven") and a suffix after it ("Martin Luther King Jr.", "John Smith III");
- "Last, First" and "Last, Jr., First", as BibTeX writes them;
- a family name of several words joined by a no-break space ("Teven
  Le\\u00a0Scao"), which shows as a space;
- one word, a name holding "and" ("Tom and Jerry Inc.") or a name in braces
  ("{Google DeepMind}"): a whole that is not split.

``ET_AL`` is not a name: "et al." (or BibTeX's "others") at the end of the
list says that authors are left out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

PARTICLES = frozenset(
    "af al da das de dei del della der des di do dos du la le lo ten ter van von zu".split()
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})
#: How a list of authors says that some are left out.
ET_AL = frozenset({"et al.", "et al", "others"})
_SPACES = re.compile(r"[ \t\n]+")  # not the no-break space, which joins a family name
#: "Tom and Jerry Inc.": BibTeX would read two people; it is one name.
_AND = re.compile(r"\band\b", re.IGNORECASE)


class PersonName(NamedTuple):
    family: str
    given: str = ""
    particle: str = ""
    suffix: str = ""
    #: A name that is one whole (an organisation, a single word): no parts.
    literal: str = ""

    @property
    def family_with_particle(self) -> str:
        return f"{self.particle} {self.family}" if self.particle else self.family


def is_et_al(name: str) -> bool:
    return name.strip().lower() in ET_AL


def split_name(name: str) -> PersonName:
    """The parts of ``name`` (see the module's docstring)."""
    text = _SPACES.sub(" ", name.strip())
    if (text.startswith("{") and text.endswith("}")) or not text or _AND.search(text):
        whole = text.strip("{}").replace("\u00a0", " ")
        return PersonName(family=whole, literal=whole)
    if "," in text:
        parts = [part.strip() for part in text.split(",")]
        if len(parts) == 2:
            last, given, suffix = parts[0], parts[1], ""
        elif len(parts) == 3:
            last, suffix, given = parts
        else:
            whole = text.replace("\u00a0", " ")
            return PersonName(family=whole, literal=whole)
        particle, family = _particle(last.split(" "))
        return PersonName(_joined(family), given, particle, suffix)
    words = text.split(" ")
    suffix = words.pop() if len(words) > 2 and words[-1].lower() in SUFFIXES else ""
    if len(words) == 1:
        whole = _joined(text)
        return PersonName(family=whole, literal=whole)
    given_words = words[:-1]
    particles: list[str] = []
    while len(given_words) > 1 and given_words[-1] in PARTICLES:
        particles.insert(0, given_words.pop())
    return PersonName(_joined(words[-1]), " ".join(given_words), " ".join(particles), suffix)


def _particle(words: list[str]) -> tuple[str, str]:
    """``["van", "Beethoven"]`` → ("van", "Beethoven")."""
    index = 0
    while index < len(words) - 1 and words[index] in PARTICLES:
        index += 1
    return " ".join(words[:index]), " ".join(words[index:])


def _joined(family: str) -> str:
    return family.replace("\u00a0", " ")

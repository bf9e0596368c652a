"""The Rules as versioned law: immutable values for acts, provisions and wordings.

Legal text is held as tuples of verbatim paragraphs. ``None`` where a wording is expected means
"text not available in this repository" and is never replaced by invented text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from generator.model import LANGUAGES

LANGS = LANGUAGES

ActStatus = Literal["draft", "adopted", "in-force"]
Action = Literal["enact", "replace", "insert", "amend", "lead-in"]
Paragraphs = tuple[str, ...]


@dataclass(frozen=True)
class Note:
    """An editors' note (not legal text), in English and optionally Russian and Kazakh."""

    texts: Mapping[str, str]

    def text(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts["en"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date of which maybe only the year is known (``2013``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        if self.month is None or self.day is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def exact(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def latest(self) -> dt.date:
        """The last day the date can mean: used to order and apply year-only dates."""
        return self.exact or dt.date(self.year, 12, 31)


@dataclass(frozen=True)
class Provision:
    """A provision of the Decree or of its Rules (title, preamble, chapter heading, point)."""

    id: str
    part: Literal["decree", "rules"]
    kind: Literal["title", "preamble", "introduction", "chapter", "point"]
    number: str | None = None
    chapter: str | None = None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Instruction:
    """One instruction of an act: what it does to which provisions, with the new wordings."""

    text: str | None
    action: Action
    targets: tuple[str, ...]
    wordings: Mapping[str, Paragraphs]
    certainty: Literal["stated", "probable"] = "stated"
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A wording in force before the act that the act itself quotes."""

    provision: str
    paragraphs: Paragraphs
    verbatim: str | None = None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Adoption:
    """The act that adopted a draft. Empty until someone verifies it."""

    act: str | None = None
    number: str | None = None
    date: dt.date | None = None
    entry_into_force: dt.date | None = None
    source: str | None = None

    @property
    def recorded(self) -> bool:
        return self.act is not None and self.number is not None and self.date is not None


@dataclass(frozen=True)
class Block:
    """A verbatim piece of an act's own text outside its instructions."""

    role: str
    text: str


@dataclass(frozen=True)
class Act:
    """The base Decree, an amending act, or a submitted draft."""

    id: str
    kind: str
    number: str | None
    date: PartialDate
    issuing_body: str
    status: ActStatus
    entry_into_force: dt.date | None
    certainty: str
    scope_known: bool
    instructions: tuple[Instruction, ...]
    quotes: tuple[Quote, ...] = ()
    opening: tuple[Block, ...] = ()
    closing: tuple[Block, ...] = ()
    published: str | None = None
    source_document: str | None = None
    source_description: str | None = None
    source_url: str | None = None
    date_guessed: bool = False
    draft_kind: str | None = None
    draft_entry_rule: str | None = None
    adoption: Adoption | None = None
    notes: tuple[Note, ...] = ()

    @property
    def text_held(self) -> bool:
        """True when the repository holds the act's own text (its seed document)."""
        return self.source_document is not None

    @property
    def is_draft(self) -> bool:
        """A draft whose adoption is not recorded: applied only on request."""
        return self.status == "draft" and not (self.adoption and self.adoption.recorded)

    @property
    def effective_date(self) -> dt.date:
        """When the act's changes apply (for a draft: the draft's own date)."""
        if self.adoption is not None and self.adoption.recorded:
            return self.adoption.entry_into_force or self.adoption.date or self.date.latest
        return self.entry_into_force or self.date.latest

    @property
    def effective_date_assumed(self) -> bool:
        """True when no entry-into-force date is recorded and the act's date stands in."""
        if self.adoption is not None and self.adoption.recorded:
            return self.adoption.entry_into_force is None
        return self.entry_into_force is None

    def body_parts(self) -> tuple[str, ...]:
        """Every piece of the act's legal text held here, in document order."""
        parts = [block.text for block in self.opening]
        for instruction in self.instructions:
            if instruction.text is not None:
                parts.append(instruction.text)
            for paragraphs in instruction.wordings.values():
                parts.extend(paragraphs)
        parts.extend(block.text for block in self.closing)
        return tuple(parts)


@dataclass(frozen=True)
class Law:
    """The instrument's provisions in reading order, and every known act in date order."""

    provisions: tuple[Provision, ...]
    acts: tuple[Act, ...]
    notes: tuple[Note, ...] = ()

    def provision(self, provision_id: str) -> Provision:
        for provision in self.provisions:
            if provision.id == provision_id:
                return provision
        raise KeyError(provision_id)

    def act(self, act_id: str) -> Act:
        for act in self.acts:
            if act.id == act_id:
                return act
        raise KeyError(act_id)


@dataclass(frozen=True)
class Wording:
    """One wording of a provision and the period it is in force.

    ``paragraphs`` is None when the act that set the wording is known but its text is not.
    ``basis`` is "quoted" for a wording known only because a later act quotes it: its start
    is then unknown (``valid_from`` None) and ``attested_on`` says when it was in force.
    """

    provision: str
    paragraphs: Paragraphs | None
    act: str
    basis: Literal["enacted", "amended", "quoted", "unknown-scope"]
    valid_from: dt.date | None
    attested_on: dt.date | None = None
    valid_to: dt.date | None = None
    ended_by: str | None = None
    draft: bool = False
    certainty: Literal["stated", "probable"] = "stated"
    verbatim: str | None = None
    notes: tuple[Note, ...] = ()

    @property
    def starts(self) -> dt.date:
        """The date used to order this wording in a provision's timeline."""
        return self.valid_from or self.attested_on or dt.date.min


Status = Literal["in-force", "draft", "possibly-superseded", "not-available"]


@dataclass(frozen=True)
class ConsolidatedProvision:
    """A provision as it stands on a date.

    - ``in-force``: the wording shown is the last known one and no later act changed it;
    - ``draft``: the wording comes from a draft (only with drafts requested);
    - ``possibly-superseded``: later acts (``superseded_by``) changed or may have changed it,
      and their wording is not available, so the last known wording is shown, flagged;
    - ``not-available``: no wording is held; ``source_act`` says which act last set it, and
      ``superseded_by`` names later acts of unknown scope that may have changed it since.
    """

    provision: Provision
    status: Status
    wording: Wording | None
    source_act: str | None
    superseded_by: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsolidatedText:
    """The text of the Decree and the Rules on a date."""

    as_of: dt.date
    with_drafts: bool
    provisions: tuple[ConsolidatedProvision, ...]
    pending_acts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edition:
    """The consolidated text on the day an act took effect. Its id is the act's id."""

    id: str
    act: str
    date: dt.date
    drafts: bool

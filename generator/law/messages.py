"""The message catalogue (``generator/catalogues/law.<lang>.yaml``) and names built from it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import Strings, area_texts
from generator.law.model import Act, Provision

AREA = "law"


@dataclass(frozen=True)
class LawCatalogue(Strings):
    """UI strings of one language, with the names of acts and provisions built from them."""

    def act_name(self, act: Act, case: str = "") -> str:
        """The act's name; ``case="from"`` gives the form that "after …" needs (the Kazakh
        ablative: «… Үкімет қаулысынан кейін»)."""
        kind = self(f"kind_{case}_{act.kind}" if case else f"kind_{act.kind}")
        if act.number is None:
            return self("act_name_no_number", kind=kind, date=act.date.iso)
        return self("act_name", kind=kind, number=act.number, date=act.date.iso)

    def act_ref(self, act: Act) -> str:
        """The act's name, saying so when its date is the editors' guess."""
        name = self.act_name(act)
        if act.date_guessed:
            return self("act_date_guessed", act=name, date=act.date.latest.isoformat())
        return name

    def provision_label(self, provision: Provision) -> str:
        if provision.kind in ("point", "chapter"):
            return self(f"label_{provision.kind}", number=provision.number or "")
        return self(f"label_{provision.kind}")

    def provision_name(self, provision: Provision) -> str:
        """A provision with its part, e.g. "Rules, Point 46" / "Decree, Title"."""
        key = "cite_decree" if provision.part == "decree" else "cite_provision"
        return self(key, label=self.provision_label(provision))


def load_catalogue(lang: str) -> LawCatalogue:
    """The texts of ``law.<lang>.yaml``; ``lang`` is one of kk, ru, en."""
    return LawCatalogue(AREA, lang, area_texts(AREA, lang))

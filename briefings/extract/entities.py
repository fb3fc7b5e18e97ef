"""The two records the participant stages hand each other: a `Mention` (one name in the text,
cleaned, with its label and the evidence for it) and a `Cluster` (the mentions of one entity,
with its canonical name, type and role). Apart from the stages so that each stage can name
them without importing another stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import places


@dataclass
class Mention:
    start: int  # token indexes in the Doc
    end: int
    text: str  # cleaned surface form
    label: str  # PERSON, ORG, GPE, LOC after place lookup
    place: places.Place | None = None
    demonym: bool = False
    honorific: bool = False  # "Mr Lane", "Mrs Gescher": only people carry these
    kin: bool = False  # "Juninho's father", "Courtney Love, the widow of …": only people have these
    evidence: str | None = None  # why the text, not the model, gave the label ("title", "in", "suffix")


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""
    type: str = ""
    role: str | None = None
    nationality: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

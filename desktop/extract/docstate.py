"""What one document has established so far, and the actor value a clause resolves to.

``DocState`` carries the most recent salient organisation (for "it" / "the company" / "this
startup"), what each person is (a leader of an organisation, or an analyst/expert whose words
are opinion, not events) and the organisations the article introduced by description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.extract.actor_words import actor_words

_RECENCY = 4  # sentences an anaphor may reach back


def surnames(person: str) -> tuple[str, ...]:
    """The words a later mention may use alone: the last one, and the first when the name is
    written family name first: a hyphenated given name ("Park Ji-won" -> "Park") or a common
    East Asian family name ("Liang Wenfeng" -> "Liang")."""
    words = person.split()
    family_first = "-" in words[-1] or words[0] in actor_words().family_names_first
    if len(words) == 2 and "-" not in words[0] and family_first:
        return words[-1], words[0]
    return (words[-1],)


@dataclass
class DocState:
    salient: str = ""
    salient_at: int = -100  # sentence index where ``salient`` was last set
    leaders: dict[str, str] = field(default_factory=dict)  # person -> organisation
    opinion: set[str] = field(default_factory=set)  # people quoted as analysts/experts
    local_orgs: set[str] = field(default_factory=set)  # "London-based Synthesia", "Upstage, a …"
    aliases: dict[str, str] = field(default_factory=dict)  # "PIF" -> "Public Investment Fund"
    lead: int | None = None  # index of the article's lead sentence, once found
    # "foundation" -> {"Open Weights Europe Foundation": 3, "Eclipse Foundation": 1}: how often
    # each organisation answering a description was named
    headed: dict[str, dict[str, int]] = field(default_factory=dict)

    def learn(self, person: str, org: str) -> None:
        """``person`` speaks for ``org``; later mentions may use the surname alone."""
        for key in (person, *surnames(person)):
            self.leaders.setdefault(key, org)

    def mark_opinion(self, person: str) -> None:
        self.opinion.update((person, *surnames(person)))

    def note(self, actor: str, index: int) -> None:
        self.salient, self.salient_at = actor, index

    def antecedent(self, index: int) -> str:
        return self.salient if index - self.salient_at <= _RECENCY else ""

    def name_for(self, noun: str, name: str) -> None:
        """``name`` answers the description "the <noun>" ("Linton Hospital": "the hospital")."""
        counts = self.headed.setdefault(noun, {})
        counts[name] = counts.get(name, 0) + 1

    def described(self, noun: str) -> str:
        """The organisation "the <noun>" means: the one in focus if it answers the description,
        else the one the article named most often with it (the first of equals); '' if none."""
        counts = self.headed.get(noun)
        if not counts:
            return ""
        if self.salient in counts:
            return self.salient
        return max(counts, key=counts.__getitem__)


@dataclass(frozen=True)
class Actor:
    name: str
    how: str  # gazetteer | person | anaphor | product | agent
    opinion: bool = False  # the speaker is an analyst/expert (or tied to one)

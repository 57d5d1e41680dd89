"""Participants: entities under one canonical name per source, pronouns resolved simply.

"Stalin", "Joseph Stalin" and "Iosif Vissarionovich Djugashvili" are one person when
the source says so: a surname alone joins the full name it ends, and "X, also known as
Y" (or "better known as", "born X") joins X and Y; the canonical name is the longest
common name. A name spaCy labels PERSON anywhere in the source is a person everywhere.
"He", "his" and "they" point to the last person named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from chronologist.models import Participant

KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
ALIAS = re.compile(
    r"(?P<a>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}),? (?:also known as|better known as|"
    r"known as|born|n\u00e9e|alias) (?P<b>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})"
)


def _name_tokens(ent: Any) -> str:
    """An entity's words from its first proper noun ("Eventually Stalin" -> "Stalin"); a
    name after "his last" or "the" loses the common noun spaCy glued to it."""
    toks = list(ent)
    while len(toks) > 1 and toks[0].pos_ != "PROPN":
        toks.pop(0)
    if ent.label_ == "PERSON" and len(toks) > 1 and ent.start > 0:
        before = ent.doc[ent.start - 1]
        if before.pos_ in ("DET", "PRON", "ADJ") and before.dep_ in ("det", "poss", "amod"):
            toks.pop(0)
    return " ".join(t.text for t in toks)


def _kind(votes: Counter[str]) -> str:
    """A name's kind from its tags: a person when tagged so at least as often as anything
    else ("Roman", once a person and twice a people, is not one)."""
    person = votes["person"]
    if person and person >= sum(votes.values()) - person:
        return "person"
    return votes.most_common(1)[0][0]


def _clean(name: str) -> str:
    name = re.sub(r"[\u2019']s$", "", name.strip())
    return re.sub(r"\s+", " ", name).strip(' ,.;:()"')


class People:
    """Canonical names for the entities of one source."""

    def __init__(self, kinds: dict[str, str], canonical: dict[str, str]) -> None:
        self.kinds = kinds
        self.canonical = canonical
        self.last_person: str | None = None
        self.topic: str | None = None

    def set_topic(self, name: str) -> None:
        """The person a reference entry is about ("LINCOLN, ABRAHAM (1809-1865), ..."):
        a person, under their surname and given names too, and the first antecedent."""
        self.topic = name
        self.kinds[name] = "person"
        self.canonical[name] = name
        for part in name.split():
            if len(part) > 2 and part not in self.canonical:
                self.canonical[part] = name
                self.kinds.setdefault(part, "person")
        self.last_person = name

    def topic_word(self, text: str) -> bool:
        """An upper-case word of the entry's headword ("LINCOLN")."""
        return self.topic is not None and text.isupper() and text.title() in self.topic.split()

    @classmethod
    def from_docs(cls, docs: Iterable[Any]) -> People:
        votes: dict[str, Counter[str]] = {}
        aliases: list[tuple[str, str]] = []
        for doc in docs:
            for ent in doc.ents:
                kind = KINDS.get(ent.label_)
                name = _clean(_name_tokens(ent))
                if kind and name and name[:1].isupper() and "\n" not in name:
                    votes.setdefault(name, Counter())[kind] += 1
            for tok in doc:  # "Stalin, Kamenev and Zinoviev": names listed with a person
                if tok.ent_type_ == "PERSON":
                    for other in (*tok.conjuncts, *[c for c in tok.children if c.dep_ == "appos"]):
                        ent = next((e for e in doc.ents if e.start <= other.i < e.end), None)
                        if ent is not None and other.pos_ == "PROPN":
                            votes.setdefault(_clean(_name_tokens(ent)), Counter())["person"] += 1
            for m in ALIAS.finditer(doc.text):
                aliases.append((_clean(m["a"]), _clean(m["b"])))
        kinds = {n: _kind(c) for n, c in votes.items()}
        return cls(kinds, _canonical_names(kinds, aliases))

    def canonical_of(self, name: str) -> str:
        name = _clean(name)
        return self.canonical.get(name, name)

    def participants(self, tokens: list[Any]) -> list[Participant]:
        """Entities among ``tokens``; a pronoun brings in the last person named."""
        found: dict[str, Participant] = {}
        seen = {t.i for t in tokens}
        doc = tokens[0].doc if tokens else None
        for ent in doc.ents if doc is not None else ():
            if ent.start not in seen:
                continue
            name = _clean(_name_tokens(ent))
            if self.topic is not None and all(self.topic_word(w) for w in name.split()):
                name = self.topic  # "LINCOLN" in the headword
            kind = self.kinds.get(name)
            if kind is None:
                continue
            canon = self.canonical_of(name)
            kind = self.kinds.get(canon, kind)
            found.setdefault(canon, Participant(canon, kind, self._aliases(canon)))  # type: ignore[arg-type]
        people = [p for p in found.values() if p.kind == "person"]
        pronoun = next((t for t in tokens if t.lower_ in PRONOUNS), None)
        who = self.antecedent(pronoun) if pronoun is not None else None
        if who:
            found.setdefault(who, Participant(who, "person", self._aliases(who)))
        subject = next(
            (self._person_at(t) for t in tokens if t.dep_ in ("nsubj", "nsubjpass")), None
        )
        if subject:
            self.last_person = subject
        elif who:  # "His debates with Douglas ...": the topic stays the same person
            self.last_person = who
        elif people:
            self.last_person = people[0].name
        return list(found.values())

    def antecedent(self, pronoun: Any) -> str | None:
        """The person a pronoun points to: one named earlier in its sentence, else the
        last person named before."""
        sent = pronoun.sent
        for tok in reversed(list(sent.doc[sent.start : pronoun.i])):
            if tok.ent_type_ == "PERSON" and tok.dep_ in ("nsubj", "nsubjpass", "poss"):
                name = self._person_at(tok)
                if name:
                    return name
        return self.last_person

    def _person_at(self, tok: Any) -> str | None:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None:
            return None
        name = self.canonical_of(_clean(_name_tokens(ent)))
        return name if self.kinds.get(name) == "person" else None

    def names(self, tokens: Iterable[Any]) -> list[str]:
        """Canonical names of the entities (or pronouns) the tokens stand for."""
        out: list[str] = []
        for tok in tokens:
            if tok.lower_ in PRONOUNS:
                who = self.antecedent(tok)
                if who:
                    out.append(who)
                continue
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            text = _name_tokens(ent) if ent is not None else tok.text if tok.pos_ == "PROPN" else ""
            name = _clean(text)
            if name and self.kinds.get(self.canonical_of(name), self.kinds.get(name)) == "person":
                out.append(self.canonical_of(name))
        return sorted(set(out))

    def _aliases(self, canon: str) -> tuple[str, ...]:
        return tuple(sorted(n for n, c in self.canonical.items() if c == canon and n != canon))


def _canonical_names(kinds: dict[str, str], aliases: list[tuple[str, str]]) -> dict[str, str]:
    """Map every name to its canonical form (union-find over surname and alias links)."""
    parent = {n: n for n in kinds}

    def find(n: str) -> str:
        parent.setdefault(n, n)
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    for a, b in aliases:
        union(a, b)
    persons = [n for n, k in kinds.items() if k == "person"]
    full = [n for n in persons if " " in n]
    for name in persons:
        if " " in name:
            continue
        owners = {find(f) for f in full if f.split()[-1] == name}
        if len(owners) == 1:
            union(name, owners.pop())
    groups: dict[str, list[str]] = {}
    for n in list(parent):
        groups.setdefault(find(n), []).append(n)
    out: dict[str, str] = {}
    alias_targets = {b for _, b in aliases}
    for members in groups.values():
        named = [m for m in members if m in alias_targets and " " in m]
        pool = named or [m for m in members if " " in m] or members
        canon = max(pool, key=lambda m: (len(m.split()) <= 3, len(m)))
        for m in members:
            out[m] = canon
    return out

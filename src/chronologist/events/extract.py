"""The rules event extractor ("rules.v1"): statements of what happened, with evidence.

For each source:

1. The text is cut into *blocks* of prose lines; heading-like lines (item titles,
   section headings: short, no closing punctuation) are context, not statements.
2. spaCy gives sentences, a dependency parse and entities. A sentence with no verb
   ("By 1928 (the first year ...)") is joined to the next one.
3. Each sentence yields one event per *predicate*: a finite verb with its own subject
   (the main clause, clauses joined by ", and"/"but", "when/after/before X did Y"
   clauses), "was able to X", copulas only when the sentence is dated or states a
   relation ("were against"), and named happenings after a temporal preposition
   ("after Lenin's death", "leading up to the 1917 October Revolution").
4. Dates come from the temporal engine (``tag_times`` over the whole source, so the
   narrative's reference time flows): a time expression in the predicate's clause, else
   one in the sentence, else the date of the previous sentence of the same block
   ("contextual"); a duration after a dated event spans from it ("for ten years").
   Undated events get bounds from narrative order, marked ``basis="order"``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from chronologist.events.nlp import load_nlp
from chronologist.events.people import People
from chronologist.models import Event, Evidence, Participant, Source, TimeMention
from chronologist.temporal import tag_times
from chronologist.timemodel import TimePoint, TimeValue

EXTRACTOR = "rules.v1"
STRUCTURED = frozenset({"timelinejs", "csv", "chronologist"})
"""Sources whose items are events already (exports of timeline tools, our own JSON)."""
MODALS = frozenset({"would", "could", "should", "might", "may", "can", "must", "shall"})
CLAUSE_MARKS = frozenset({"when", "after", "before", "as"})
TEMPORAL_PREPS = frozenset({"after", "before", "following", "during", "since", "until", "to"})
EVENT_NOUNS = frozenset(
    "death assassination murder execution exile arrest expulsion coronation birth "
    "resignation abdication election revolution uprising rebellion revolt war invasion "
    "treaty famine purge purges coup massacre siege battle collapse fall independence "
    "founding foundation signing victory defeat surrender congress conference".split()
)
RELATION_PREPS = frozenset({"against", "with", "behind", "allied"})
ENTITY_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "organisation"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})
SEQUENCE_WORDS = frozenset({"eventually", "later", "then", "afterwards", "subsequently", "finally"})
LIFE_STAGES = frozenset(
    "youth childhood boyhood girlhood adolescence infancy teens twenties thirties old age "
    "retirement exile".split()
)
"""Nouns of a stretch of someone's life: "in her youth" is a time, but no date to inherit."""
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
"""Markdown emphasis around a word: "**8 March**"."""
_DATE_LABEL = re.compile(r"\s*(?:[-+\u2022\u00b7]\s+)?[^:\n]{0,60}?\d[^:\n]{0,60}?:\s+")
"""A date label before a colon: "8 March (23 February O.S.): ..."."""
LIST_MARKERS = frozenset({"-", "*", "+", "\u2022", "\u00b7"})
_LIST_ITEM = re.compile(r"\n[ \t]*([-*+\u2022\u00b7]|\d{1,2}[.)])\s")
"""The marker of a list item at the start of a line."""
_LIST_MARK = r"(?:[-*+\u2022\u00b7]\s+)?"
"""A list item's bullet before a chronology entry ("- 1915 - ...", "* 1915: ...")."""
_DATED_LINE = re.compile(
    _LIST_MARK + r"(?:(?:c\.\s*|ca\.\s*|circa\s+)?\d{1,4}(?:\s*(?:BCE?|CE|AD|B\.C\.|A\.D\.))?"
    r"\s*[-:\u2013\u2014,.)]\s*\w"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},?\s+\d{3,4}\s*[-:\u2013\u2014])"
)
"""A chronology line: "1453 - Fall of Constantinople", "44 BC: Caesar killed"."""
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as who which that whose".split()
)
_DATE_PREFIX = re.compile(
    r"\s*" + _LIST_MARK + r"(?:c\.|ca\.|circa)?\s*"
    r"(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2},?\s+)?\d{1,4}(?:\s*[-\u2013]\s*\d{1,4})?"
    r"(?:\s*(?:BCE?|CE|AD|B\.C\.|A\.D\.))?\s*[-:\u2013\u2014,.)]\s*"
)
_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$|[(:;]\s*$")
MAX_TITLE_WORDS = 9


@dataclass(slots=True)
class Draft:
    """An event under construction."""

    start: int
    """Evidence span (the sentence) in the source text."""
    end: int
    clause: tuple[int, int]
    """The predicate's own clause, for dating."""
    anchor: int
    """Where the predicate (or event noun) stands: time expressions go to the nearest."""
    block: int
    order: int
    title: str
    participants: list[Participant]
    kind: str = "event"
    when: TimeValue | None = None
    basis: str = "none"
    date_text: str | None = None
    sequence: bool = False
    """The sentence says it came later ("Eventually", "Later")."""
    claims: list[str] = field(default_factory=list)
    conj_of: int | None = None
    """The anchor of the verb this one is conjoined to ("moved to Paris and enrolled")."""


def _continues(body: str, open_sentence: bool) -> bool:
    """A hard-wrapped line inside a sentence, not a heading."""
    return open_sentence or body[:1].islower() or _broken_off(body)


def _broken_off(body: str) -> bool:
    """A line that stops mid-clause, so the next line goes on with it ("from 264 to")."""
    words = body.split()
    return bool(words) and (body.endswith(",") or words[-1].lower() in _FUNCTION_WORDS)


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of consecutive prose lines; heading-like lines are left out.

    A line is prose when it ends a sentence, is long, opens a chronology entry, or
    continues a sentence the previous line left open (hard-wrapped text).
    """
    pos = 0
    start: int | None = None
    end = 0
    open_sentence = False
    mid_clause = False  # the last prose line broke off after "to", "of", a comma...
    in_list = False  # a chronology entry was seen since the last non-prose line
    for line in text.splitlines(keepends=True):
        body = line.strip()
        wrapped = mid_clause or (not in_list and start is not None and open_sentence)
        dated = not wrapped and _DATED_LINE.match(body) is not None
        in_list = in_list or dated
        if start is not None and dated:
            yield start, end  # a chronology line stands alone
            start = None
        ends = _SENT_END.search(body) is not None
        prose = bool(body) and (
            ends or len(body.split()) > 12 or dated or _continues(body, open_sentence)
        )
        if prose:
            lead = len(line) - len(line.lstrip())
            if start is None:
                start = pos + lead
            end = pos + len(line.rstrip())
            open_sentence = not ends
            mid_clause = _broken_off(body)
            if dated:
                yield start, end
                start = None
                open_sentence = False
        else:
            open_sentence = mid_clause = in_list = False
            if start is not None:
                yield start, end
                start = None
        pos += len(line)
    if start is not None:
        yield start, end


def extract_events(
    source: Source, *, nlp: Any = None, dct: str | None = None, genre: str | None = None
) -> list[Event]:
    """The events a source states, in narrative order, each citing its sentence."""
    if source.kind in STRUCTURED:
        return _item_events(source)
    nlp = nlp or load_nlp()
    text = source.text
    if dct is None and genre is None:
        dct = dateline_date(text)
    times = tag_times(text, dct=dct, genre=genre or ("news" if dct else _genre(source)))
    spans = list(blocks(text))
    docs = list(nlp.pipe(_with_times(nlp, text, a, b, times) for a, b in spans))
    docs = [_resplit(nlp, doc, text, a, b, times) for (a, b), doc in zip(spans, docs, strict=True)]
    people = People.from_docs(docs)
    topic = headword_person(text)
    if topic is not None:
        people.set_topic(topic)
    drafts: list[Draft] = []
    links: dict[int, tuple[bool, int]] = {}
    for n, ((a, b), doc) in enumerate(zip(spans, docs, strict=True)):
        first = len(drafts)
        for sent in _sentences(doc):
            drafts.extend(_sentence_events(sent, a, n, len(drafts), people))
        anchors = {d.anchor for d in drafts[first:]}
        links.update(_attachments(doc, a, [m for m in times if a <= m.span.start < b], anchors))
    _date(drafts, times, text, links)
    _item_dates(drafts, source)
    _order_bounds(drafts)
    return [_event(source, d, text) for d in drafts]


def _with_times(nlp: Any, text: str, a: int, b: int, times: Sequence[TimeMention]) -> Any:
    """A block as an unparsed spaCy Doc whose DATE entities are our time mentions, so
    the entity recognizer works around them ("218 BC Hannibal" is a date and a person,
    not one organization)."""
    doc = nlp.make_doc(_unwrap(text[a:b]))
    ents = []
    last = -1
    for m in times:
        if a <= m.span.start and m.span.end <= b:
            ent = doc.char_span(
                m.span.start - a, m.span.end - a, label="DATE", alignment_mode="expand"
            )
            if ent is not None and ent.start >= last:
                ents.append(ent)
                last = ent.end
    doc.set_ents(ents, default="unmodified")
    for item in _LIST_ITEM.finditer(text, a, b):  # each list item starts a sentence
        tok = doc.char_span(item.start(1) - a, item.end(1) - a, alignment_mode="expand")
        if tok is not None and tok.start > 0:
            doc[tok.start].is_sent_start = True
    return doc


def _missed_boundaries(doc: Any) -> list[int]:
    """Tokens that start a sentence the parser ran on from a date ending in a period:
    "... by archons from the 7th century B.C. Solon reformed its laws ..." (a verb on
    each side, so "In 44 B.C. Caesar was killed" stays whole)."""
    cuts = []
    for sent in doc.sents:
        for tok in sent[:-1]:
            nxt = doc[tok.i + 1]
            if not (
                tok.ent_type_ == "DATE"
                and len(tok.text) > 1
                and tok.text.endswith(".")
                and nxt.ent_iob_ != "I"
                and nxt.is_alpha
                and nxt.text[:1].isupper()
            ):
                continue
            left, right = doc[sent.start : tok.i + 1], doc[tok.i + 1 : sent.end]
            if all(any(t.pos_ in ("VERB", "AUX") for t in part) for part in (left, right)):
                cuts.append(nxt.i)
    return cuts


def _resplit(nlp: Any, doc: Any, text: str, a: int, b: int, times: Sequence[TimeMention]) -> Any:
    """The block parsed again with the sentence starts the first parse missed, if any."""
    cuts = _missed_boundaries(doc)
    if not cuts:
        return doc
    again = _with_times(nlp, text, a, b, times)
    for i in cuts:
        again[i].is_sent_start = True
    return nlp(again)


def _unwrap(block: str) -> str:
    """A block's hard line breaks as spaces (same length, so offsets hold): a sentence
    wrapped over lines is one sentence to the parser."""
    return block.replace("\r", " ").replace("\n", " ")


def _item_events(source: Source) -> list[Event]:
    """A timeline export: each item is an event the author made, dated by the format."""
    out = []
    for item in source.items:
        quote = source.text[item.span.start : item.span.end]
        key = f"{source.id}:{item.span.start}:{item.span.end}:{item.title}:{EXTRACTOR}"
        title_end = item.title_span.end if item.title_span else item.span.start
        out.append(
            Event(
                id="ev-" + hashlib.sha256(key.encode()).hexdigest()[:12],
                title=item.title,
                kind=item.kind,
                when=item.when,
                basis="explicit" if item.when is not None else "none",
                evidence=(Evidence(source.id, item.span.start, item.span.end, quote),),
                description=source.text[title_end : item.span.end].strip(),
                link=item.link,
                media=item.media,
            )
        )
    return out


def _item_dates(drafts: list[Draft], source: Source) -> None:
    """Events inside a dated export item take the item's date when the text gives none."""
    for item in source.items:
        inside = [d for d in drafts if item.span.start <= d.start < item.span.end]
        for d in inside:
            if item.kind == "period":
                d.kind = "period"
            if item.when is not None and d.basis in ("none", "contextual"):
                d.when, d.basis = item.when, "explicit"


_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]{2,}(?:, [A-Z][A-Za-z.]+)*, "
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})(?: \([A-Za-z]+\))?\s*(?:\u2014|--|-|_)",
    re.MULTILINE,
)


_HEADWORD = re.compile(
    r"\A\s*(?P<surname>[A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+)?),\s+"
    r"(?P<given>[A-Z][A-Za-z.'\u2019-]+(?: [A-Z][A-Za-z.'\u2019-]+){0,3})\s*"
    r"\((?P<life>[^()]{0,40}\d[^()]{0,40})\)"
)


def headword_person(text: str) -> str | None:
    """The person an encyclopedia entry is about: "LINCOLN, ABRAHAM (1809-1865), ..." is
    "Abraham Lincoln"; None for other texts ("ATHENS, the capital of Attica")."""
    m = _HEADWORD.match(text[:300])
    if m is None:
        return None
    given = " ".join(w if not w.isupper() else w.title() for w in m["given"].split())
    return f"{given} {m['surname'].title()}"


def dateline_date(text: str) -> str | None:
    """The date of a news dateline ("MOSCOW, Aug. 19, 1991 (AP) —"), as the DCT."""
    m = _DATELINE.search(text[:2000])
    if m is None:
        return None
    found = tag_times(m["date"])
    when = found[0].when if found else None
    if when is None or when.start is None or when.start.granularity != "day":
        return None
    return when.edtf


def _genre(source: Source) -> str:
    return "timetoast-export" if source.kind == "timetoast" else "history"


def _sentences(doc: Any) -> Iterator[Any]:
    """spaCy sentences, with verbless fragments joined to the next sentence."""
    pending_start: int | None = None
    for sent in doc.sents:
        start = pending_start if pending_start is not None else sent.start
        # a verbless fragment joins the next sentence, unless that starts a new list item
        nxt_item = sent.end < len(doc) and doc[sent.end].text in LIST_MARKERS
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in sent)
        if verbless and sent.end < len(doc) and not nxt_item:
            pending_start = start
            continue
        pending_start = None
        yield doc[start : sent.end]


def _conj_head(head: Any, offset: int) -> int | None:
    """Where the verb a conjoined verb hangs on stands (its draft's anchor), if any."""
    if not hasattr(head, "dep_") or head.dep_ != "conj" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    return int(offset + head.head.idx)


def _life_stage(sent: Any) -> bool:
    """ "In her youth", "during his exile", "as a child": the sentence says when in a life,
    so the previous sentence's date does not carry over to it."""
    for tok in sent:
        if tok.lower_ in LIFE_STAGES and any(c.dep_ == "poss" for c in tok.children):
            return tok.head.lower_ in ("in", "during", "throughout")
        if tok.lower_ == "as" and tok.i + 2 < len(tok.doc) and tok.nbor().lower_ in ("a", "an"):
            if tok.nbor(2).lower_ in ("child", "boy", "girl", "teenager", "youth", "student"):
                return True
    return False


def _sentence_events(sent: Any, offset: int, block: int, order: int, people: People) -> list[Draft]:
    preds = _predicates(sent, people)
    nominals = _nominal_events(sent)
    if not preds and not nominals:
        dated = _dated_statement(sent, people)
        if dated is None:
            return []
        nominals = [dated, *_dated_conjuncts(dated[0], people)]
    s_start = offset + sent.start_char
    s_end = offset + sent.end_char
    while s_end > s_start and sent.doc.text[s_end - offset - 1].isspace():
        s_end -= 1
    sequence = (
        sent[0].lower_ in SEQUENCE_WORDS
        or any(
            t.lower_ in SEQUENCE_WORDS and t.dep_ == "advmod" and t.head == sent.root for t in sent
        )
        or _life_stage(sent)
    )
    out = []
    for k, (head, title) in enumerate([*preds, *nominals]):
        tokens = list(head.subtree) if hasattr(head, "subtree") else list(head)
        where = head.idx if hasattr(head, "idx") else head[-1].idx
        c_start = offset + min(t.idx for t in tokens)
        c_end = offset + max(t.idx + len(t.text) for t in tokens)
        out.append(
            Draft(
                start=s_start,
                end=s_end,
                clause=(c_start, c_end),
                anchor=offset + where,
                block=block,
                order=order + k,
                title=title,
                participants=people.participants(tokens),
                sequence=sequence,
                claims=_claims(head, people) if k < len(preds) else [],
                conj_of=_conj_head(head, offset),
            )
        )
    return out


# ------------------------------------------------------------------------------ predicates
def _dateline_word(tok: Any) -> bool:
    """An upper-case word such as a dateline's place ("MOSCOW, Aug. 19 (AP) -")."""
    return bool(tok.text.isupper() and len(tok.text) > 2)


def _subject(verb: Any) -> Any:
    """The verb's subject; of two (a dateline "GENEVA" parsed as one), the nearer."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if len(found) > 1:
        found = [c for c in found if not _dateline_word(c)] or found
        return max(found, key=lambda c: c.i if c.i < verb.i else -c.i)
    return found[0] if found else None


def _is_finite(verb: Any) -> bool:
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    if verb.tag_ == "VBN":
        if any(c.dep_ in ("auxpass", "aux") for c in verb.children) or _subject(verb) is not None:
            return True
        # "switched sides and joined Bukharin, and together defeated Trotsky"
        return bool(verb.dep_ == "conj" and verb.head.tag_ == "VBD")
    return False


def _modal(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _named(token: Any) -> bool:
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.pos_ == "PROPN"


def _has_entity(sent: Any) -> bool:
    return any(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in sent.ents) or any(
        t.lower_ in PRONOUNS for t in sent
    )


def _own_date(verb: Any) -> bool:
    """ "... was promulgated in 1889 and came into force the following year": a conjoined
    verb with a date of its own is an event of its own."""
    return any(t.ent_type_ == "DATE" for c in verb.children if c.dep_ != "conj" for t in c.subtree)


def _comma_before(verb: Any) -> bool:
    """ ", and started ...": a comma between the conjunct and what it is joined to."""
    head = verb.head
    between = verb.doc[min(head.i, verb.i) : max(head.i, verb.i)]
    return any(t.text in (",", ";") and t.head in (head, verb) for t in between)


def _copula_ok(verb: Any, dated: bool) -> bool:
    """Keep "was part of X in 1907", "were against Y", "was able to Z"; drop "was the leader"."""
    if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
        return True
    for comp in verb.children:  # "was able to get rid of"
        if comp.dep_ == "acomp" and any(g.dep_ == "xcomp" for g in comp.children):
            return True
    if any(c.dep_ == "prep" and c.lower_ in RELATION_PREPS for c in verb.children):
        return True
    return dated


def _predicates(sent: Any, people: People) -> list[tuple[Any, str]]:
    """(head token, title) for each statement of something that happened."""
    if not _has_entity(sent):
        return []
    dated = any(t.ent_type_ == "DATE" or t.like_num for t in sent)
    found = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or not _is_finite(tok) or _modal(tok):
            continue
        subj = _subject(tok)
        dep = tok.dep_
        inherited = _subject(tok.head) if dep == "conj" and subj is None else None
        if dep == "ROOT":
            ok = subj is not None or tok.pos_ == "VERB"
        elif dep == "conj":
            ok = subj is not None or _comma_before(tok) or _own_date(tok)
        elif dep == "advcl":
            mark = next((c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")), "")
            ok = (
                mark in CLAUSE_MARKS
                and subj is not None
                and (_named(subj) or subj.lower_ in PRONOUNS)
                and tok.pos_ == "VERB"
            )
        elif dep == "relcl":
            ok = subj is not None and _named(subj)
        elif dep == "ccomp":  # "There is where his involvement ... began"
            ok = subj is not None and (
                any(c.dep_ == "expl" for c in tok.head.children)
                or (tok.head.lemma_ in REPORTING and tok.pos_ == "VERB")  # what was reported
            )
        else:
            ok = False
        if not ok:
            continue
        is_copula = tok.pos_ == "AUX" or tok.lemma_ == "be"
        if is_copula and not _copula_ok(tok, dated):
            continue
        found.append((tok, _title(tok, subj or inherited, people)))
    reported = {tok.head.i for tok, _title_ in found if tok.dep_ == "ccomp"}
    # "Rain flooded the towns, officials said": the attribution after its news is no event
    return [
        (tok, title)
        for tok, title in found
        if not (tok.i in reported and any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children))
    ]


def _nominal_events(sent: Any) -> list[tuple[Any, str]]:
    """Named happenings in a temporal phrase: "after Lenin's death", "up to the 1917 Revolution"."""
    out = []
    for tok in sent:
        if tok.lower_ not in EVENT_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        prep = tok.head if tok.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in TEMPORAL_PREPS:
            continue
        if prep.lower_ == "to" and not (prep.i > 0 and prep.nbor(-1).lower_ in ("up", "leading")):
            continue  # "up to the revolution" is a time; "elected to Congress" is not
        owner = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("poss", "compound") or c.ent_type_ not in ("", "DATE", "TIME")
            ),
            None,
        )
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is None and not tok.text[:1].isupper():
            continue
        span = sent.doc[min(t.i for t in tok.subtree) : tok.i + 1]
        words = [t.text for t in span if t.dep_ != "det" and not t.like_num]
        if of is not None:
            words += [t.text for t in of.subtree]
        out.append((span, _clean_title(" ".join(words))))
    return out


def _dated_statement(sent: Any, people: People) -> tuple[Any, str] | None:
    """A dated sentence that names no one ("The city was burned in 480 B.C."), or a
    verbless dated line of a chronology ("1453 - Fall of Constantinople")."""
    if not any(t.ent_type_ == "DATE" or (t.text.isdigit() and len(t.text) in (3, 4)) for t in sent):
        return None
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and _is_finite(root) and not _modal(root):
        subj = _subject(root)
        if subj is not None and not _DATE_PREFIX.match(sent.text):
            title = _title(root, subj, people)
            if len(title.split()) >= 2:
                return root, title
    plain = _EMPHASIS.sub("", sent.text)
    lead = _DATE_PREFIX.match(plain) or _DATE_LABEL.match(plain)
    if lead is not None:
        rest = plain[lead.end() :]
    else:
        rest = " ".join(t.text for t in sent if not _date_part(t))
    title = _clean_title(rest.strip(" -:\u2013\u2014.,;"))
    if len(title.split()) < 2 or not any(w[:1].isupper() for w in title.split()):
        return None
    return sent, title


def _dated_conjuncts(root: Any, people: People) -> list[tuple[Any, str]]:
    """Verbs joined to a dated statement's root with dates of their own ("... and came
    into force the following year"), titled with the root's subject."""
    if not hasattr(root, "i"):  # a verbless chronology line (a Span)
        return []
    subj = _subject(root)
    return [
        (verb, _title(verb, _subject(verb) or subj, people))
        for verb in root.conjuncts
        if verb.pos_ == "VERB" and verb.i > root.i and _is_finite(verb) and _own_date(verb)
    ]


def _date_part(tok: Any) -> bool:
    """A date token, or the preposition that introduces one ("In" of "In 218 BC")."""
    if tok.ent_type_ == "DATE":
        return True
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "prep" and nxt is not None and nxt.ent_type_ == "DATE"


# ------------------------------------------------------------------------------ titles
def _phrase(token: Any, *, skip: frozenset[str] = frozenset()) -> list[Any]:
    return [t for t in token.subtree if t.dep_ not in skip]


SUBJECT_SKIP = frozenset({"relcl", "appos", "punct", "acl", "advmod", "prep", "det"})


def _subject_words(subj: Any, people: People) -> list[str]:
    """The subject as a short name: pronouns resolved, appositions and clauses left out."""
    if subj is None or subj.dep_ == "expl":
        return []
    if people.topic_word(subj.text) and people.topic is not None:
        return [people.topic.split()[-1]]
    if subj.ent_type_ == "DATE" or _dateline_word(subj):
        return []  # a dateline ("MOSCOW, Aug. 19 (AP) —") parsed as the subject
    if subj.lower_ in PRONOUNS and subj.dep_ in ("nsubj", "nsubjpass"):
        names = people.antecedent(subj)
        if names:
            return [names.split()[-1]]
    listed = [t for t in _listed(subj) if t.pos_ == "PROPN"]
    if len(listed) > 1:
        words = [t.text for t in sorted(listed, key=lambda t: t.i)]
        return [", ".join(words[:-1]), "and", words[-1]]
    keep: list[Any] = []
    stack = [subj]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(
            c
            for c in tok.children
            if (c.dep_ not in SUBJECT_SKIP or (c.dep_ == "punct" and _inner(c)))
            and c.ent_type_ not in ("DATE", "TIME")
        )
    tokens = [t for t in sorted(keep, key=lambda t: t.i) if t.pos_ != "PUNCT" or _inner(t)]
    if tokens and tokens[-1].lower_ in ("and", "or"):
        tokens.pop()
    return [_join(tokens[:6])] if tokens else []


def _inner(tok: Any) -> bool:
    """Punctuation inside a word: the hyphen of "42-line"."""
    return (
        not tok.whitespace_
        and tok.i > 0
        and not tok.nbor(-1).whitespace_
        and tok.i + 1 < len(tok.doc)
    )


def _title(verb: Any, subj: Any, people: People) -> str:
    """ "Stalin expelled from the school": subject, verb, its object or first phrase."""
    if verb.lemma_ == "be":
        for comp in [verb, *[c for c in verb.children if c.dep_ == "acomp"]]:
            xcomp = next((c for c in comp.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if xcomp is not None:
                verb = xcomp
                break
    words: list[str] = list(_subject_words(subj, people))
    words += [c.text for c in verb.children if c.dep_ in ("neg", "auxpass") and c.lower_ != "being"]
    words.append(verb.text)
    for child in verb.children:
        if child.i < verb.i or child.ent_type_ in ("DATE", "TIME"):
            continue  # "returned the following spring": the date is in ``when``
        small_clause = child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN", "ADJ")
        if child.dep_ in ("prt", "dobj", "attr", "acomp", "oprd", "dative") or small_clause:
            words.append(_join(_cut(_pruned(child), 5)))
        elif child.dep_ == "ccomp" and verb.lemma_ in REPORTING and len(words) < MAX_TITLE_WORDS:
            words.append(_join(_cut(_pruned(child), MAX_TITLE_WORDS + 2 - len(words))))
            break
        elif child.dep_ in ("prep", "agent", "xcomp") and len(words) < MAX_TITLE_WORDS - 2:
            phrase = _pruned(child)  # its own words: "to the state legislature, where ..."
            if _date_part(child) or any(
                t.ent_type_ in ("DATE", "TIME") or t.like_num for t in phrase
            ):
                continue  # the date is in ``when``, not in the title
            if child.dep_ == "prep" and child.lower_ in ("in", "on", "at", "by", "during", "for"):
                if not any(t.ent_type_ in ("GPE", "LOC", "ORG", "PERSON") for t in phrase):
                    continue
            words.append(_join(_cut(phrase, 6)))
            break
    return _clean_title(" ".join(words[: MAX_TITLE_WORDS + 3]))


PRUNED = frozenset({"relcl", "acl", "appos", "advcl", "punct", "mark"})
REPORTING = frozenset("say announce report tell state declare warn claim predict".split())
"""Verbs whose event is what they report: the title carries the clause."""


def _pruned(head: Any) -> list[Any]:
    """A phrase's tokens in order, without its clauses, appositions and dates."""
    keep = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if tok is not head and (tok.dep_ in PRUNED or _date_part(tok)):
            continue
        keep.append(tok)
        stack.extend(tok.children)
    return sorted(keep, key=lambda t: t.i)


def _cut(tokens: Sequence[Any], limit: int) -> list[Any]:
    """At most ``limit`` tokens, not ending on a dangling "in the" or "and"."""
    kept = list(tokens[:limit])
    if len(tokens) > limit:
        while kept and kept[-1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT"):
            kept.pop()
    return kept


def _join(tokens: Sequence[Any]) -> str:
    """Tokens as the text wrote them: "X-ray", not "X - ray"."""
    out = ""
    for k, tok in enumerate(tokens):
        adjacent = k + 1 < len(tokens) and tokens[k + 1].i == tok.i + 1
        out += tok.text_with_ws if adjacent else tok.text + " "
    return out.strip()


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+([,.;:’'])", r"\1", title)
    title = re.sub(r"\s+", " ", title).strip(" ,;:-(")
    words = title.split()
    if len(words) > MAX_TITLE_WORDS + 2:
        title = " ".join(words[:MAX_TITLE_WORDS]) + "…"
    return title[:1].upper() + title[1:] if title else title


# ------------------------------------------------------------------------------ claims
def _listed(token: Any) -> list[Any]:
    """A token and the names listed with it ("Stalin, Kamenev, and Zinoviev")."""
    out = [token, *token.conjuncts]
    out += [c for t in list(out) for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return out


def _claims(verb: Any, people: People) -> list[str]:
    """Who sided with or against whom: "ally:a|b" and "oppose:a|b" claims."""
    subj = _subject(verb)
    if subj is None and verb.dep_ == "conj":
        subj = _subject(verb.head)
    if subj is None:
        return []
    sides_a = people.names(_listed(subj))
    lemma = verb.lemma_
    out: list[str] = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *[g for o in objects for g in o.children if g.dep_ == "prep"]]:
        targets: list[str] = []
        relation = ""
        if child.dep_ == "prep" and child.lower_ in ("against", "with"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            targets = people.names([o for obj in objs for o in _listed(obj)])
            relation = "oppose" if child.lower_ == "against" else "ally"
        elif child.dep_ == "dobj" and lemma in ("join", "support", "back"):
            targets = people.names([child, *child.conjuncts])
            relation = "ally"
        elif child.dep_ == "dobj" and lemma in ("oppose", "defeat", "outpower", "expel"):
            targets = people.names([child, *child.conjuncts])
            relation = "oppose"
        if relation == "ally" and lemma in ("share", "join", "ally", "side"):
            relation = "ally"
        for a in sides_a:
            for b in targets:
                if a != b:
                    out.append(f"{relation}:{'|'.join(sorted((a, b)))}")
        if relation and len(sides_a) > 1 and relation == "oppose":
            for i, a in enumerate(sides_a):
                for b in sides_a[i + 1 :]:
                    out.append(f"ally:{'|'.join(sorted((a, b)))}")
    return out


# ------------------------------------------------------------------------------ dating
def _overlapping(times: Sequence[TimeMention], start: int, end: int) -> list[TimeMention]:
    return [m for m in times if m.span.start < end and start < m.span.end]


def _placed(m: TimeMention) -> bool:
    w = m.when
    if w.type in ("SET",) or w.ref is not None:
        return False
    p = w.start or w.end
    return p is not None and p.year is not None


def _basis(m: TimeMention) -> str:
    return "explicit" if m.anchored == "explicit" else "relative"


def _date(
    drafts: list[Draft],
    times: Sequence[TimeMention],
    text: str,
    links: dict[int, tuple[bool, int]],
) -> None:
    """Give each draft its date: own clause, sentence, then the block's previous sentence."""
    prev: Draft | None = None
    nearest = _assign(drafts, times, links)
    weak = {start for start, link in links.items() if link[0] is False}
    by_anchor = {(d.start, d.anchor): d for d in drafts}
    for d in drafts:
        sentence = [
            m
            for m in _overlapping(times, d.start, d.end)
            if _placed(m) and links.get(m.span.start) != YARDSTICK
        ]
        own = nearest.get(id(d), [])
        durations = [
            m
            for m in _overlapping(times, *d.clause)
            if m.when.type == "DURATION" and m.when.duration
        ]
        head = by_anchor.get((d.start, d.conj_of)) if d.conj_of is not None else None
        if head is not None and head.when is not None and not _firm(d, own, weak):
            # "In 1891 she moved to Paris and enrolled at the Sorbonne, where ... in 1893"
            d.when, d.basis, d.date_text = head.when, head.basis, head.date_text
            prev = d
            continue
        pick = own[0] if own else sentence[0] if sentence else None
        if pick is not None:
            d.when = pick.interval or pick.when
            d.basis, d.date_text = _basis(pick), pick.text
            if d.when.type == "DURATION" and d.when.start is not None:
                d.kind = "period"
        elif (
            prev is not None and prev.block == d.block and prev.when is not None and not d.sequence
        ):
            d.when, d.basis = prev.when, "contextual"
            if durations and prev.when.start is not None:
                spanned = _span_from(prev.when, durations[0].when.duration or "")
                if spanned is not None:
                    d.when, d.basis, d.kind = spanned, "relative", "period"
                    d.date_text = durations[0].text
        elif prev is not None and prev.when is not None and durations and not d.sequence:
            spanned = _span_from(prev.when, durations[0].when.duration or "")
            if spanned is not None:
                d.when, d.basis, d.kind = spanned, "relative", "period"
                d.date_text = durations[0].text
        if d.when is not None and d.when.is_interval and d.when.start and d.when.end:
            d.kind = "period" if d.kind == "period" or d.when.type == "DURATION" else d.kind
        prev = d


def _firm(d: Draft, own: Sequence[TimeMention], weak: set[int]) -> bool:
    """The draft has a date of its own, not only one from a clause that is no event."""
    return any(m.span.start not in weak for m in own)


def _assign(
    drafts: list[Draft], times: Sequence[TimeMention], links: dict[int, tuple[bool, int]]
) -> dict[int, list[TimeMention]]:
    """Each dated expression of a sentence goes to the event it modifies in the parse
    ("ended ... in 404 B.C."), else to the nearest event of that sentence; one that
    modifies a clause that is no event ("begun in 431 B.C.") comes last."""
    ranked: dict[int, list[tuple[int, int, TimeMention]]] = {}
    by_sentence: dict[tuple[int, int], list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault((d.start, d.end), []).append(d)
    for (start, end), group in by_sentence.items():
        for m in _overlapping(times, start, end):
            if not _placed(m) or links.get(m.span.start) == YARDSTICK:
                continue
            middle = (m.span.start + m.span.end) / 2
            best = min(group, key=lambda d: (abs(d.anchor - middle), d.anchor))
            rank = 1
            link = links.get(m.span.start)
            if link is not None:
                is_event, anchor = link
                linked = next((d for d in group if d.anchor == anchor), None)
                if is_event and linked is not None:
                    best, rank = linked, 0
                elif not is_event:
                    rank = 2
            ranked.setdefault(id(best), []).append((rank, m.span.start, m))
    return {k: [m for _r, _s, m in sorted(v, key=lambda x: x[:2])] for k, v in ranked.items()}


SUBORDINATE = frozenset({"acl", "relcl", "advcl"})
YARDSTICK = (False, -1)
"""The link of a date that dates no event of its sentence ("the worst since 1967")."""


def _comparison_since(tok: Any) -> bool:
    """ "the worst flooding since 1967": a yardstick, not when the event happened."""
    prep = tok.head
    if prep.lower_ != "since" or tok.dep_ != "pobj":
        return False
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("first", "last") for t in prep.head.subtree)


def _attachments(
    doc: Any, offset: int, times: Sequence[TimeMention], anchors: set[int]
) -> dict[int, tuple[bool, int]]:
    """Where each time expression hangs in the parse: (True, the event anchor it modifies)
    or (False, a subordinate clause that is no event), by the mention's start offset."""
    out: dict[int, tuple[bool, int]] = {}
    for m in times:
        span = doc.char_span(m.span.start - offset, m.span.end - offset, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        if _comparison_since(tok):
            out[m.span.start] = YARDSTICK
            continue
        # "in 404 B.C." and "early the next year" attach reliably; a bare written date
        # ("GENEVA, March 3, 2021 -") is more often a dateline or an apposition
        via_preposition = tok.dep_ == "pobj" or (
            tok.dep_ == "npadvmod" and not any(ch.isdigit() for ch in m.text)
        )
        for _ in range(12):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            where = offset + tok.idx
            if where in anchors:
                if via_preposition:
                    out[m.span.start] = (True, where)
                break
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in SUBORDINATE:
                out[m.span.start] = (False, where)
                break
    return out


def _span_from(when: TimeValue, duration: str) -> TimeValue | None:
    """ "for ten years" after a dated event: from that date to that date plus the span."""
    m = re.fullmatch(r"P(\d+)Y", duration)
    start = when.end if when.end is not None else when.start
    if not m or start is None or start.year is None or start.granularity != "year":
        return None
    end = TimePoint("year", year=start.year + int(m.group(1)))
    return TimeValue(start=start, end=end)


def _order_bounds(drafts: list[Draft]) -> None:
    """Undated events lie between their dated neighbours in narrative order."""
    dated = [(i, d.when) for i, d in enumerate(drafts) if d.when is not None and d.basis != "order"]
    for i, d in enumerate(drafts):
        if d.when is not None:
            continue
        before = next((w for j, w in reversed(dated) if j < i), None)
        after = next((w for j, w in dated if j > i), None)
        lo = (before.start or before.end) if before is not None else None
        hi = (after.end or after.start) if after is not None else None
        if lo is None and hi is None:
            continue
        if lo is not None and hi is not None:
            lo_day, hi_day = lo.earliest(), hi.latest()
            if lo_day is None or hi_day is None or lo_day > hi_day:
                hi = None
        d.when = TimeValue(
            start=lo, end=hi, open_start=lo is None, open_end=hi is None, inferred=True
        )
        d.basis = "order"


# ------------------------------------------------------------------------------ output
def _event(source: Source, d: Draft, text: str) -> Event:
    quote = text[d.start : d.end]
    key = f"{source.id}:{d.start}:{d.end}:{d.title}:{EXTRACTOR}"
    eid = "ev-" + hashlib.sha256(key.encode()).hexdigest()[:12]
    return Event(
        id=eid,
        title=d.title or quote[:60],
        kind="period" if d.kind == "period" else "event",
        when=d.when,
        basis=d.basis,  # type: ignore[arg-type]
        evidence=(Evidence(source.id, d.start, d.end, quote),),
        participants=tuple(d.participants),
        date_text=d.date_text,
        claims=tuple(d.claims),
    )


__all__ = ["EXTRACTOR", "blocks", "extract_events", "replace"]

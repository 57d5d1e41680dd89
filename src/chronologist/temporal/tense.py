"""The tense of the clause around a time expression, from surface cues.

News names days and months without their year or week ("Friday", "in March"); the clause
says which way they point: "said Friday" is the last Friday, "will meet Friday" the next.
The cues are word lists of the lexicon (``tense`` in ``data/<lang>.yaml``); this module
reads them over the tokens, with no parser, so that tagging stays fast.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache

from chronologist.temporal.lexicon import LEAD_DIRECTIONS, TenseWords
from chronologist.temporal.tokens import Token

PRESENT = 2
"""A present-tense verb: the clause's direction is unknown."""
UNSURE = 3
"""A marker that settles the tense as unknown: a plan since changed, "had been due to"."""
UNTIL = LEAD_DIRECTIONS["until"]
SCAN = 10
"""How many tokens either side of a time expression the tense scan looks at."""
LEAD_SPAN = 4
"""How many tokens before an expression a lead phrase ("as soon as") may stand."""
MODAL_LEADS = frozenset({"cannot", "will", "would", "wo", "shall"})
"""Auxiliaries besides the modals before which a past form is no past ("cannot be ruled
out")."""
AWAITING = frozenset({"await", "awaits", "awaited", "awaiting", "anticipating", "eyeing"})
"""Verbs whose object is still to come ("awaited Friday's report")."""
PHRASAL_ONLY = {"steps": ("down", "aside", "up")}
"""Words that are verbs only before these particles ("steps down"), else nouns ("steps")."""
COMPARISON_SPAN = 6
"""How far back from a time "up from" or "compared with" may stand ("up from about 7
percent in January")."""
PAST_BEFORE_SPAN = 5
"""How many words before a participle lead ("starting") a past verb may stand."""
SENTENCE_END = frozenset({".", "!", "?", ";"})
STARTERS = frozenset(
    {"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "this", "on", "in", "at"}
    | {"after", "before", "by", "when", "as", "there", "then", "his", "her", "their", "its"}
)
"""Words that open a sentence after an abbreviation's period ("... in the U.S. The")."""
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "sgt"}
    | {"capt", "prof", "rev", "mt", "ft", "vs", "no", "adm", "maj", "cmdr"}
)
"""Abbreviations whose period ends no sentence before a capital ("St. Vincent")."""
FINITE_AFTER_SUBJECT = frozenset(
    {"had", "has", "have", "was", "were", "is", "are", "said", "says", "will", "would"}
)
"""Finite verbs that, after a capitalised word, show it opens a clause as its subject."""
BE = frozenset({"be", "been", "being", "is", "are"})
"""Forms of "be" after which a participle is no past tense ("is heard", "to be completed")."""
BARE_VERB_LEADS = frozenset({"will", "would", "to"})
"""With the modals, words after which a verb is in its bare form ("will set up")."""
NOT_VERB = frozenset(
    {"to", "will", "not", "t", "never", "on", "in", "at", "of", "for", "with", "by"}
)
"""Before a word of schedule, these make it no present tense ("to meet", "did not meet",
"on hold")."""
COULD_BE_AHEAD = frozenset({"before", "by", "until", "within", "in"})
"""After "could be" and a participle, these make a possibility ahead ("could be chosen before
Easter"), not an ability in the past ("could be located Wednesday")."""


def possessive_s(toks: list[Token], j: int) -> bool:
    """ "'s" stands at ``j`` ("Wednesday's match", "Clinton's health plan")."""
    return (
        j >= 0 and j + 1 < len(toks) and toks[j].text in ("'", "\u2019") and toks[j + 1].low == "s"
    )


def tense_at(
    toks: list[Token], i: int, j: int, words: TenseWords, *, schedule: bool = False
) -> int:
    """Tense of the clause around tokens ``i:j``: 1 future, -1 past, 0 unknown.

    A lead phrase just before the expression settles it ("since", "as soon as"; "until"
    looks ahead unless the clause is pluperfect). Otherwise the nearest tense marker before
    the expression decides (English verbs mostly precede their time adverbials); failing
    that, the nearest one after it. A present-tense verb ("is payable Jan. 2") settles it as
    unknown, except for a deadline ("by Monday"), which lies ahead. Scans stop at sentence
    punctuation and look at most ``SCAN`` words away. A possessive weekday ("Wednesday's
    ruling") is past unless a future verb follows.
    """
    i = _part_of_start(toks, i)
    lead = _lead(toks, i, words)
    if possessive_s(toks, j):
        # "Wednesday's match": past unless a future verb follows it, or comes before it
        # ("must prepare for Wednesday's match", "ahead of Friday's release"; not the
        # reported "would ... Wednesday's")
        if lead == 1 or (i > 0 and toks[i - 1].low == "for" and not _clause_after(toks, j + 2)):
            return 1  # "ahead of Friday's release", "tickets for Sunday's game sold out"
        if lead == UNTIL and not pluperfect(toks, i) and not _lasted_until(toks, i, words):
            return 1  # "sitting on their hands until Friday's employment report"
        for_clause = i > 0 and toks[i - 1].low == "for" and _clause_after(toks, j + 2)
        if for_clause and _first_marker(toks, j + 2, 1, words, SCAN)[0] == 1:
            return 1  # "the route for Saturday's parade, which will begin at 4:30 p.m."
        if i > 0 and toks[i - 1].low in ("moved", "rescheduled", "shifted"):
            return 1  # "moved Saturday's game to 7:05 p.m.": a game still to come
        if i > 0 and toks[i - 1].low in AWAITING:
            return 1  # "investors awaited Friday's report on April employment": still to come
        if _next_word(toks, j + 1) == "deadline" and not (i > 0 and toks[i - 1].low == "by"):
            return _deadline_tense(toks, i, words)
        sudden = any(toks[m].low in words.sudden_events for m in in_sentence(toks, j + 2, 1, 3))
        if sudden:
            return -1  # "claims from Tuesday's earthquake could run": it has happened
        if _outcome(toks, j + 2, words) or _subject_of_past(toks, j + 2, words):
            return -1  # "will face Juventus after Friday's draw in Nyon paired them": its verb
        if _past_object(toks, i, j, words):
            return -1  # "won Sunday's election, raising hopes that the country will stay"
        if i > 0 and toks[i - 1].low in ("at", "during"):
            found, m = _first_marker(toks, i - 2, -1, words, SCAN)
            if found == -1 and reports(toks[m].low, words):
                return -1  # "told reporters at Tuesday's briefing that Obama would sign":
                # the occasion of a statement made
        ahead = _scan(toks, j + 2, 1, words, through_present=True)
        return 1 if ahead == 1 or _scan(toks, i - 1, -1, words, skip=("would",)) == 1 else -1
    if lead == UNTIL:  # "until Thursday, they had not called him" looks back from the past
        had_after = _had_within(toks, j, 1, comma=not _opens(toks, i, words))
        if pluperfect(toks, i) or had_after or _not_until(toks, i, words):
            return -1
        main = _opens(toks, i, words) and _first_marker(toks, j, 1, words, SCAN)[0] == -1
        return -1 if main or _lasted_until(toks, i, words) else 1  # "Until January, contacts
        # with the PLO were illegal": a state that ended
    if lead:
        return lead
    if _comparison_base(toks, i):
        return -1  # "8.2 percent last week, up from about 7 percent in January": the base
    if _funded_through(toks, i, words):
        return 1  # "emergency funds to pay for operations through Sept. 30": a span to come
    if _foretold(toks, i, words):
        return 1  # "The Weather Service predicted mostly sunny skies Saturday and Sunday"
    if _planned_then(toks, j, words):
        return -1  # "The governor on Wednesday scheduled a special election": the act's day
    edge = [t.low for t in toks[j : j + 3]]
    if edge in (["at", "the", "earliest"], ["at", "the", "latest"]):
        return 1  # "could not vote before Wednesday at the earliest": a bound still ahead
    if _booked(toks, i, words):
        return 1  # "reservations for February were down", "oil for delivery in December"
    if _closing_price(toks, i):
        return -1  # "a premium over Orinda's closing price on Tuesday": a price set
    if i > 1 and toks[i - 1].low == "of" and toks[i - 2].low == "deadline":
        return _deadline_of(toks, i - 3, words)
    status = i > 1 and toks[i - 1].low == "of" and toks[i - 2].low == "as"
    if status and _first_marker(toks, i - 3, -1, words, 2 * SCAN)[0] == -1:
        return -1  # "had stopped serving onions at all 30 of its locations as of Friday"
    if status and _first_marker(toks, j, 1, words, SCAN, comma=True)[0] == -1:
        return -1  # "Its ratio of equity to total assets as of Sept. 30 was 3.6%"
    if _set_ahead(toks, i, j, words, schedule=schedule) or _away(toks, j):
        return 1
    # "whether December was a bump" (not "guidelines due in early November were delayed",
    # "the quake that struck Tuesday evening will cost insurers")
    subject = i == 0 or toks[i - 1].low in SUBJECT_AFTER or ends_sentence(toks, i - 1)
    subject_of = toks[j].low if j < len(toks) and subject else ""
    if subject_of in ("was", "were", "had"):
        return -1
    if subject_of in ("will", "shall"):
        return 1
    reported = i > 0 and toks[i - 1].low in words.reporting and j < len(toks)
    if reported and toks[j].low in ("will", "would", "could", "should", "might"):
        return 1  # "Forecasters said Saturday would be nearly as hot": the reported subject
    # "if no deal is reached by Monday", "moves the deadline to Oct. 15"
    deadline = i > 0 and (toks[i - 1].low == "by" or _deadline_before(toks, i - 1))
    if _headline_plan(toks, i, words):
        return 1  # "Cardinals to begin conclave Tuesday", "Leaders to Meet Friday"
    conjunct = _conjunct_verb(toks, i, j, words)
    if conjunct:
        return conjunct  # "has pressed the bank ... and in January signed": the verb after
    if deadline and _word_in_clause(toks, i, ("if", "unless"), SCAN) and not pluperfect(toks, i):
        return 1  # "would introduce legislation if the parties did not reach a deal by Friday"
    if deadline and _word_in_clause(toks, i, words.foretold, 2 * SCAN):
        return 1  # "Forecasters predicted more storms, with 3 inches of rain possible by Monday"
    if deadline and _promised(toks, i, words):
        return 1  # "promised free elections by April": the deadline of what was promised
    if deadline and _modal_before(toks, i, words):
        return 1  # "warned that travelers could see longer lines by early April"
    clause = _relative_clause(toks, i, words)
    if clause is None and _participle_phrase(toks, i, words):
        return -1  # "The final round, postponed by rain Sunday afternoon, will be completed"
    aside = _plan_aside(toks, i, j, words) if clause is None else None
    if aside is not None:
        return aside  # "The ceremony, scheduled for 11 a.m., began at noon": what was planned
    for step, first in ((-1, i - 1), (1, j)):
        far = step == 1 and deadline and _will_far(toks, i, words)
        if far and not _had_within(toks, i - 1, -1, span=2 * SCAN):
            return 1  # "said temperatures could top 100 degrees in ... by Thursday, and ..."
        found = _scan(toks, first, step, words)
        if not found and step == -1 and clause is not None:
            found = clause  # ", which released ... at once in February": back to its "which"
        if found == -1 and step == -1 and _reported(toks, i, j, words):
            return 1  # "said the game on Saturday would be played": the report's own tense
        if found == -1 and step == 1 and _attribution(toks, j, words):
            if not _opens(toks, i, words):
                break  # "... through Saturday morning, forecasters said Wednesday": the report's
        if found == UNSURE:
            return 0  # "had been due to choose ... in May": the plan's time, either side
        if found:
            if found == PRESENT and step == -1 and _in_condition(toks, i):
                return 1  # "unless a deal is reached over the weekend": a condition ahead
            if found == PRESENT and step == -1 and _word_in_clause(toks, i, ("since",), SCAN):
                return -1  # "who has governed since the collapse of the government in April"
            if found == PRESENT:  # "is payable Jan. 2"; "ministers are meeting on Wednesday"
                # "is in effect through 8 p.m. Thursday": a state lasting to a day ahead
                lasting = i > 0 and toks[i - 1].low in ("through", "till")
                arranged = schedule and _arranged(toks, first, step, words)
                ahead = _going_to(toks, j, words, opens=_opens(toks, i, words))
                return 1 if deadline or lasting or arranged or ahead else 0
            return found
        if clause is not None:
            break  # "Apple, which reports again in October, has tripled": the clause's own
    if deadline and _had_within(toks, i - 1, -1, span=2 * SCAN):
        return -1  # "had cast ballots in this city's mayoral election by 5 p.m. Wednesday"
    if deadline and _first_marker(toks, i - 1, -1, words, 2 * SCAN)[0] == -1:
        return -1  # "The season started early, with ... hospitals reporting full rooms by
        # Christmas": the sentence's past verb, further back
    if deadline or _will_far(toks, i, words):
        return 1  # "will meet with officials ... in Washington on Friday"
    if i > 1 and toks[i - 1].low == "through" and toks[i - 2].low not in NOT_SPAN_AHEAD:
        found, m = _first_marker(toks, i - 1, -1, words, 2 * SCAN)
        if found == -1 and not reports(toks[m].low, words):
            return -1  # "ratings were running 23 percent ahead of ... through Sunday": gone by
        return 1  # "legislation funding the government through Sept. 30": a span to come
    verb = toks[i - 1].text if i > 1 else ""
    if verb.isalpha() and verb.islower() and toks[i - 2].low == "to":
        return 1  # "City pools to open Saturday": an infinitive no verb governs, a plan
    found, m = _first_marker(toks, i - 1, -1, words, 2 * SCAN)
    if found == 1 and schedule and toks[m].low in words.scheduled:
        return 1  # "He meets Prime Minister Junichiro Koizumi and ... on Tuesday": a plan
    return found if found in (-1, 1) and _plain(toks, m, words) else 0  # "is due to deliver
    # his third state of the nation address to Congress on Monday"


def _plain(toks: list[Token], m: int, words: TenseWords) -> bool:
    """Token ``m`` tells its clause's tense beyond doubt: "will", "to" after a word of intent
    ("due to"), "called for" ahead; "after" or "since" before an "-ing" verb back."""
    word = toks[m].low
    if word in ("after", "since"):
        return True  # "after beating the defending champion in three sets at ... on Friday"
    if word == "to":
        return m > 0 and toks[m - 1].low in words.looks_ahead_to
    called_for = word in ("called", "calls") and _next_word(toks, m) == "for"
    return word in ("will", "shall") or called_for


def _conjunct_verb(toks: list[Token], i: int, j: int, words: TenseWords) -> int:
    """The tense of the verb right after the expression at ``i:j`` when the expression opens
    a conjoined predicate ("and in January signed", "but on Friday will vote")."""
    k = i - (i > 0 and toks[i - 1].low in CONJUNCT_PREPOSITIONS)
    if k < 1 or toks[k - 1].low not in ("and", "but") or j >= len(toks):
        return 0
    found = _marker(toks, j, words) if toks[j].text.islower() else 0
    return found if found in (-1, 1) else 0


CONJUNCT_PREPOSITIONS = frozenset({"in", "on", "at", "during"})
"""Prepositions that may stand between "and" and the time opening a conjoined predicate."""

LENGTHS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
"""Plural units: "left" after one, before "before", tells of time still to come ("four
days left before Saturday's primary"; not "with 28 seconds left Thursday night")."""

PART_OF = frozenset({"hours", "night", "morning", "evening", "afternoon", "eve"})
"""Nouns of a part of a day in "the early hours of Saturday", "the night of March 7"."""


def _part_of_start(toks: list[Token], i: int) -> int:
    """Where "the (early) hours of", "the night of" begins before the day at ``i``: the
    clause's words lie before it ("agreed ... in the early hours of Saturday")."""
    if i < 3 or toks[i - 1].low != "of" or toks[i - 2].low not in PART_OF:
        return i
    k = i - 3 - (toks[i - 3].low in ("early", "small", "wee", "late"))
    return k if k >= 0 and toks[k].low == "the" else i


def _going_to(toks: list[Token], j: int, words: TenseWords, *, opens: bool) -> bool:
    """After token ``j``, a present "be" is followed by "going to" ("Monday I'm going to
    sleep until 9"), or by "scheduled", "expected", "due" past the comma of an opening
    phrase ("On Tuesday, the department is scheduled to report")."""
    found, m = _first_marker(toks, j, 1, words, SCAN, comma=True)
    if found == PRESENT and _next_word(toks, m) == "going" and _next_word(toks, m + 1) == "to":
        return True
    if not opens or j >= len(toks) or toks[j].text != ",":
        return False  # not "since the election on December 4, is due to start"
    found, m = _first_marker(toks, j + 1, 1, words, SCAN, comma=True)
    return found == PRESENT and _next_word(toks, m) in words.planned


def _word_in_clause(toks: list[Token], i: int, wanted: Collection[str], span: int) -> bool:
    """One of ``wanted`` stands within ``span`` words before ``i`` in the same clause (not
    behind a comma)."""
    return _find_in_clause(toks, i, wanted, span) is not None


def _find_in_clause(toks: list[Token], i: int, wanted: Collection[str], span: int) -> int | None:
    """Where the nearest of ``wanted`` stands, as ``_word_in_clause`` finds it, or None."""
    for m in in_sentence(toks, i - 1, -1, span):
        if toks[m].text == ",":
            return None
        if toks[m].low in wanted:
            return m
    return None


def _in_condition(toks: list[Token], i: int) -> bool:
    """ "if", "unless" or a conjunction of time ("before", "once", "when") opens the clause
    of the expression at ``i``: its present tense speaks of what is ahead."""
    return _word_in_clause(toks, i, ("if", "unless", "before", "once", "when"), SCAN)


def _first_marker(
    toks: list[Token], k: int, step: int, words: TenseWords, span: int, *, comma: bool = False
) -> tuple[int, int]:
    """The first tense marker from token ``k`` on in direction ``step`` and its index (0 and
    -1 when none comes within ``span`` words, or, for ``comma``, before a comma)."""
    for m in in_sentence(toks, k, step, span):
        if comma and toks[m].text == ",":
            break
        found = _marker(toks, m, words)
        if found:
            return found, m
    return 0, -1


def says_when(toks: list[Token], i: int, j: int, words: TenseWords) -> bool:
    """The verb of the clause around tokens ``i:j`` reports speech ("told reporters at 10:30
    a.m.", "At 6:40 a.m., an army spokesman announced"): the time says when it was said."""
    k = i - 1
    stated = k >= 3 and toks[k - 1].low in words.statements and toks[k - 3].low == "in"
    if stated and toks[k].low == "at":
        k -= 3  # "said in a statement at midday"
    found, m = _first_marker(toks, k, -1, words, LEAD_SPAN, comma=True)
    if not found and _opens(toks, i, words):
        found, m = _first_marker(toks, j, 1, words, LEAD_SPAN + 2)
    if found != -1 or not reports(toks[m].low, words):
        return False
    if any(toks[k].low == "that" for k in range(m + 1, i)):
        return False  # "officials said that by dawn 40,000 were without power": reported
    return m == 0 or toks[m - 1].low not in ("was", "were", "been")  # not "the fire was
    # reported at"; a verb opening the text has no word before it


NOUN_OPENERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
"""Articles and possessives that open a noun phrase ("scheduled a special election")."""

QUANTIFIERS = frozenset({"only", "more", "fewer", "less", "many", "few", "several", "some", "most"})
"""Words before an "-ed" word and a noun that make it an adjective ("only scattered problems")."""

VERB_PREFIXES = frozenset({"re", "co", "pre", "un", "de", "mis", "over", "under", "out", "cross"})
"""Prefixes that make a verb of a hyphen compound ("re-opened", "co-founded")."""

SUBORDINATORS = frozenset({"after", "before", "while", "because", "although", "though", "as"})
"""Words that open, after a comma, an adverbial clause with a tense of its own."""
PASSIVE_BE = frozenset({"was", "were", "been", "being", "is", "are"})
"""Forms of "be" before a passive verb of control ("were asked to pull ... by Monday")."""


def _outcome(toks: list[Token], k: int, words: TenseWords) -> bool:
    """Within three words from ``k``, past a score, a contest's outcome heads the phrase
    ("Saturday's 2-1 win at Villa", "Sunday's stunning defeat"; not "Saturday's victory
    parade")."""
    for m in in_sentence(toks, k, 1, 3):
        if toks[m].low in words.results:
            after = _next_word(toks, m)
            return not after[:1].isalpha() or after in words.after_results
    return False


def _past_object(toks: list[Token], i: int, j: int, words: TenseWords) -> bool:
    """The possessive weekday at ``i:j`` opens the object of a past verb just before it (not
    one of saying, planning or putting off), and no future verb follows before a comma: one
    past it tells a clause of its own ("won Sunday's election, raising hopes that ... will")."""
    if i == 0 or _marker(toks, i - 1, words) != -1:
        return False
    verb = toks[i - 1].low
    if reports(verb, words) or verb in words.prolong or verb in words.arranging:
        return False
    return _first_marker(toks, j + 2, 1, words, SCAN, comma=True)[0] != 1


def _booked(toks: list[Token], i: int, words: TenseWords) -> bool:
    """What is booked or due stands before ``i``: "reservations for February", "for
    delivery in December" (a contract's month, ahead whatever the price did)."""
    if i > 1 and toks[i - 1].low == "for" and toks[i - 2].low in words.booked:
        return True
    return (
        i > 2
        and toks[i - 3].low == "for"
        and toks[i - 2].low in words.booked
        and toks[i - 1].low == "in"
    )


def _subject_of_past(toks: list[Token], k: int, words: TenseWords) -> bool:
    """The noun phrase from ``k`` on is the subject of a past verb within four words, with no
    comma between ("Friday's draw in Nyon paired two sides")."""
    return _first_marker(toks, k, 1, words, 4, comma=True)[0] == -1


def _foretold(toks: list[Token], i: int, words: TenseWords) -> bool:
    """The nearest verb before ``i`` foretells ("predicted", "forecast") what stands between
    them: the time told is the forecast's, ahead ("predicted sunny skies Saturday"; not
    "predicted on Monday that", the day it was said, nor "had predicted")."""
    found, m = _first_marker(toks, i - 1, -1, words, SCAN, comma=True)
    if found != -1 or toks[m].low not in words.foretold or (m > 0 and toks[m - 1].low == "had"):
        return False
    return any(toks[k].low not in SAID_LINKS for k in range(m + 1, i))


SAID_LINKS = frozenset({"on", "in", "at", "last", "this", "that", "early", "late", "during"})
"""Words between a verb and the day it names ("forecast in early October")."""


def _planned_then(toks: list[Token], j: int, words: TenseWords) -> bool:
    """Right after the expression ending at ``j`` stands a past verb of planning with its
    object ("on Wednesday scheduled a special election"): the day it was planned on."""
    if j + 1 >= len(toks) or not toks[j].text.islower():
        return False
    word = toks[j].low
    planned = word in words.future and word.endswith("ed")
    return planned and toks[j + 1].low in NOUN_OPENERS


def _closing_price(toks: list[Token], i: int) -> bool:
    """ "closing price on", "stock price on", "Orinda's price on", or a noun "close on"
    ("its close on"), stands before ``i``: the day a market price was set, gone by."""
    if i < 4 or toks[i - 1].low != "on":
        return False
    noun, before = toks[i - 2].low, toks[i - 3].low
    if noun in ("price", "prices", "level") and before in ("closing", "stock", "share", "s"):
        return True
    return noun == "close" and before in ("the", "its", "their", "s")


def _deadline_of(toks: list[Token], k: int, words: TenseWords) -> int:
    """ "set a strike deadline of 12:01 a.m. Monday": a deadline's own time lies ahead,
    unless the clause tells it gone ("missed a deadline of Monday", "had set a deadline of")
    (``k`` is the word before "deadline")."""
    found, m = _first_marker(toks, k, -1, words, SCAN)
    gone = found == -1 and toks[m].low in words.deadline_gone
    return -1 if gone or pluperfect(toks, k + 1) else 1


def _deadline_missed(toks: list[Token], i: int, words: TenseWords) -> bool:
    """A verb that tells a deadline gone governs the day at ``i`` before "deadline", with at
    most a determiner between ("missed their Friday deadline"; not "met hours before the
    Thursday deadline")."""
    k = i - 1 - (i > 1 and toks[i - 1].low in words.determiners)
    return k >= 0 and toks[k].low in words.deadline_gone


def _deadline_tense(toks: list[Token], i: int, words: TenseWords) -> int:
    """ "Monday's deadline": ahead ("running past Monday's deadline", "said Thursday's
    deadline remained") unless a past verb other than one of reporting tells of it ("came
    hours before Thursday's deadline")."""
    found, m = _first_marker(toks, i - 1, -1, words, SCAN)
    return -1 if found == -1 and toks[m].low not in words.reporting else 1


def _set_ahead(toks: list[Token], i: int, j: int, words: TenseWords, *, schedule: bool) -> bool:
    """What stands around the expression at ``i:j`` sets it ahead: "a fundraiser for
    Saturday", "the Thursday deadline", "extended ... through Sunday night", "the vote is
    Friday", "Tuesday is a referendum" (the first two and the last for a weekday); not a
    deadline met "by the Tuesday deadline"."""
    after = toks[j].low if j < len(toks) else ""
    gone = i > 3 and toks[i - 3].low in words.plans_gone_by  # "was originally scheduled for"
    if schedule and i > 0 and toks[i - 1].low == "for" and not pluperfect(toks, i) and not gone:
        return True
    met_by = i > 1 and toks[i - 2].low == "by"  # "tendered by the Tuesday deadline": met
    copula = after == "is" and not _past_relative(toks, i, words)
    if schedule and after == "deadline" and not met_by:
        return not _deadline_missed(toks, i, words)
    if schedule and copula:
        return True
    return _prolonged(toks, i, words) or _copula_before(toks, i, at=schedule)


def _promised(toks: list[Token], i: int, words: TenseWords) -> bool:
    """The nearest tense marker before the deadline at ``i`` is a verb of promising with a
    thing promised after it ("promised free elections by April")."""
    for m in in_sentence(toks, i - 1, -1, SCAN):
        if toks[m].low in words.promises:
            had = m > 0 and toks[m - 1].low == "had"  # "had promised delivery by June"
            return not had and _next_word(toks, m) not in ("to", "that", "in", "on", "at", "last")
        if _marker(toks, m, words):
            return False
    return False


def _away(toks: list[Token], j: int) -> bool:
    """A length and "away" follow the expression ending at ``j``: it lies ahead ("With
    Election Day two months away")."""
    for k in range(j + 1, min(len(toks), j + 4)):
        if toks[k].low == "away" and toks[k - 1].low in LENGTHS:
            return True
    return False


def _past_relative(toks: list[Token], i: int, words: TenseWords) -> bool:
    """Token ``i`` ends a relative clause told in the past ("a man who robbed a bank Monday
    is believed"): the "is" after it is the main clause's."""
    return _clause_back(toks, i, words, ("who", "which", "that"), span=SCAN) == -1


WHO = frozenset({"which", "who", "that", "it", "company"})
"""Subjects after which a word that is also a plural noun ("reports") is the verb."""
SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who"})
"""Subject pronouns: a verb that is its own past after one is finite ("it forecast in")."""
LAST_AS_VERB = frozenset({"will", "would", "to", "not", "did", "does", "ll", "can", "may"})
"""After these, "last" is the verb ("would last six weeks"), no past cue."""
NOT_SPAN_AHEAD = frozenset({"and", "or", "year", "date", "far", "-"})
"""Before "through" and a date, these make it no span ahead ("sales this year through
August", "Monday through Friday")."""
CONCESSIVE = frozenset({"although", "though", "whereas"})
"""Words that open a clause of its own: a tense before them is another clause's."""
RELATIVES = frozenset({"which", "who", "whom", "whose"})
"""Relative pronouns: past them, a forward scan reads a clause about another noun."""

CLOSING_QUOTES = frozenset({'"', "\u201d", "''"})
"""Marks that end a quotation: the attribution after them has its own tense."""
SUBJECT_AFTER = frozenset({"whether", "that", "if", "and", "but", ",", '"', "\u201c"})
"""Words after which a date opens its clause, as the subject of the verb that follows it."""


def _reported(toks: list[Token], i: int, j: int, words: TenseWords) -> bool:
    """The past marker before ``i`` is a reporting verb (with no comma between) and the
    clause reported goes on in the future ("would be played", "will focus")."""
    for m in in_sentence(toks, i - 1, -1, SCAN):
        if toks[m].text == ",":
            return False
        if _marker(toks, m, words):
            n = _past_day_said(toks, m + 1)  # "said on Friday that a wet October could"
            nxt = toks[n] if n <= i else None
            subject = nxt is not None and (
                nxt.low in ("the", "a", "an", "that", "its", "their")
                or (toks[m].low in ("said", "says") and m + 1 < i and _noun(nxt, words))
            )  # "said the game ...", "said decisions about Wednesday classes would be ..."
            return toks[m].low in words.reporting and subject and _ahead_in_clause(toks, j, words)
    return False


def _past_day_said(toks: list[Token], k: int) -> int:
    """Past the day a statement was made ("on Friday", "yesterday") at ``k``, if any."""
    n = k + (k < len(toks) and toks[k].low == "on")
    return n + 1 if n < len(toks) and toks[n].low in SAY_DAYS else k


SAY_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "yesterday", "tonight"}
)
"""Days a verb of saying may name before the clause it reports ("said Friday that")."""


def _clause_after(toks: list[Token], k: int) -> bool:
    """A relative clause opens within a few words from ``k`` (", which lasted ..."): it
    tells of the day, not the sentence's verb."""
    return any(
        toks[m].low in ("which", "who", "when") and toks[m - 1].text == ","
        for m in range(k, min(len(toks), k + 5))
    )


def _opens(toks: list[Token], i: int, words: TenseWords) -> bool:
    """The expression at ``i`` opens its sentence, alone or after a preposition ("By 6 a.m.
    Monday, the utility reported"): what follows its comma is the main clause."""
    k = i - (i > 0 and toks[i - 1].low in words.opening_prepositions)
    return k == 0 or ends_sentence(toks, k - 1)


def _attribution(toks: list[Token], j: int, words: TenseWords) -> bool:
    """The first tense marker after token ``j`` is a reporting verb after a comma ("...,
    forecasters said Wednesday"): it tells when it was said, not when it happens."""
    comma = -1
    for m in in_sentence(toks, j, 1, SCAN):
        if toks[m].text == ",":
            comma = m
        elif _marker(toks, m, words):  # a subject between ("Netflix, which ..., said")
            return 0 <= comma < m - 1 and toks[m].low in words.reporting
    return False


def _ahead_in_clause(toks: list[Token], j: int, words: TenseWords) -> bool:
    """A future marker follows token ``j`` before any comma ("on Saturday would be played"),
    not in a relative clause with a subject of its own ("a plan in October that it expects")."""
    for m in in_sentence(toks, j, 1, SCAN):
        relative = toks[m].low in ("that", "which") and _next_word(toks, m) in SUBJECTS
        if toks[m].text == "," or relative:
            return False
        found = _marker(toks, m, words)
        if found:
            return found == 1
    return False


def _arranged(toks: list[Token], k: int, step: int, words: TenseWords) -> bool:
    """The present-tense verb found from ``k`` is a progressive ("are meeting", "is holding")
    or stands within four words of the day: an arrangement, not a state ("the offer is a
    premium over the closing price on Friday")."""
    for n, m in enumerate(in_sentence(toks, k, step, SCAN)):
        if toks[m].low in words.present:
            after = toks[m + 1].low if m + 1 < len(toks) else ""
            return (after.endswith("ing") and len(after) > 4) or n < 4
    return False


def _deadline_before(toks: list[Token], k: int) -> bool:
    """Token ``k`` is "to", "for", "on" or "until" a few words after "deadline"."""
    if toks[k].low not in ("to", "for", "on", "until"):
        return False
    return any(toks[m].low == "deadline" for m in range(max(0, k - 3), k))


def _word_before(toks: list[Token], i: int) -> int:
    """The index of the word right before ``i``, past an "on" ("are on Monday", "said on
    Friday"); -1 at the start."""
    return i - 1 - (i > 1 and toks[i - 1].low == "on")


def _copula_before(toks: list[Token], i: int, *, at: bool = False) -> bool:
    """ "is Friday", "are on Monday", "is at 10 a.m. Tuesday" (``at``, for a day): a present
    copula right before the expression."""
    k = i - 1 - (i > 1 and toks[i - 1].low in (("on", "at") if at else ("on",)))
    return k >= 0 and toks[k].low in ("is", "are")


def reports(word: str, words: TenseWords) -> bool:
    """``word`` is a verb that reports speech ("said", "announced", "told")."""
    return word in words.reporting or word == "told"


def said_before(toks: list[Token], i: int, words: TenseWords) -> bool:
    """A reporting verb stands right before ``i`` ("officials said Friday", "said on
    Monday")."""
    k = _word_before(toks, i)
    return k >= 0 and toks[k].low in words.reporting


def _will_far(toks: list[Token], i: int, words: TenseWords) -> bool:
    """ "will", "would", "scheduled to", "could dump" further back in the sentence than the
    scan looks (no nearer marker, which the scan would have found), not inside a quotation
    the sentence opened with ("'Nobody expected to be here,' said Hale ... on Thursday")."""
    for m in in_sentence(toks, i - 1, -1, 2 * SCAN):
        if toks[m].text in CLOSING_QUOTES:
            return False
        if toks[m].low in words.far_ahead:
            return True
        if toks[m].low in words.far_modals and _marker(toks, m, words) == 1:
            return True
    return False


def _relative_clause(toks: list[Token], i: int, words: TenseWords) -> int | None:
    """The tense of the relative clause set off by commas that token ``i`` stands in (",
    which released ... at once in February"), read back as far as its "which" or "who";
    None outside one."""
    return _clause_back(toks, i, words, ("which", "who"), span=2 * SCAN, set_off=True)


def _participle_phrase(toks: list[Token], i: int, words: TenseWords) -> bool:
    """Token ``i`` stands in a phrase set off by commas that a past participle opens ("The
    final round, postponed by rain Sunday afternoon, will be"): what it tells is done."""
    comma = next((m for m in in_sentence(toks, i - 1, -1, SCAN) if toks[m].text == ","), None)
    if comma is None or comma + 1 >= i:
        return False
    opener = toks[comma + 1]
    if not opener.text.islower() or opener.low in words.reporting:
        return False  # not ", said Tuesday"
    done = past_form(opener, words) or opener.low in words.participles  # ", chosen in April,"
    if not done or opener.low in words.future:
        return False  # not ", scheduled for Sunday,"
    if any(_marker(toks, m, words) for m in range(comma + 2, i)):
        return False  # another verb between
    return any(toks[k].text == "," for k in in_sentence(toks, i, 1, SCAN))


def _comparison_base(toks: list[Token], i: int) -> bool:
    """The time at ``i`` dates the figure a change is measured from ("up from 7 percent in
    January", "compared with $1.2 billion in March"): a base already reached."""
    if i < 3 or toks[i - 1].low not in ("in", "on"):
        return False
    for m in in_sentence(toks, i - 2, -1, COMPARISON_SPAN):
        if toks[m].text == ",":
            return False
        if toks[m].low == "from" and m > 0 and toks[m - 1].low in ("up", "down"):
            return True
        if toks[m].low in ("with", "to") and m > 0 and toks[m - 1].low == "compared":
            return True
    return False


def _would_have(toks: list[Token], k: int) -> bool:
    """ "would have" or "would have been" stands just before token ``k``."""
    before = [t.low for t in toks[max(0, k - 3) : k]]
    return before[-2:] == ["would", "have"] or before == ["would", "have", "been"]


def _plan_aside(toks: list[Token], i: int, j: int, words: TenseWords) -> int | None:
    """Tokens ``i:j`` close a plan set off by commas (", scheduled for 11 a.m.,") before a
    past main verb: past, as what the plan was for has come (", began at noon"); unknown
    where the main verb puts it off (", was delayed", ", was postponed"). None otherwise."""
    if i < 3 or toks[i - 1].low not in ("for", "at") or toks[i - 2].low not in words.planned:
        return None
    if toks[i - 3].text != "," or j >= len(toks) or toks[j].text != ",":
        return None
    found, m = _first_marker(toks, j + 1, 1, words, SCAN)
    if found != -1:
        return None
    # the words up to the one after the marker ("was delayed") say whether it was put off
    put_off = any(toks[k].low in words.prolong for k in range(j + 1, m + 2))
    return 0 if put_off else -1


def _clause_back(
    toks: list[Token],
    i: int,
    words: TenseWords,
    openers: tuple[str, ...],
    *,
    span: int,
    set_off: bool = False,
) -> int | None:
    """The first tense marker between the relative pronoun (one of ``openers``, after a
    comma when ``set_off``) that opens the clause token ``i`` stands in and ``i``: 0 when
    none; None when a comma or ``span`` words come first."""
    found = 0
    for m in in_sentence(toks, i - 1, -1, span):
        if toks[m].text == ",":
            return None
        if toks[m].low in openers and (not set_off or (m > 0 and toks[m - 1].text == ",")):
            return found
        found = found or _marker(toks, m, words)
    return None


def happened_on(toks: list[Token], i: int, words: TenseWords) -> bool:
    """The expression at ``i`` tells the day a past verb just before it happened ("occurred
    on Jan. 14"), not a plan told in the past ("was scheduled on", "fixed March 9 as")."""
    k = i - 2
    if k < 0 or toks[i - 1].low != "on":
        return False
    if toks[k].low in words.planned or toks[k].low in words.arranging:
        return False
    return toks[k].low.endswith("ed") and _marker(toks, k, words) == -1


def pluperfect(toks: list[Token], i: int) -> bool:
    """Whether "had" comes within 8 words before ``i`` in the same clause (not behind a
    comma: "The war, which had begun in 1700, ended in 1721"), as an auxiliary: not "had
    enough oxygen to last until Friday", where it owns a thing."""
    m = _find_in_clause(toks, i, ("had",), 8)
    if m is not None and any(toks[x].low in ("would", "will") for x in range(m + 1, i)):
        return False  # "had said it would last until Dec. 31": the clause of "would"
    return m is not None and _next_word(toks, m) not in HAD_OWNS


HAD_OWNS = frozenset({"a", "an", "the", "no", "enough", "some", "little", "much", "plenty"})
"""Words after "had" that show it owns something: no pluperfect."""


def _prolonged(toks: list[Token], i: int, words: TenseWords) -> bool:
    """A verb that pushes a time on, or a notice of weather, leads "through", "until",
    "to", "into" or "from" before ``i`` ("postponed their game ... to Tuesday afternoon",
    "pushed the trial into the spring", "issued an ice storm watch from 6 p.m. Thursday")."""
    lead = toks[i - 1].low if i > 0 else ""
    if lead not in ("through", "until", "till", "to", "from", "into"):
        return False
    pushed = words.prolong if lead != "from" else words.notices  # not "postponed from Sunday"
    return any(toks[m].low in pushed for m in in_sentence(toks, i - 2, -1, SCAN))


def _lasted_until(toks: list[Token], i: int, words: TenseWords) -> bool:
    """A past verb of going on leads "until" ("the session dragged on until June 1", "talks
    lasted until dawn", "ruled the country for 38 years until his death on Feb. 5"; not
    "postponed until Tuesday", "remained closed until Monday")."""
    until = _find_in_clause(toks, i, ("until", "till"), LEAD_SPAN)
    start = i if until is None else until
    for n, m in enumerate(in_sentence(toks, start - 1, -1, SCAN)):
        if toks[m].text == "," and m < start - 1:
            return False  # (a comma just before "until" sets it off: "stayed open, until")
        if toks[m].low in words.went_on:
            # not under a modal: "cases cannot be ruled out until early May" looks ahead
            return not any(
                toks[k].low in MODAL_LEADS or toks[k].low in words.modals
                for k in range(max(0, m - 3), m)
            )
        if n >= LEAD_SPAN + 2 and _marker(toks, m, words):
            return False  # further back, only across words that tell no tense ("stayed open
            # two hours longer than planned, until 9 p.m.")
    return False


def _not_until(toks: list[Token], i: int, words: TenseWords) -> bool:
    """ "did not tell users until Tuesday": a past clause, negated, waits for a past day."""
    for m in in_sentence(toks, i - 1, -1, SCAN):
        if _marker(toks, m, words) == 1:
            return False  # "was not expected to return until at least Monday"
        if toks[m].low in ("not", "never", "t") and m >= 2:
            aux = toks[m - 1].low if toks[m - 1].low not in ("'", "’") else toks[m - 2].low
            # "did not", "didn't", "was never"; not "may not", "won't"
            return aux in words.past and not (aux == "won" and toks[m].low == "t")
    return False


def _had_within(
    toks: list[Token], k: int, step: int, *, span: int = SCAN, comma: bool = False
) -> bool:
    """ "had" stands within ``span`` words from ``k`` (before a comma, for ``comma``: "delay
    the trial until the spring, saying the government had ..." is another clause's)."""
    for m in in_sentence(toks, k, step, span):
        if comma and toks[m].text == ",":
            return False
        if toks[m].low == "had":
            return True
    return False


def in_sentence(toks: list[Token], k: int, step: int, span: int) -> Iterator[int]:
    """Indices from ``k`` on in direction ``step`` up to a sentence end, for at most
    ``span`` words (marks, as in "U.S." or quotes, do not count)."""
    m = k
    while span > 0 and 0 <= m < len(toks) and not ends_sentence(toks, m):
        yield m
        span -= toks[m].text[:1].isalnum()
        m += step


def ends_sentence(toks: list[Token], m: int) -> bool:
    """Token ``m`` ends a sentence: not the period of "U.S." or "Mr." or "Jan. 4"; and the last
    token before a blank line ends a headline or a paragraph."""
    ends = toks[m].ends
    if ends is None:
        ends = toks[m].ends = _ends_sentence(toks, m)
    return ends


def _ends_sentence(toks: list[Token], m: int) -> bool:
    if m + 1 < len(toks) and toks[m + 1].paragraph_before:
        return True
    if toks[m].text not in SENTENCE_END:
        return False
    if toks[m].text != "." or m == 0:
        return True
    before = toks[m - 1].text
    after = toks[m + 1].text if m + 1 < len(toks) else ""
    if after[:1].islower() or after[:1].isdigit() or after in (",", ";"):
        return False  # "Jan. 4", "approx. two", "Jackson Hole, Wyo., from"
    if before.lower() in ABBREVIATIONS and after.lower() not in STARTERS:
        return False  # "St. Vincent", "Mr. Smith", "Gen. Powell"
    if (
        len(after) == 1
        and m + 2 < len(toks)
        and toks[m + 2].text == "."
        and not toks[m + 2].space_before
    ):
        return False  # the "B." of "F.B.I.": an initialism goes on (its "I" is no pronoun)
    if len(before) == 1 and before.isalpha() and not toks[m].space_before:
        # an initial or an abbreviation letter ("U.S. President", "J. Smith"), unless a
        # new sentence plainly starts ("... in the U.S. The", "by 8 p.m. Boston had")
        return after.lower() in STARTERS or _clock_then_subject(toks, m)
    return True


def _clock_then_subject(toks: list[Token], m: int) -> bool:
    """The period ``m`` of "a.m." or "p.m." comes before a capitalised word and a finite
    verb: a new sentence's subject ("between 2 p.m. and 8 p.m. Boston had recorded"), not
    a day or a zone ("8 p.m. Monday", "9 p.m. Eastern time")."""
    if m < 3 or m + 2 >= len(toks) or toks[m - 1].low != "m" or toks[m - 2].text != ".":
        return False
    return toks[m - 3].low in ("a", "p") and toks[m + 2].low in FINITE_AFTER_SUBJECT


def _lead(toks: list[Token], i: int, words: TenseWords) -> int:
    """The direction set by the nearest lead phrase within ``LEAD_SPAN`` tokens before ``i``."""
    by_end = _leads_by_end(words)
    for k in in_sentence(toks, i - 1, -1, LEAD_SPAN):
        if toks[k].text == ",":
            break
        if toks[k].low not in by_end:
            if toks[k].low in ("will", "would", "shall") or toks[k].low in words.future_modals:
                break  # "since Sunday will peak this weekend": a clause of its own between
            continue
        for key, direction in by_end[toks[k].low]:
            n = len(key)
            if k - n + 1 >= 0 and tuple(t.low for t in toks[k - n + 1 : k + 1]) == key:
                adjective = key[0].endswith("ing") and toks[k - 1].low in words.determiners
                verb = n == 1 and any(
                    toks[m].low not in by_end and _marker(toks, m, words) for m in range(k + 1, i)
                )  # "since Friday and returns Wednesday": the verb's own
                if adjective or verb or (direction != -1 and _governs_other(toks, k, i)):
                    return 0  # "the starting quarterback"
                if n == 1 and key[0].endswith("ing") and _past_before(toks, k, words):
                    return 0  # "We saw a slowdown starting in mid-October": the verb's past
                if n == 1 and key[0].endswith("ing") and k > 0 and toks[k - 1].text == ",":
                    found, m = _first_marker(toks, k - 2, -1, words, 2 * SCAN)
                    if found == -1 and not reports(toks[m].low, words):
                        return -1  # "followed three rate cuts in seven weeks, beginning
                        # Sept. 29": the clause it closes is past
                start = k - n
                if direction == 1 and key[0] == "as" and start >= 0:
                    if _past_verb_before(toks, start + 1, words):
                        return -1  # "chains opened as early as 8 p.m.", "carried the virus
                        # in this summer, perhaps as early as June": the verb's past
                return direction
    return 0


def _past_verb_before(toks: list[Token], k: int, words: TenseWords) -> bool:
    """The nearest verb within ``SCAN`` words before ``k``, past commas, is past and no modal
    stands nearer ("carried the virus in this summer, perhaps as early as"; not "could be
    ready as early as")."""
    for m in in_sentence(toks, k - 1, -1, SCAN):
        if toks[m].low in words.modals:
            return False
        found = _marker(toks, m, words)
        if found:
            return found == -1
    return False


def _past_before(toks: list[Token], k: int, words: TenseWords) -> bool:
    """A past verb stands in the clause before the participle at ``k`` ("saw a slowdown
    starting in"), which then tells when that happened, not a plan."""
    for m in in_sentence(toks, k - 1, -1, PAST_BEFORE_SPAN):
        if toks[m].text == ",":
            return False
        if _marker(toks, m, words) == -1:
            return True
    return False


def _governs_other(toks: list[Token], k: int, i: int) -> bool:
    """A preposition stands between the lead ending at ``k`` and the expression at ``i``,
    after some other word: the lead governs that ("got ahead of itself in the spring",
    "went on until late on Friday night"; not "until at least Thursday")."""
    if k + 1 >= i or toks[k + 1].low not in ("itself", "it", "them", "late", "early"):
        return False  # "ahead of the Hajj pilgrimage in October": the date is the object's
    return any(toks[m].low in ("in", "on", "at", "during") for m in range(k + 2, i))


@cache
def _leads_by_end(words: TenseWords) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """The lead phrases by their last word, in lexicon order."""
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for key, direction in words.leads:
        table.setdefault(key[-1], []).append((key, direction))
    return {k: tuple(v) for k, v in table.items()}


def _headline_plan(toks: list[Token], i: int, words: TenseWords) -> bool:
    """A subject and "to" with a verb open the sentence within five words before ``i``,
    with no verb before it: a headline's plan ("Cardinals to begin conclave Tuesday",
    "Asteroid the Size of a House to Skim Past Earth on Saturday")."""
    if i < 2 or ends_sentence(toks, i - 1) or ends_sentence(toks, i - 2):
        return False  # the time opens its sentence: no plan before it
    for m in in_sentence(toks, i - 2, -1, HEADLINE_PLAN_SPAN):
        if toks[m].low != "to" or m == 0 or not toks[m - 1].text.isalpha():
            continue
        verb, before = toks[m + 1].text, toks[m - 1].text
        titled = verb.istitle() and (before.istitle() or before.isupper())  # "Leaders to Meet",
        # "NASA to Try Again"; not "to Venezuela"
        if not verb.isalpha() or not (verb.islower() or titled):
            return False
        if verb.lower() in words.determiners or verb.endswith("ed"):
            return False
        if before.lower().endswith("ing") or (verb.endswith("s") and not verb.endswith("ss")):
            return False  # "Speaking to reporters on Wednesday, the speaker said"
        between = any(_marker(toks, k, words) for k in range(m + 2, i))
        return not between and not _scan(toks, m - 1, -1, words)
    return False


def _scan(
    toks: list[Token],
    k: int,
    step: int,
    words: TenseWords,
    *,
    through_present: bool = False,
    skip: tuple[str, ...] = (),
) -> int:
    """The first tense marker from token ``k`` on in direction ``step`` within the sentence,
    passing over the words ``skip``; looking ahead, not past the end of a quotation ("...
    through Thursday," he said)."""
    for m in in_sentence(toks, k, step, SCAN):
        if step > 0 and (toks[m].text in CLOSING_QUOTES or toks[m].low == "according"):
            return 0  # '... through Thursday," he said'; "according to unofficial returns"
        if step > 0 and m == k and _apposition(toks, m, words):
            return 0  # "by Sept. 13, the deadline set at a summit": what the date is
        if step > 0 and m > k + 2 and toks[m].low in RELATIVES:
            return 0  # "will choose ... on Friday, ending two decades in which presidents
            # were picked": a clause about a later noun (not "in February, in which")
        if step > 0 and toks[m].text == "," and _own_clause(toks, m, words):
            return 0  # "will play host ... on Sunday, after beating Miami": a clause of its own
        if step < 0 and toks[m].low in CONCESSIVE:
            return 0  # "are scheduled for April 20, although the Cabinet on Tuesday postponed"
        if step < 0 and toks[m].low in ("and", "but") and m > 0 and toks[m - 1].text == ",":
            return 0  # "releases fixes once a month, and on Tuesday it issued": a clause of its own
        found = _marker(toks, m, words) if toks[m].low not in skip else 0
        if found and not (through_present and found == PRESENT):
            return found
    return 0


def _own_clause(toks: list[Token], m: int, words: TenseWords) -> bool:
    """The comma at ``m`` opens a clause of its own, whose tense is not the expression's: an
    apposition with a relative clause (", a performance that could"), a new subject (", and
    lawmakers promptly scheduled"), or a subordinate clause (", two days after the Senate
    confirmed her")."""
    return _apposed_clause(toks, m) or _new_clause(toks, m, words) or _subordinate_after(toks, m)


def _apposed_clause(toks: list[Token], m: int) -> bool:
    """The comma at ``m`` opens a noun phrase with a relative clause of its own (", a
    performance that could", ", a move which"; not "On Saturday morning, a parade will")."""
    if _next_word(toks, m) not in ("a", "an"):
        return False
    for k in range(m + 3, min(len(toks), m + 6)):
        if toks[k].low in ("that", "which", "who"):
            return True
        if not (toks[k].text.isalpha() and toks[k].text.islower()):
            return False
    return False


def _new_clause(toks: list[Token], m: int, words: TenseWords) -> bool:
    """The comma at ``m`` and "and" or "but" open a clause with a subject of its own (", and
    lawmakers scheduled", ", but he said"; not ", and will meet")."""
    if _next_word(toks, m) not in ("and", "but") or m + 2 >= len(toks):
        return False
    subject = toks[m + 2]
    if subject.low in SUBJECTS or subject.low in words.determiners or subject.low in QUANTIFIERS:
        return True  # ", and they", ", and the", ", and some specialists expect"
    plural = subject.low.endswith("s") and len(subject.low) > 3 and subject.text.isalpha()
    return plural and subject.text.islower() and _marker(toks, m + 2, words) == 0


def _subordinate_after(toks: list[Token], m: int) -> bool:
    """The comma at ``m`` opens a subordinate clause, perhaps after a length ("after beating",
    "two days after the vote")."""
    if _next_word(toks, m) in SUBORDINATORS:
        return True
    k = m + 2 + (m + 1 < len(toks) and toks[m + 1].low in ("just", "only", "about"))
    unit = k < len(toks) and (toks[k].low in LENGTHS or toks[k].low + "s" in LENGTHS)
    return unit and _next_word(toks, k) in ("after", "before")


def _apposition(toks: list[Token], m: int, words: TenseWords) -> bool:
    """A comma at ``m`` opens a noun phrase that says what the date before it is ("Sept.
    13, the deadline set in Egypt", "Oct. 1, the start of the fiscal year")."""
    if toks[m].text != "," or m + 2 >= len(toks) or toks[m + 1].low not in ("the", "a", "its"):
        return False
    return toks[m + 2].low in words.date_nouns


def _marker(toks: list[Token], k: int, words: TenseWords) -> int:
    """What token ``k`` says of the tense: 1 future, -1 past, ``PRESENT``, or 0 nothing
    (worked out once per token and word lists: the scans ask again and again)."""
    memo = toks[k].marker
    if memo is not None and memo[0] is words:
        return memo[1]
    found = _read_marker(toks, k, words)
    toks[k].marker = (words, found)
    return found


def _read_marker(toks: list[Token], k: int, words: TenseWords) -> int:
    word = toks[k].low
    if k + 2 < len(toks) and toks[k + 1].text == "-" and not toks[k + 1].space_before:
        if not toks[k + 2].space_before and toks[k + 2].text.isalpha():
            return 0  # "the final go-ahead", "a set-aside": the first part of a compound
    if k >= 2 and toks[k - 1].text == "-" and not toks[k - 1].space_before:
        joined = not toks[k].space_before and toks[k - 2].text.isalpha()
        if joined and toks[k - 2].low not in VERB_PREFIXES:
            return 0  # "the year-end title", "a high-end store": its last part (not "re-opened")
    previous = toks[k - 1].low if k > 0 else ""
    than = k >= 2 and toks[k - 2].low == "than" and previous in ("-", *SUBJECTS)
    more = previous == "than" and k >= 2 and toks[k - 2].low in ("more", "less")
    compared = (previous == "than" and not more) or than  # "stronger-than-expected", "than
    # we expected" (not "more than tripled": the verb)
    compared = compared or (word in ("earlier", "later") and _next_word(toks, k) == "than")
    if compared or (word in words.future and _next_word(toks, k) == "of"):
        return 0  # "grew faster than expected", "stronger-than-expected", "dashing hopes of"
    owner = possessive_s(toks, k + 2)
    if word == "next" and owner and previous in OBJECT_PREPOSITIONS:
        return 0  # "the figure for next year's crop on Monday": a time that owns a noun (not
        # "Next week's highlights include ... on Thursday", the sentence's subject)
    if word in words.future and possessive_s(toks, k - 2):
        if not (k >= 3 and toks[k - 3].low in SUBJECTS):  # not "He's due back on Saturday"
            return 0  # "the company's next chief executive": an adjective
    if word in ("would", "could", "might", "should") and _next_word(toks, k) == "have":
        done = k + 2 < len(toks) and past_form(toks[k + 2], words)
        if done or _next_word(toks, k + 1) == "been":
            return -1  # "a runoff that would have been held on June 21": it was not
    modal = word in ("will", "would") and previous in ("that", "this")  # "a bill that would"
    if word == "left" and previous in LENGTHS and _next_word(toks, k) in ("before", "until"):
        return 1  # "with four days left before Saturday's primary": time still to come
    if word == "compared" and previous in (",", "as") and _next_word(toks, k) in ("with", "to"):
        return 0  # "an increase for December, compared with 6.1 percent": no verb
    if word == "combined" and previous not in SUBJECTS:
        return 0  # "for November and December combined", "combined sales": an adjective
    if word == "next" and _next_word(toks, k) in ("to", "door"):
        return 0  # "the blasts next to the U.S. embassies on Friday": a place
    if word in ("coming", "upcoming"):
        if previous in ("after", "since", "before", "upon", "on", "by"):
            return 0  # "a day after coming ashore late Wednesday afternoon": a gerund
        return 1  # "companies reporting in the coming days include Caterpillar on Monday"
    if word == "ahead" and _next_word(toks, k) == "of" and (previous == "," or previous in LENGTHS):
        return 1  # "today, ahead of a meeting of foreign ministers in London on Tuesday" (not
        # "got ahead of itself in the spring")
    if word == "close" and _next_word(toks, k) in ("to", "of"):
        return 0  # "came close to winning", "a record close of $702.10": no verb
    if word == "close" and possessive_s(toks, k - 2):
        return 0  # "up $22 from Wednesday's close": a noun
    if word == "close" and k >= 2 and toks[k - 2].low in words.determiners:
        if not previous.endswith("s"):
            return 0  # "after the market close at 4 p.m.": a noun (not "the markets close")
    if word in ("called", "calls", "call") and _next_word(toks, k) == "for":
        return 1  # "called for a general strike on Tuesday": what is called for lies ahead
    if word in words.future and _intent_noun(toks, k, words):
        return 0
    if word in words.future and (previous not in words.determiners or modal):  # "the plan"
        before = toks[k - 2].low if k >= 2 else ""
        if previous == "had" or (previous == "been" and before == "had"):
            return UNSURE  # "had (been) scheduled for Sunday is now canceled": changed since
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        told = after[:1].isupper() or after[:1].isdigit() or after == "on"
        if word == "due" and previous in ("was", "were") and told:
            return UNSURE  # "was due Feb. 4 but was held up": the date may lie either way
        if word == "supposed" and previous in ("was", "were"):
            return UNSURE  # "was supposed to end June 30": a plan told from the past
        if previous in words.plans_gone_by and before not in ("has", "have"):
            return -1  # "as previously planned Saturday night": a plan now past (not "has
            # been set")
        following = _next_word(toks, k)
        if word != "set" or following in ("to", "for"):
            return 1
        bare = previous in words.modals or previous in BARE_VERB_LEADS
        done = following in ("the", "a", "its", "their") and previous not in ("has", "have")
        done = (done or following == "up") and not bare  # not "has set a deadline of Jan. 15"
        if (following in ("on", "in", "at", "last") and previous != "be") or done:
            return -1  # "a record set on Aug. 6", "volunteers set up a center", "the Council
            # set the Jan. 15 deadline on Nov. 29" are past (not "will be set at a meeting on
            # 25 February", "will set the date")
    if word == "previously" and (previous in words.determiners or previous in AFTER_PREPOSITION):
        return 0  # "sales of previously occupied homes": a modifier's, not the clause's
    if word in ("m", "re") and previous in ("'", "\u2019"):
        return PRESENT  # "what I'm doing on Monday", "we're meeting Friday"
    if word == "ll" and previous in ("'", "\u2019"):
        return 1
    if word == "won" and k + 2 < len(toks) and toks[k + 2].low == "t":
        return 1  # "won't begin until April"
    if word in ("if", "unless") or (word == "case" and previous == "in"):
        return 1  # "if her coalition loses the election on September 14", "in case people
        # withdraw cash in late December": a condition ahead
    gerund = k + 1 < len(toks) and toks[k + 1].text.islower() and toks[k + 1].text.endswith("ing")
    if word in ("since", "after") and gerund:
        return -1  # "since entering the race in July", "after tearing a ligament on Monday"
    if past_form(toks[k], words) and _would_have(toks, k):
        return 1  # "a bill that would have required troops to leave by Oct. 1", "the payment
        # that would have been made in April": a plan undone, its time ahead of its making
    if word == "to" and _next_word(toks, k) == "have" and k + 2 < len(toks):
        if past_form(toks[k + 2], words) or toks[k + 2].low in ("been", "begun", "risen"):
            return -1  # "was to have begun on Jan. 10", "expect it to have risen": done
    intent = previous in words.looks_ahead_to or _intent_apart(toks, k, words)
    if word == "to" and intent and _bare_verb(toks, k + 1, words):
        gone = k >= 2 and toks[k - 2].low in words.plans_gone_by
        if gone and k >= 3 and toks[k - 3].low == "had" and toks[k - 2].low == "been":
            return UNSURE  # "had been due to expire at the end of July": changed since
        return -1 if gone else 1
    if word == "to" and _bare_verb(toks, k + 1, words):
        told = k >= 2 and toks[k - 1].low in words.control and toks[k - 2].low in PASSIVE_BE
        if told or any(toks[m].low in words.control for m in range(max(0, k - 4), k - 1)):
            # "were asked to pull the product from shelves by Monday"
            if any(toks[m].low == "had" for m in range(max(0, k - 6), k - 1)):
                return -1  # "had asked the owners to evacuate the building on Tuesday"
            return 1  # "ordered Delgado to report to prison by Aug. 1", "called on them to"
        if _purpose(toks, k):
            return 1  # "passed a bill to fund the government through Sept. 30": a purpose
    if word == "could" and _next_word(toks, k) == "not" and _next_word(toks, k + 1) == "be":
        if k + 3 < len(toks) and past_form(toks[k + 3], words):
            return -1  # "could not be reached for comment Tuesday": a try that failed
    if word in words.future_modals and toks[k].text.islower():
        following = _next_word(toks, k)
        ability = word == "could" and following in ("be", "see", "find", "get", "hear")
        if ability and following == "be" and _next_word(toks, k + 2) in COULD_BE_AHEAD:
            ability = False  # "a new pope could be chosen before Easter"
        owns = following == "have" and _owned(toks, k + 2, words)
        if owns or following not in ("not", "have", "never", "'", "\u2019") and not ability:
            # "a verdict may come Thursday", "snow could linger into Monday", "should have
            # service back by Wednesday night"; not "may have left Tuesday", "could be
            # located Wednesday"
            return 1
    plural = previous.endswith("s") and not previous.endswith("ss") and previous.isalpha()
    subject = previous in SUBJECTS or (plural and toks[k - 1].text.islower())
    # a singular noun before a bare "forecast" with its "that" clause makes it the past ("One
    # bank forecast in May that"; not "release his own revenue forecast on Friday")
    noun = previous.isalpha() and toks[k - 1].text.islower() and not previous.endswith("ly")
    noun = noun and previous not in words.determiners and previous not in LAST_AS_VERB
    noun = noun and any(toks[m].low == "that" for m in range(k + 2, min(len(toks), k + 6)))
    if word == "forecast" and (subject or noun) and _next_word(toks, k) in ("in", "on", "last"):
        return -1  # "the $5.6 billion it forecast in October", "as officials forecast in"
    if word in words.foretold and previous in ("is", "are", "was", "were", "be", "been"):
        return 1  # "rain is forecast for Wednesday afternoon"
    if word in words.present:
        if word == "say" and (previous in words.modals or previous in BARE_VERB_LEADS):
            return 0  # "will say goodbye on Tuesday": the bare verb; the modal tells
        return 0 if word == "am" and previous[:1].isdigit() else PRESENT  # not "3:00 am"
    if word == "last" and (previous in words.determiners or previous in LAST_AS_VERB):
        return 0  # "its last witnesses": an adjective; "that would last six weeks": the verb
    if word == "last" and previous == "one":
        return 0  # "will reunite one last time on Thursday": an adjective
    if word == "last" and k + 1 < len(toks) and toks[k + 1].low in ("through", "until", "into"):
        return 0  # "expected to arrive late Tuesday and last through Thursday": the verb
    if word in PHRASAL_ONLY and _next_word(toks, k) not in PHRASAL_ONLY[word]:
        return 0  # "rested on the cathedral steps Sunday": a noun (not "steps down Jan. 31")
    named = toks[k - 1].text[:1].isupper() or _abbreviated_name(toks, k - 1)
    if word in words.noun_verbs and not (named or previous in WHO):
        return 0  # "compliance reports by Wednesday", "reports surfaced"; not "Citigroup reports",
        # "Oracle Corp. reports"
    if (
        word in words.scheduled
        and toks[k].text.islower()  # not "the U.S. Open title"
        and (
            previous not in words.determiners
            or _subject_pronoun(toks, k - 1)
            or _relative_that(toks, k - 1, words)
        )
        and not (_counted(previous, words) and not toks[k - 1].text[:1].isupper())
        # "six votes short", "60 votes"; not "2003 expire", "the Group of Seven meet"
        and f"{previous} {word}" not in words.noun_pairs  # "housing starts"
        and previous not in NOT_VERB
        and previous not in ("has", "have", "had")  # "the peak has come as late as March"
        and not (k > 0 and toks[k - 1].text.islower() and past_form(toks[k - 1], words))
        # "stayed open late on Monday" (not "The Fed begins")
        and not _kept(toks, k, words)  # "keep schools open on Tuesday"
        and not (k > 0 and _ing(toks[k - 1]) and word[-1] != "s")
        # "winning close races": a bare form after an "-ing" word is no verb ("hearing begins" is)
        and not (k > 1 and toks[k - 2].low in ("a", "an") and word[-1] != "s")
        # "after a slow start in November": a bare form after "a" and a word is a noun
    ):
        return 1  # "they meet separately Monday", "trading resumes Tuesday"
    if toks[k].text[:1].isupper() and k > 0 and not ends_sentence(toks, k - 1):
        return 0  # a name inside a sentence: "the Fed", "Rose", not a past verb
    if word in words.changed and _present_perfect(toks, k, words):
        return -1  # "have fallen 42% from a record close on Sept. 19"
    if previous == "having" and past_form(toks[k], words):
        return -1  # "having accepted higher rates on New Year's Day": done before
    if not past_form(toks[k], words) or _adjective(toks, k, words):
        return 0
    if previous in ("a", "an", "the"):
        return 0  # "get a shot by Saturday", "an injured man": a noun or an adjective
    following = _next_word(toks, k)
    if previous.endswith("ly") and k >= 2 and toks[k - 2].low in BE:
        previous = toks[k - 2].low  # "to be formally approved by the end of April"
    if previous == "if":
        return 1  # "if elected in November": a condition ahead
    if _present_perfect(toks, k, words) and word in words.arranging:
        return 1  # "has invited a dozen senators to dinner Wednesday evening": it lies ahead
    if _present_perfect(toks, k, words) and word not in words.changed:
        return PRESENT  # "have not ruled out a meeting this weekend": what holds now
    if previous == "," and following == "by":
        # "The cuts, approved by the board Monday evening, will fall": done, of the subject
        # (not "will be announced Thursday, followed by ... on Friday": a participle)
        return -1 if _subject_before(toks, k - 1, words) else 0
    if previous in ("will", "shall"):
        return 1  # "will last through April": the verb after "will" looks ahead
    if previous in words.modals and toks[k - 1].text.islower():
        return 0  # "may last several months": a bare verb after a modal (not "Theresa May")
    if previous == "be" and k >= 2 and toks[k - 2].low == "to":
        return 1  # "to be completed" lies ahead
    # "was completed" is past; "is heard", "remain suspended", "keep it funded" are not
    kept = previous in words.keep or _kept(toks, k + 1, words)
    gets = previous in ("get", "gets")  # "to get vaccinated by the end of October"
    return 0 if previous in BE or previous == "to" or kept or gets else -1


def _abbreviated_name(toks: list[Token], m: int) -> bool:
    """Token ``m`` is the period of a name's abbreviation ("Oracle Corp.", "Sears, Roebuck
    and Co.")."""
    return (
        m >= 1
        and toks[m].text == "."
        and not toks[m].space_before
        and toks[m - 1].text[:1].isupper()
        and toks[m - 1].text.isalpha()
    )


def _modal_before(toks: list[Token], i: int, words: TenseWords) -> bool:
    """A modal ("could", "may") comes before token ``i`` in its clause, with no past verb
    between."""
    for m in in_sentence(toks, i - 1, -1, SCAN):
        if toks[m].low in words.future_modals and toks[m].text.islower():
            return _next_word(toks, m) not in ("not", "have", "never")
        if _marker(toks, m, words) == -1:
            return False
    return False


def _subject_before(toks: list[Token], k: int, words: TenseWords) -> bool:
    """Only a subject (a few words, no verb, no other comma) stands between the start of the
    sentence and the comma ``k``."""
    start = k
    while start > 0 and not ends_sentence(toks, start - 1):
        start -= 1
        if k - start > SUBJECT_WORDS or toks[start].text == ",":
            return False
    words_before = toks[start:k]
    return bool(words_before) and not any(_marker(toks, m, words) for m in range(start, k))


def _owned(toks: list[Token], k: int, words: TenseWords) -> bool:
    """The word at ``k``, after "have", is a thing owned, no past participle ("should have
    service back"; not "may have left", "could have taken", "would have been")."""
    if k >= len(toks) or not toks[k].text.isalpha() or past_form(toks[k], words):
        return False
    word = toks[k].low
    return not word.endswith(("en", "wn")) and word not in PARTICIPLES


PARTICIPLES = frozenset({"had", "gone", "done", "seen", "begun", "run", "come", "become", "sung"})
"""Past participles that neither end in "-ed", "-en" or "-wn" nor are past tense forms."""


def _intent_noun(toks: list[Token], k: int, words: TenseWords) -> bool:
    """The word of intent at ``k`` is a noun after a noun that describes it: a hyphenated
    compound ("a shareholder-rights plan on Aug. 14"), or, for "plan" not followed by
    "to", a noun after a determiner, a possessive or an "-ing" word ("unveiled the spending
    plan in April", "Clinton's health plan in September")."""
    if k < 2:
        return False
    if toks[k - 2].text == "-" and not toks[k - 1].space_before:
        return True
    before = toks[k - 2].low in words.determiners or _ing(toks[k - 1]) or _noun_phrase(toks, k)
    before = before or possessive_s(toks, k - 3)
    plural = toks[k].low == "plans" and _ing(toks[k - 1])  # "the state's redistricting plans"
    return (toks[k].low == "plan" and before or plural) and _next_word(toks, k) != "to"


def _noun_phrase(toks: list[Token], k: int) -> bool:
    """Token ``k`` ends a noun phrase a determiner opens a few words back, with only
    modifiers between ("unveiled a four-year austerity plan on Wednesday")."""
    for m in range(k - 1, max(-1, k - 6), -1):
        text = toks[m].text
        if toks[m].low in NOUN_OPENERS:
            return m < k - 2
        modifier = (text.isalpha() and text.islower()) or text == "-" or text.isdigit()
        if not modifier or toks[m].low in NOT_MODIFIERS:
            return False
    return False


NOT_MODIFIERS = frozenset(
    {
        "will",
        "would",
        "shall",
        "may",
        "might",
        "can",
        "could",
        "should",
        "must",
        "to",
        "not",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
    }
)
"""Words that end a noun phrase's modifiers when read backwards: a verb's helpers and
links."""


def _ing(tok: Token) -> bool:
    """A lowercase word in "-ing" ("redistricting", "winning")."""
    return tok.text.endswith("ing") and tok.text.islower()


def _intent_apart(toks: list[Token], k: int, words: TenseWords) -> bool:
    """A verb of intent stands two or three words before the "to" at ``k``, with plain
    lower-case words between ("agreed in principle to resume", "decided unanimously to")."""
    for n in (2, 3):
        verb = toks[k - n].low if k >= n else ""
        if verb in words.looks_ahead_to and verb.endswith("ed"):
            return all(
                toks[m].text.isalpha() and toks[m].text.islower() for m in range(k - n + 1, k)
            )
    return False


def _purpose(toks: list[Token], k: int) -> bool:
    """The "to" at ``k`` follows "a" or "an" and one or two words: a purpose ("a bill to
    fund", "a spending bill to keep"; not "a farewell speech to lawmakers")."""
    verb = toks[k + 1].low if k + 1 < len(toks) else ""
    if verb.endswith("s") and not verb.endswith("ss"):
        return False
    for n in (2, 3):
        if k >= n and toks[k - n].low in ("a", "an"):
            return all(toks[m].text.isalpha() for m in range(k - n + 1, k))
    return False


def _kept(toks: list[Token], k: int, words: TenseWords) -> bool:
    """A verb of keeping stands up to five words before ``k`` in its clause, with its object
    between ("kept its seven cooling centers open Saturday night")."""
    return any(toks[m].low in words.keep for m in in_sentence(toks, k - 2, -1, 5))


def _relative_that(toks: list[Token], k: int, words: TenseWords) -> bool:
    """Token ``k`` is "that" opening a relative clause after a noun ("the fiscal year that
    ends Sept. 30"), not a determiner or the "that" of a report ("said that")."""
    if toks[k].low != "that" or k == 0:
        return False
    noun = toks[k - 1]
    plain = noun.text.isalpha() and noun.text.islower() and noun.low not in words.reporting
    return plain and noun.low not in words.determiners and not past_form(noun, words)


def _noun(tok: Token, words: TenseWords) -> bool:
    """``tok`` after "said" may open its reported subject ("said decisions")."""
    word = tok.text
    bare = word in words.not_subjects or word.endswith("ly")
    return word.isalpha() and word.islower() and not bare


def _counted(word: str, words: TenseWords) -> bool:
    """``word`` is a count ("six", "60", "12,000", "million"), not a year ("2003")."""
    digits = word[:1].isdigit() and (len(word) < 4 or "," in word or "." in word)
    return word in words.counts or digits  # "1.8353 marks" counts marks


def _next_word(toks: list[Token], k: int) -> str:
    """The lowercase word after token ``k``, or ""."""
    return toks[k + 1].low if k + 1 < len(toks) else ""


def _subject_pronoun(toks: list[Token], k: int) -> bool:
    """Token ``k`` is "That" or "This" opening a sentence, a subject ("That ends on
    Thursday night"), not a determiner."""
    return toks[k].text in ("That", "This") and (k == 0 or ends_sentence(toks, k - 1))


def _funded_through(toks: list[Token], i: int, words: TenseWords) -> bool:
    """ "through" before ``i`` ends what an infinitive of purpose or a present relative clause
    a few words back covers ("funds to pay for operations through Sept. 30", "to keep it open
    through June", "a bill that finances the agencies through Sept. 30")."""
    if i < 3 or toks[i - 1].low != "through" or pluperfect(toks, i):
        return False  # not "had agreed on Friday to extend talks through the weekend"
    for k in range(i - 2, max(0, i - 10), -1):
        if toks[k].text in (",", ";") or _marker(toks, k, words) not in (0, 1):
            return False
        if toks[k].low == "to" and _bare_verb(toks, k + 1, words):
            return True
        if toks[k].low in ("that", "which") and toks[k + 1].low in words.funding:
            return True
    return False


def _bare_verb(toks: list[Token], k: int, words: TenseWords) -> bool:
    """Token ``k`` may be a verb's bare form ("expected to rise", "to bring"; not "to the",
    "to 5%", "a speech to cheering supporters")."""
    if k >= len(toks):
        return False
    text = toks[k].text
    gerund = text.endswith("ing") and text not in ING_VERBS
    return (
        text.isalpha()
        and text.islower()
        and text not in words.determiners
        and text not in words.not_bare
        and text not in OBJECT_PREPOSITIONS  # "a step agreed to in September"
        and not text.endswith("ed")
        and not gerund
    )


ING_VERBS = frozenset({"bring", "sing", "ring", "spring", "string", "swing", "sting", "cling"})
"""Bare verbs that end in "-ing"."""


OBJECT_PREPOSITIONS = frozenset(
    {"below", "above", "at", "in", "on", "of", "for", "from", "with", "to", "into", "under"}
)
"""Prepositions before a noun phrase: no subject of a verb follows within it."""
AFTER_PREPOSITION = frozenset(
    {"behind", "with", "without", "under", "into", "of", "in", "on", "at", "for", "from", "by"}
)
"""Prepositions: an "-ed" word right after one is an adjective, not a finite verb."""

HEADLINE_PLAN_SPAN = 5
"""How far back from a time a headline's "to" and verb may stand ("to Skim Past Earth on")."""

RANK_WORDS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "last", "final", "latest", "next", "new"}
)
"""Words that rank a noun between an article and an "-ed" adjective ("the first detailed
results", "the latest revised figures")."""

SUBJECT_WORDS = 6
"""How many words a sentence's subject before a participle set off by commas may have."""


def _adjective(toks: list[Token], k: int, words: TenseWords) -> bool:
    """An "-ed" word used as an adjective: "the proposed plan", "a still unspecified date",
    "an unnamed official", "to bring scattered storms"."""
    word = toks[k].low
    if _infinitive_object(toks, k, words):
        return True  # "to recover lost production"
    if word in words.past:
        return False
    if word.startswith("un") and word not in words.un_verbs:
        return True
    if k > 1 and toks[k - 1].text == "-" and not toks[k].space_before:
        return True  # "sixth-seeded Arizona", "state-owned": a compound adjective
    if k + 2 < len(toks) and toks[k + 1].text == "-" and not toks[k + 1].space_before:
        return not toks[k + 2].space_before  # "a closed-door meeting", "a used-car lot"
    if any(toks[m].low in words.keep for m in range(max(0, k - 3), k - 1)):
        return True  # "keeps the government funded through Sept. 30"
    if any(_causative(toks, m, k, words) for m in range(max(0, k - 5), k - 1)):
        return True  # "hoped to have a new pope installed before Easter": "have" tells it
    before = [toks[m].low for m in range(max(0, k - 2), k)]
    if before and before[-1] in AFTER_PREPOSITION:
        return True  # "will meet behind closed doors Wednesday morning", "in printed form"
    if len(before) == 2 and before[1].endswith("ly") and before[0] in AFTER_PREPOSITION:
        return True  # "sales of previously occupied homes"
    following = toks[k + 1].text if k + 1 < len(toks) else ""
    noun = following.isalpha() and following.islower() and following not in words.not_nouns
    if before and noun:
        if _counted(before[-1], words) and not following.endswith("ly"):
            return True  # "86 million registered voters" (not "100,000 remained.")
        if before[-1] in words.scheduled:
            return True  # "publishes updated forecasts at its December meeting"
        if before[-1] in QUANTIFIERS:
            return True  # "expect only scattered problems in early January", "many injured people"
        gerund = before[-1].endswith("ing") and before[-1] not in words.ing_nouns
        if gerund and len(before[-1]) > 4 and toks[k - 1].text.islower():
            return True  # "will begin taking detailed images on Thursday"
    if before and before[-1] in words.determiners and before[-1] != "that":
        return True  # not "markets that rallied Wednesday": a relative clause's verb
    if len(before) == 2 and before[0] in words.determiners and before[1] in RANK_WORDS and noun:
        return True  # "release the first detailed results in September"
    object_of = k >= 3 and toks[k - 3].low in OBJECT_PREPOSITIONS
    if object_of and toks[k - 2].low in words.determiners and following == "to":
        # "could fall below the level needed to cover imports by June" (not "A spokeswoman
        # for the department declined to comment": no verb before it, it is the verb)
        return _first_marker(toks, k - 1, -1, words, SCAN)[0] != 0
    bare = before[0] in ("to", "will", "would") if before else False
    bare = bare and not (k >= 3 and toks[k - 3].low in words.to_prepositions)  # not "according to
    # papers filed Wednesday": "to" there is a preposition
    lower = toks[k - 1].text.islower()  # not "from May to March cleared"
    if len(before) == 2 and bare and lower and before[1] not in ("be", "have", "get"):
        return True  # "forecast to bring scattered storms", "will release updated figures"
    return len(before) == 2 and before[0] in words.determiners and before[1].endswith("ly")


def _present_perfect(toks: list[Token], k: int, words: TenseWords) -> bool:
    """Token ``k`` is the participle of a present perfect ("has added", "have not ruled")."""
    m = k - 1 - (k >= 2 and toks[k - 1].low in ("not", "already", "also", "just"))
    before = toks[m - 1].low if m >= 1 else ""
    modal = before in words.modals or before in ("would", "will")  # "would have lost"
    return m >= 0 and toks[m].low in ("has", "have") and not modal


def _causative(toks: list[Token], m: int, k: int, words: TenseWords) -> bool:
    """ "have" at ``m`` with its object before the participle at ``k`` ("to have a new pope
    installed", "had its license revoked"): the participle is no verb of its own."""
    if toks[m].low not in ("have", "has", "had"):
        return False
    before = toks[m - 1].low if m > 0 else ""
    told = before == "to" or before in words.modals or before in ("will", "would")
    # "should have electricity restored by Sunday evening" (not "should have left Tuesday")
    return toks[m + 1].low in words.determiners or (told and m < k - 1)


def _infinitive_object(toks: list[Token], k: int, words: TenseWords) -> bool:
    """The past form at ``k`` stands between "to" and a verb and a noun: it describes the
    noun ("to recover lost production"; not "to have lost", "to be held")."""
    if k < 2 or k + 1 >= len(toks) or toks[k - 2].low != "to":
        return False
    verb, noun = toks[k - 1].text, toks[k + 1].text
    if not (verb.isalpha() and verb.islower()) or verb in ("have", "be", "get", "been"):
        return False
    return noun.isalpha() and noun.islower() and noun not in words.not_nouns


def past_form(tok: Token, words: TenseWords) -> bool:
    """A past-tense word, or a lowercase "-ed" word ("United", "Red" are names)."""
    word = tok.low
    if word in words.past:
        return True
    return (
        len(word) > 4
        and word.endswith("ed")
        and word not in words.not_past
        and tok.text.isalpha()
        and tok.text.islower()
    )

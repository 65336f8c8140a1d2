"""How many were killed and injured in THIS event.

A news sentence is full of numbers that are not a toll (dates, "three sites", ages, resolution
numbers, sums of money, the number of strikes), and often reports several tolls. A count is
therefore taken only from a casualty word ("killed", "died", "dead", "death toll", "wounded")
that is linked to the event's trigger by the syntax: the trigger itself, a clause under it
("an attack that left 3 dead", "..., killing 6"), or the clause it belongs to ("25 were killed
in the strikes", "the death toll from the strikes rose to 25"). Victims are read from the
casualty word's own argument (object, passive or intransitive subject, described noun), so a
subset ("including 2 women") never adds. A negated, future or attempted casualty word counts
nobody ("no one was killed", "tried to kill"), but a denied one keeps its figure ("the army
denied that 30 soldiers were killed": the event's status says denied). Vocabulary:
``resources/extract/toll.yaml``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from tacitus.errors import ResourceError
from tacitus.extract.numbers import Count, parse_count, read_count
from tacitus.extract.status import has_own_subject, unrealised
from tacitus.resources import LINE_KEY, load_yaml, path, require, word_set

__all__ = ["TollGuess", "event_toll", "is_casualty_word", "parse_count"]

RESOURCE = "extract/toll.yaml"
_KINDS = ("transitive", "intransitive", "adjective", "noun", "toll", "life")
_COUNTS = ("killed", "injured")
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "LAW"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
# Dependencies never followed from a linked word: reported content, asides, punctuation.
_SKIPPED_DEPS = frozenset({"ccomp", "parataxis", "punct", "appos", "cc", "mark"})


@dataclass(frozen=True, slots=True)
class TollGuess:
    """Killed/injured counts of one event, the rule that found them and their offsets."""

    killed: int | None
    injured: int | None
    qualifier: str
    rule: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    lemma: str
    count: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    entries: dict[str, tuple[_Entry, ...]]
    toll_kinds: dict[str, str]
    excluded_preps: frozenset[str]
    linking_marks: frozenset[str]
    separating_preps: frozenset[str]
    separating_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    singular_determiners: frozenset[str]
    person_pronouns: frozenset[str]
    suffer_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Found:
    count: str
    value: Count
    tokens: tuple[Token, ...]
    rule: str


def _fail(message: str, line: int | None) -> ResourceError:
    return ResourceError(message, str(path(RESOURCE)), line)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Load and validate ``toll.yaml`` once per process."""
    data = load_yaml(RESOURCE)
    if not isinstance(data, dict) or not isinstance(data.get("casualty"), list):
        raise _fail("expected 'casualty: [...]' at the top level", 1)
    entries: dict[str, list[_Entry]] = {}
    for item in data["casualty"]:
        require(item, ("lemma", "count", "kind"), RESOURCE)
        if item["count"] not in _COUNTS:
            raise _fail(f"count must be one of {', '.join(_COUNTS)}", item.get(LINE_KEY))
        if item["kind"] not in _KINDS:
            raise _fail(f"kind must be one of {', '.join(_KINDS)}", item.get(LINE_KEY))
        entry = _Entry(str(item["lemma"]).lower(), str(item["count"]), str(item["kind"]))
        entries.setdefault(entry.lemma, []).append(entry)
    kinds = data.get("toll_kinds")
    if not isinstance(kinds, dict) or any(
        v not in _COUNTS for k, v in kinds.items() if k != LINE_KEY
    ):
        raise _fail("'toll_kinds' must map words to killed|injured", data.get(LINE_KEY))
    return _Lexicon(
        entries={k: tuple(v) for k, v in entries.items()},
        toll_kinds={str(k): str(v) for k, v in kinds.items() if k != LINE_KEY},
        excluded_preps=word_set(data, "excluded_preps", RESOURCE),
        linking_marks=word_set(data, "linking_marks", RESOURCE),
        separating_preps=word_set(data, "separating_preps", RESOURCE),
        separating_nouns=word_set(data, "separating_nouns", RESOURCE),
        collective_nouns=word_set(data, "collective_nouns", RESOURCE),
        singular_determiners=word_set(data, "singular_determiners", RESOURCE),
        person_pronouns=word_set(data, "person_pronouns", RESOURCE),
        suffer_verbs=word_set(data, "suffer_verbs", RESOURCE),
    )


def _casualty(token: Token) -> _Entry | None:
    """The casualty entry a token instantiates, chosen by its part of speech."""
    lex = lexicon()
    candidates = lex.entries.get(token.lemma_.lower(), ()) + lex.entries.get(token.lower_, ())
    if token.pos_ in _CLAUSE_POS:
        wanted: tuple[str, ...] = ("transitive", "intransitive", "life")
    elif token.pos_ == "ADJ":
        wanted = ("adjective", "transitive")
    else:
        wanted = ("noun", "toll", "adjective")
    for kind in wanted:
        for entry in candidates:
            if entry.kind == kind and (kind != "life" or _life_object(token) is not None):
                return entry
    return None


def is_casualty_word(token: Token) -> bool:
    """Whether a word reports casualties ("killed", "died", "wounded", "deaths"): a clause
    built on it tells the toll of the event it hangs near, whatever noun the parser hangs it
    on ("an air strike on a market that killed 31 on Monday")."""
    return _casualty(token) is not None


def _life_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() == "life":
            return child
    return None


def _child(token: Token, *deps: str) -> Token | None:
    """The first child with one of ``deps``, trying the dependencies in the order given."""
    for dep in deps:
        for child in token.children:
            if child.dep_ == dep:
                return child
    return None


def _is_count_word(token: Token) -> bool:
    return token.pos_ == "NUM" or token.like_num or read_count(token.text) is not None


def _phrase_count(number: Token) -> tuple[Count, tuple[Token, ...]] | None:
    """The count phrase headed by a number word: "at least 25", "More than 40", "A dozen"."""
    if number.ent_type_ in _NOT_COUNTS:
        return None
    left = [t for t in number.subtree if t.i <= number.i]
    start = min(t.i for t in left)
    tokens = number.doc[start: number.i + 1]
    count = read_count(tokens)
    return None if count is None else (count, tuple(tokens))


def _noun_count(head: Token) -> tuple[Count, tuple[Token, ...]] | None:
    """How many people a victim phrase counts: its number, "a third", "a soldier", "Soleimani"."""
    lex = lexicon()
    if head.ent_type_ in _NOT_COUNTS:
        return None
    if head.pos_ == "NUM" or (head.pos_ in ("NOUN", "PRON") and _is_count_word(head)):
        return _phrase_count(head)
    for child in head.children:
        quantity = child.dep_ == "amod" and _is_count_word(child)  # "several others"
        if (child.dep_ in ("nummod", "quantmod") or quantity) \
                and child.ent_type_ not in _NOT_COUNTS:
            found = _phrase_count(child)
            if found is not None:
                return found
    det = _child(head, "det", "quantmod")
    ordinal = next((c for c in head.children if c.dep_ == "amod" and c.ent_type_ == "ORDINAL"),
                   None)
    if det is not None and ordinal is not None:
        tokens = head.doc[det.i: ordinal.i + 1]
        count = read_count(tokens)
        if count is not None:
            return count, tuple(tokens)
    person = head.ent_type_ == "PERSON" or head.lower_ in lex.person_pronouns
    if not (person or head.tag_ in ("NN", "NNP")) or head.lemma_.lower() in lex.collective_nouns:
        return None
    if det is not None and det.lower_ in lex.singular_determiners:
        return Count(1, "exact", f"singular '{det.text} {head.text}' -> 1"), (det, head)
    named = head.tag_ == "NNP" and head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")
    if named or person:
        return Count(1, "exact", f"one person '{head.text}' -> 1"), (head,)
    return None


def _victims(head: Token) -> list[tuple[Count, tuple[Token, ...]]]:
    """Counts of a victim phrase and its coordinated phrases ("3 soldiers and a civilian")."""
    counts = []
    for member in [head, *head.conjuncts]:
        if member.i < head.i:
            continue
        found = _noun_count(member)
        if found is not None:
            counts.append(found)
    return counts


def _combine(items: list[tuple[Count, tuple[Token, ...]]]) -> tuple[Count, tuple[Token, ...]] | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    total = sum(c.value for c, _ in items)
    qualifiers = {c.qualifier for c, _ in items} - {"exact"}
    qualifier = "at least" if qualifiers else "exact"
    rule = " + ".join(c.rule for c, _ in items) + f" -> {total}"
    return Count(total, qualifier, rule), tuple(t for _, toks in items for t in toks)


def _number_child(word: Token) -> tuple[Count, tuple[Token, ...]] | None:
    """A number written on the casualty word itself ("12 wounded", "19 deaths")."""
    for child in word.children:
        if child.dep_ in ("nummod", "quantmod", "npadvmod", "nsubj") and _is_count_word(child):
            found = _phrase_count(child) if child.pos_ == "NUM" else _noun_count(child)
            if found is not None:
                return found
    return None


def _passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    has_perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ == "VBN" and not has_perfect and _child(verb, "dobj") is None


def _victim_count(word: Token, entry: _Entry) -> tuple[tuple[Count, tuple[Token, ...]] | None, str]:
    """The count a casualty word gives, and which of its arguments gave it."""
    if entry.kind == "transitive" and word.pos_ in _CLAUSE_POS:
        if _passive(word):
            subject = _child(word, "nsubjpass", "nsubj")
            if subject is not None:
                return _combine(_victims(subject)), "passive subject"
            if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN", "NUM"):
                return _combine(_victims(word.head)), "described noun"
            return _number_child(word), "number on the verb"
        obj = _child(word, "dobj")
        if obj is not None and _shares_object(word):
            return None, "object shared with another casualty verb: killed and wounded together"
        if obj is not None:
            return _combine(_victims(obj)), "object"
        return _number_child(word), "number on the verb"
    if entry.kind == "intransitive":
        subject = _child(word, "nsubj")
        return (_combine(_victims(subject)) if subject is not None else None), "subject"
    if entry.kind == "life":
        lives = _life_object(word)
        on_lives = _number_child(lives) if lives is not None else None
        if on_lives is not None:
            return on_lives, "count of lives"
        subject = _child(word, "nsubj")
        return (_combine(_victims(subject)) if subject is not None else None), "subject"
    if entry.kind == "adjective" or (entry.kind == "transitive" and word.pos_ == "ADJ"):
        own = _number_child(word)
        if own is not None:
            return own, "number on the word"
        if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            return _combine(_victims(word.head)), "described noun"
        if word.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advmod", "attr"):
            holder = _child(word.head, "dobj", "nsubjpass", "nsubj")
            if holder is not None:
                return _combine(_victims(holder)), "predicated noun"
        return None, "no count"
    if entry.kind == "toll":
        return _toll_figure(word), "toll figure"
    own = _number_child(word)
    if own is not None:
        return own, "number on the noun"
    return _sufferers(word)


def _sufferers(noun: Token) -> tuple[tuple[Count, tuple[Token, ...]] | None, str]:
    """Who a countless casualty noun befell: "injuries to a policeman and a civilian",
    "a schoolboy and a watchman sustained injuries"."""
    lex = lexicon()
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    to = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"),
              None)
    victim = _child(to, "pobj") if to is not None else None
    if victim is not None:
        return _combine(_victims(victim)), "'to' object of the noun"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.suffer_verbs:
        subject = _child(noun.head, "nsubj", "nsubjpass")
        if subject is not None:
            return _combine(_victims(subject)), f"subject of '{noun.head.text}'"
    return None, "no count"


def _shares_object(verb: Token) -> bool:
    """ "killing and injuring several soldiers": one object for two casualty verbs, so the
    figure is a combined toll that neither count can take."""
    others = [verb.head] if verb.dep_ == "conj" else []
    others += [c for c in verb.children if c.dep_ == "conj"]
    return any(
        o.pos_ in _CLAUSE_POS and _casualty(o) is not None and _child(o, "dobj") is None
        and not _passive(o)
        for o in others
    )


def _toll_figure(toll: Token) -> tuple[Count, tuple[Token, ...]] | None:
    """ "a death toll of 19", "the toll rose to 25", "the toll stood at 40", "the toll is 25"."""
    places = [toll]
    if toll.dep_ in _SUBJECTS:
        places.append(toll.head)
    for place in places:
        for child in place.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "to", "at"):
                number = _child(child, "pobj")
                if number is not None and _is_count_word(number):
                    return _phrase_count(number) if number.pos_ == "NUM" else _noun_count(number)
            if place.i != toll.i and child.dep_ in ("dobj", "attr") and _is_count_word(child):
                return _phrase_count(child) if child.pos_ == "NUM" else _noun_count(child)
    return None


def _toll_count(word: Token, entry: _Entry) -> str:
    if entry.kind != "toll":
        return entry.count
    kinds = lexicon().toll_kinds
    for child in word.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in kinds:
            return kinds[child.lemma_.lower()]
    return entry.count


def _may_enter(child: Token) -> bool:
    """Whether a descendant still belongs to the same event as the word above it."""
    lex = lexicon()
    if child.dep_ in _SKIPPED_DEPS:
        return False
    if child.dep_ == "prep" and child.lower_ in lex.excluded_preps | lex.separating_preps:
        return False
    if child.lemma_.lower() in lex.separating_nouns:
        return False
    if child.pos_ not in _CLAUSE_POS or child.dep_ in ("aux", "auxpass"):
        return True
    marked = _child(child, "mark", "advmod") is not None
    if child.dep_ == "advcl" and marked and not _linking(child):
        return False
    if not has_own_subject(child):
        return True
    entry = _casualty(child)
    victim_subject = entry is not None and (
        entry.kind in ("intransitive", "life") or _passive(child)
    )
    return (child.dep_ == "conj" and victim_subject) or (child.dep_ == "advcl" and _linking(child))


def _descend(node: Token, skip: Token | None) -> list[Token]:
    """Casualty words under ``node`` that belong to its event, nearest first."""
    found = []
    queue = deque(c for c in node.children if (skip is None or c.i != skip.i) and _may_enter(c))
    while queue:
        token = queue.popleft()
        if _casualty(token) is not None:
            found.append(token)
        queue.extend(c for c in token.children if _may_enter(c))
    return found


def _linking(clause: Token) -> bool:
    """A clause introduced by "when", "as", "while": it tells how the toll came about."""
    mark = _child(clause, "mark", "advmod")
    return mark is not None and mark.lower_ in lexicon().linking_marks


def _clause_above(token: Token) -> Token | None:
    """The nearest clause verb above a misattached "when" clause, skipping "including"."""
    excluded = lexicon().excluded_preps
    for ancestor in token.ancestors:
        if ancestor.pos_ in _CLAUSE_POS and ancestor.lower_ not in excluded:
            return ancestor
    return None


def _coordinated(verb: Token) -> list[Token]:
    """Casualty verbs coordinated with the event's verb ("were killed and hundreds wounded")."""
    found = []
    for other in verb.conjuncts:
        if other.i < verb.i and _casualty(other) is not None:
            found.append(other)
            found += _descend(other, verb)
    return found


def _linked(trigger: Token) -> list[Token]:
    """Casualty words tied to the trigger: itself, under it, then its clause, nearest first."""
    lex = lexicon()
    linked = [trigger] if _casualty(trigger) is not None else []
    linked += _descend(trigger, None)
    token = trigger
    while token.head.i != token.i:
        head, dep = token.head, token.dep_
        if dep == "relcl" and _linking(token):
            above = _clause_above(token)
            if above is None:
                break
            head, dep = above, "advcl"
        if dep in ("relcl", "parataxis", "appos", "ccomp") or (
            head.lemma_.lower() in lex.separating_nouns
        ):
            break
        if dep == "advcl" and not _linking(token):
            break
        if dep == "pobj" and head.lower_ in lex.separating_preps:
            break
        if token.pos_ in _CLAUSE_POS and dep not in ("advcl", "conj", "xcomp"):
            break
        if _casualty(head) is not None:
            linked.append(head)
        if head.pos_ in _CLAUSE_POS or _casualty(head) is not None:
            linked += _descend(head, token)
        if head.pos_ in _CLAUSE_POS:
            linked += _coordinated(head)
            break
        token = head
    unique: list[Token] = []
    for word in linked:
        if word not in unique:
            unique.append(word)
    return unique


def _find(word: Token) -> _Found | None:
    entry = _casualty(word)
    if entry is None or unrealised(word) is not None:
        return None
    result, how = _victim_count(word, entry)
    if result is None:
        return None
    count, tokens = result
    which = _toll_count(word, entry)
    rule = (f"toll.yaml {entry.lemma} ({entry.kind}) '{word.text}': {how} -> "
            f"{which} {count.value} {count.qualifier} [{count.rule}]")
    return _Found(which, count, (*tokens, word), rule)


def event_toll(trigger: Token) -> TollGuess | None:
    """Killed and injured counts of the event whose trigger is ``trigger``, or None.

    The figure attached nearest to the trigger's own clause wins when several are given. The
    qualifier is the killed count's (the injured count's when only that is known).
    """
    best: dict[str, _Found] = {}
    for word in _linked(trigger):
        found = _find(word)
        if found is not None and found.count not in best:
            best[found.count] = found
    if not best:
        return None
    killed, injured = best.get("killed"), best.get("injured")
    lead = killed if killed is not None else best["injured"]
    tokens = [t for f in best.values() for t in f.tokens]
    return TollGuess(
        killed=killed.value.value if killed else None,
        injured=injured.value.value if injured else None,
        qualifier=lead.value.qualifier,
        rule="; ".join(f.rule for f in (killed, injured) if f is not None),
        start=min(t.idx for t in tokens),
        end=max(t.idx + len(t.text) for t in tokens),
    )

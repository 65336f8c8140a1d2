"""Coding an act by how it is stated: intended, obliged or refused rather than done.

CAMEO codes what a sentence asserts, not the verb alone: "Syria will withdraw" asserts an intent
to yield (036/035, PLOVER AGREE), "Sudan must return the helicopter" a demand (10, REQUEST),
"Syria will not accept refugees" a refusal (12, REJECT), "X will strike" a threat (13), and
"X will withdraw unless Y ..." a threat too. The tables live in ``triggers.yaml``
(``future_intent``, ``obligation_*``, ``negated_*``, ``intent_governors``, ``condition_*``); the status itself still comes from :mod:`tacitus.extract.status`.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.extract.coding import Coding, coding
from tacitus.extract.lexicon import Lexicon, intent_code

FUTURE = frozenset({"threatened", "planned"})


def _intended(anchor: Token, governors: frozenset[str]) -> bool:
    """'offered to hand over', 'willing to withdraw': the act is only intended."""
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in governors


def _conditional(anchor: Token, markers: frozenset[str]) -> bool:
    """'will withdraw unless X arranges a ceasefire': the act hangs on a condition put to
    someone else."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in c.children)
               for c in anchor.children)


def _announced(coded: Coding, content: Coding | None, lexicon: Lexicon) -> Coding | None:
    """'warned that more sanctions would follow', 'agreed to resume flights': a bare threat
    or agreement takes the specific "threaten with ..." / "express intent to ..." code of the
    act it announces (future_intent), when that code is of the same type."""
    if content is None or coded.type not in ("THREATEN", "AGREE") or len(coded.cameo) > 3:
        return None
    code = intent_code(content.cameo, lexicon.future_intent)
    recoded = coding(code) if code else None
    return recoded if recoded is not None and recoded.type == coded.type else None


def recode(coded: Coding, anchor: Token, status: str, lexicon: Lexicon,
           content: Coding | None = None) -> tuple[Coding, str | None]:
    """The coding the statement implies and a provenance note, or ``coded`` and None;
    ``content`` is the coding of the act a threat or agreement announces, if any."""
    announced = _announced(coded, content, lexicon)
    if announced is not None and content is not None and announced.cameo != coded.cameo:
        return announced, (f"announced act {content.cameo} (triggers.yaml future_intent) "
                           f"-> {announced.cameo}")
    modals = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
    code: str | None
    if (status in FUTURE and coded.type != "THREATEN"
            and _conditional(anchor, lexicon.condition_markers)):
        code, why = lexicon.conditional_threat_code, (
            "conditional act (triggers.yaml conditional_threat_code)")
    elif modals & lexicon.obligation_modals and coded.type != "REQUEST":
        code, why = lexicon.obligation_code, "obligation modal (triggers.yaml obligation_code)"
    elif any(c.dep_ == "neg" for c in anchor.children) and coded.quad_class in (1, 2):
        code, why = lexicon.negated_cooperation_code, (
            "negated cooperation (triggers.yaml negated_cooperation_code)")
    elif (status in FUTURE and anchor.tag_ != "VBD") or _intended(anchor, lexicon.intent_governors):
        # A past-tense act ("rejected an invitation to a meeting next week") is done, whatever
        # date its sentence names.
        code, why = intent_code(coded.cameo, lexicon.future_intent), (
            "stated as intent (triggers.yaml future_intent)")
    else:
        return coded, None
    recoded = coding(code) if code else None
    if recoded is None:
        return coded, None
    return recoded, f"{why} -> {recoded.cameo}"

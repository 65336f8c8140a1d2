"""Coding an act by how it is stated: intended, obliged or refused rather than done.

CAMEO codes what a sentence asserts, not the verb alone: "Syria will withdraw" asserts an intent
to yield (036/035, PLOVER AGREE), "Sudan must return the helicopter" a demand (10, REQUEST),
"Syria will not accept refugees" a refusal (12, REJECT), "X will strike" a threat (13). The
tables live in ``triggers.yaml`` (``future_intent``, ``obligation_*``, ``negated_*``,
``intent_governors``); the status itself still comes from :mod:`tacitus.extract.status`.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.extract.coding import Coding, coding
from tacitus.extract.lexicon import Lexicon, intent_code

FUTURE = frozenset({"threatened", "planned"})


def _intended(anchor: Token, governors: frozenset[str]) -> bool:
    """'offered to hand over', 'willing to withdraw': the act is only intended."""
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in governors


def _threatened(coded: Coding, content: Coding | None, lexicon: Lexicon) -> Coding | None:
    """'warned that more sanctions would follow': a bare threat takes the specific "threaten
    with ..." code of the act it announces (future_intent), when that code is a threat."""
    if content is None or coded.type != "THREATEN" or len(coded.cameo) > 3:
        return None
    code = intent_code(content.cameo, lexicon.future_intent)
    recoded = coding(code) if code else None
    return recoded if recoded is not None and recoded.type == "THREATEN" else None


def recode(coded: Coding, anchor: Token, status: str, lexicon: Lexicon,
           content: Coding | None = None) -> tuple[Coding, str | None]:
    """The coding the statement implies and a provenance note, or ``coded`` and None;
    ``content`` is the coding of the act a threat announces, if any."""
    threat = _threatened(coded, content, lexicon)
    if threat is not None and threat.cameo != coded.cameo:
        return threat, f"threatened act {content.cameo} (triggers.yaml future_intent) -> {threat.cameo}"  # type: ignore[union-attr]
    modals = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
    code: str | None
    if modals & lexicon.obligation_modals and coded.type != "REQUEST":
        code, why = lexicon.obligation_code, "obligation modal (triggers.yaml obligation_code)"
    elif any(c.dep_ == "neg" for c in anchor.children) and coded.quad_class in (1, 2):
        code, why = lexicon.negated_cooperation_code, (
            "negated cooperation (triggers.yaml negated_cooperation_code)")
    elif status in FUTURE or _intended(anchor, lexicon.intent_governors):
        code, why = intent_code(coded.cameo, lexicon.future_intent), (
            "stated as intent (triggers.yaml future_intent)")
    else:
        return coded, None
    recoded = coding(code) if code else None
    if recoded is None:
        return coded, None
    return recoded, f"{why} -> {recoded.cameo}"

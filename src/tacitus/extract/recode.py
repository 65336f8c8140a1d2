"""Coding an act by how it is stated: intended, obliged or refused rather than done.

CAMEO codes what a sentence asserts, not the verb alone: "Syria will withdraw" asserts an intent
to yield (036/035, PLOVER AGREE), "Sudan must return the helicopter" a demand (10, REQUEST),
"Syria will not accept refugees" a refusal (12, REJECT), "X will strike" a threat (13), and
"X will withdraw unless Y ..." a threat too, and "troops prepared to storm the town" a show of
force (15, MOBILIZE). The tables live in ``triggers.yaml`` (``future_intent``, ``obligation_*``,
``negated_*``, ``intent_governors``, ``commitment_verbs``, ``preparation_*``, ``condition_*``);
the status itself still comes from :mod:`tacitus.extract.status`.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.extract.coding import ARMED_ROOTS, Coding, coding
from tacitus.extract.lexicon import Lexicon, intent_code

FUTURE = frozenset({"threatened", "planned"})
OFFER_VERBS = frozenset({"offer", "volunteer"})
"""An offer is cooperative whatever it offers (PLOVER manual 3.1 AGREE: "agree to, offer,
promise"): "offered to send police to Haiti" is no threat of force."""
OFFER_CODE = "030"


def _intended(anchor: Token, governors: frozenset[str]) -> bool:
    """'offered to hand over', 'willing to withdraw', 'its readiness to negotiate', 'committed
    to opening up': the act is only intended."""
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "to":
        # "is committed to opening up the economy"
        return anchor.head.head.lemma_.lower() in governors
    return (anchor.dep_ == "xcomp" or anchor.dep_ == "acl" and anchor.head.pos_ == "NOUN") and (
        anchor.head.lemma_.lower() in governors)


def _on_mission(anchor: Token, lexicon: Lexicon) -> bool:
    """'sent 21 experts to investigate': the purpose of a mission already sent is under way,
    not an intent."""
    head = anchor.head
    return (anchor.dep_ in ("xcomp", "advcl") and head.tag_ in ("VBD", "VBN")
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in anchor.children)
            and lexicon.verb_lemma(head) in lexicon.sending_verbs)


def _prepared(anchor: Token, verbs: frozenset[str]) -> bool:
    """'the army prepared to resume shelling', 'troops were preparing to storm the town': the
    act's clause hangs on a verb of preparation (not the adjective of "is prepared to")."""
    token = anchor
    for _ in range(3):
        if token.dep_ not in ("xcomp", "dobj") or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "VERB" and token.tag_ != "VBN" and token.lemma_.lower() in verbs:
            return True
    return False


def _conditional(anchor: Token, markers: frozenset[str]) -> bool:
    """'will withdraw unless X arranges a ceasefire': the act hangs on a condition put to
    someone else."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers for m in c.children)
               for c in anchor.children)


def _announced(coded: Coding, content: Coding | None, lexicon: Lexicon,
               commits: bool) -> Coding | None:
    """'warned that more sanctions would follow', 'agreed to resume flights': a bare threat
    or agreement takes the specific "threaten with ..." / "express intent to ..." code of the
    act it announces (future_intent), when that code is of the same type, or whatever its type
    when the verb is a commitment ("vowed", "pledged") that can promise as well as threaten."""
    if content is None or coded.type not in ("THREATEN", "AGREE") or len(coded.cameo) > 3:
        return None
    code = intent_code(content.cameo, lexicon.future_intent)
    recoded = coding(code) if code else None
    if recoded is None:
        return None
    # "vowed to sign the accord" promises, "vowed to retaliate" threatens: a commitment verb
    # takes the type of what it announces; "threatened" and "agreed" keep their own.
    return recoded if recoded.type == coded.type or commits else None


def _threat_of(coded: Coding, lexicon: Lexicon) -> str:
    """The specific threat an act announced on a condition makes, or the bare threat code."""
    code = intent_code(coded.cameo, lexicon.future_intent)
    threat = coding(code) if code else None
    if threat is not None and threat.type == "THREATEN":
        return threat.cameo
    return lexicon.conditional_threat_code


def recode(coded: Coding, anchor: Token, status: str, lexicon: Lexicon,
           content: Coding | None = None) -> tuple[Coding, str | None]:
    """The coding the statement implies and a provenance note, or ``coded`` and None;
    ``content`` is the coding of the act a threat or agreement announces, if any."""
    commits = anchor.lemma_.lower() in lexicon.commitment_verbs
    announced = _announced(coded, content, lexicon, commits)
    if announced is not None and content is not None and announced.cameo != coded.cameo:
        return announced, (f"announced act {content.cameo} (triggers.yaml future_intent) "
                           f"-> {announced.cameo}")
    modals = {c.lower_ for c in anchor.children if c.dep_ == "aux"}
    code: str | None
    if (status in FUTURE and coded.type != "THREATEN"
            and _conditional(anchor, lexicon.condition_markers)):
        # "will boycott the elections unless ...": the threat of what is announced (133, a
        # boycott) when the announced act is a threat at all, else a bare threat (130).
        code, why = _threat_of(coded, lexicon), (
            "conditional act (triggers.yaml future_intent, else conditional_threat_code)")
    elif coded.cameo[:2] in ARMED_ROOTS and _prepared(anchor, lexicon.preparation_verbs):
        code, why = lexicon.preparation_code, (
            "preparation for an armed act (triggers.yaml preparation_code)")
    elif modals & lexicon.obligation_modals and coded.type != "REQUEST":
        code, why = lexicon.obligation_code, "obligation modal (triggers.yaml obligation_code)"
    elif any(c.dep_ == "neg" for c in anchor.children) and coded.quad_class in (1, 2):
        code, why = lexicon.negated_cooperation_code, (
            "negated cooperation (triggers.yaml negated_cooperation_code)")
    elif (status in FUTURE and anchor.tag_ != "VBD" and not _on_mission(anchor, lexicon)) or (
            _intended(anchor, lexicon.intent_governors)):
        # A past-tense act ("rejected an invitation to a meeting next week") is done, whatever
        # date its sentence names.
        code, why = intent_code(coded.cameo, lexicon.future_intent), (
            "stated as intent (triggers.yaml future_intent)")
        intent = coding(code) if code else None
        if (intent is not None and intent.type == "THREATEN" and anchor.dep_ == "xcomp"
                and anchor.head.lemma_.lower() in OFFER_VERBS):
            code, why = OFFER_CODE, "offered, so cooperative (recode.OFFER_CODE)"
    else:
        return coded, None
    recoded = coding(code) if code else None
    if recoded is None:
        return coded, None
    return recoded, f"{why} -> {recoded.cameo}"

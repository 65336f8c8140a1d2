"""The indexed span look-ups agree with spaCy's own (slow) ones."""

from __future__ import annotations

import pytest

from tacitus.nlp.spans import char_span, doc_text, ents_in, noun_chunks_in, sentence_of, sentences_in

TEXT = ("US drone strikes on Sunday killed at least 25 fighters of Kataib Hezbollah in Anbar. "
        "The Pentagon said it hit three sites in Iraq.\n\nIsrael's foreign minister welcomed the "
        "strikes on Monday.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_chunks_and_entities_match_spacy(doc) -> None:
    for sent in doc.sents:
        assert [c.text for c in noun_chunks_in(sent)] == [c.text for c in sent.noun_chunks]
        assert [(e.text, e.label_) for e in ents_in(sent)] == [(e.text, e.label_) for e in sent.ents]


def test_sentence_lookups_match_spacy(doc) -> None:
    for token in doc:
        assert sentence_of(doc, token.i) == token.sent
    whole = doc[:]
    assert sentences_in(whole) == list(doc.sents)
    assert sentences_in(doc[3:5]) == [doc[3].sent]


@pytest.mark.parametrize("start, end", [(0, 2), (3, 9), (4, 30), (90, 140), (150, len(TEXT))])
def test_char_span_matches_spacy_expand(doc, start, end) -> None:
    assert char_span(doc, start, end) == doc.char_span(start, end, alignment_mode="expand")


def test_doc_text_is_the_text(doc) -> None:
    assert doc_text(doc) == TEXT

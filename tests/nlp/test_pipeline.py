"""The shared spaCy pipeline: long texts are chunked but offsets stay exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.model import Article
from tacitus.nlp.pipeline import split_chunks

TEXTS = st.text(alphabet=st.sampled_from(list("ab .\n")), max_size=3000)


@given(text=TEXTS, size=st.integers(min_value=8, max_value=400))
@settings(max_examples=200, deadline=None)
def test_chunks_join_back_to_the_text(text: str, size: int) -> None:
    chunks = split_chunks(text, size)
    assert "".join(chunks) == text
    assert all(len(c) <= size for c in chunks)


def test_chunks_prefer_paragraph_breaks() -> None:
    text = ("One sentence here. " * 5 + "\n\n") * 4
    chunks = split_chunks(text, 220)
    assert all(c.endswith("\n\n") for c in chunks[:-1])


def test_long_article_parses_to_one_doc_with_the_same_text(pipeline) -> None:
    paragraph = "Police fired tear gas at protesters in Lagos on Sunday. " * 40 + "\n\n"
    text = paragraph * 30  # about 68,000 characters: more than one chunk
    parsed = next(pipeline.parse([Article(text=text)]))
    assert parsed.doc.text == text
    assert len(list(parsed.doc.sents)) >= 1200


def test_parse_keeps_article_order(pipeline) -> None:
    articles = [Article(text=f"Report number {i} says troops withdrew.") for i in range(40)]
    parsed = list(pipeline.parse(articles, batch_size=8))
    assert [p.article for p in parsed] == articles
    assert all(p.doc.text == p.article.text for p in parsed)


def test_a_sentence_never_spans_a_paragraph_break(nlp) -> None:
    doc = nlp("Police fired tear gas in Baghdad\n\nThe ministry said 12 people were hurt.")
    assert [s.text.strip() for s in doc.sents] == [
        "Police fired tear gas in Baghdad", "The ministry said 12 people were hurt."]

"""Each gold-set reader on small hand-written files, good and malformed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tacitus.errors import EvalError
from tacitus.eval import case2021, evaluate, geoxml, golden, petrarch, plover
from tacitus.eval.dataset import select
from tacitus.eval.tables import NO_CATEGORY

PLOVER_RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "documentation"},
    {"id": "R-1", "date": "2000-01-01", "event": "DEMAND", "text": "Japan demanded talks.",
     "source": [{"actorText": "Japan", "code": "JAP"}], "target": ""},
    {"id": "R-2", "date": "20000102", "event": "INVESTIGATE", "text": "Italy opened an inquiry.",
     "source": [{"actorText": "Italy", "code": "ITL"}], "target": [{"actorText": "UN", "code": "IGO"}]},
    {"id": "R-3", "event": "PROTEST", "mode": "strike-hun", "text": "Prisoners began a hunger strike."},
    {"id": "R-4", "event": "FIGHT", "text": "Troops clashed.", "target": "diplomatic"},
    "not an object",
    {"id": "R-6", "event": "DANCE", "text": "They danced."},
    {"id": "R-7", "event": "AGREE", "text": ""},
]


def test_plover_reader(tmp_path: Path) -> None:
    file = tmp_path / "gsr.json"
    file.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    gold = plover.read(file)
    assert [r.id for r in gold.records] == ["R-1", "R-2", "R-3", "R-4"]
    r1, r2, r3, r4 = gold.records
    assert (r1.type, r1.actors, r1.recipients, r1.published) == ("REQUEST", ("JPN",), (), date(2000, 1, 1))
    assert (r2.type, r2.mode, r2.actors, r2.recipients) == ("ACCUSE", "investigate", ("ITA",), ("IGO",))
    assert r2.published == date(2000, 1, 2)
    assert (r3.type, r3.mode, r3.published) == ("PROTEST", "hunger", None)
    assert (r4.type, r4.recipients) == ("ASSAULT", ())
    messages = [str(p) for p in gold.problems]
    assert any("record 5 (R-4): 'target' is not a list of actors" in m and m.startswith("warning")
               for m in messages)
    assert any("record 6: not a JSON object" in m for m in messages)
    assert any("record 7 (R-6): unknown PLOVER label 'DANCE'" in m for m in messages)
    assert any("record 8 (R-7): no 'text'" in m for m in messages)


def test_plover_reads_json_lines_and_reports_the_bad_line(tmp_path: Path) -> None:
    file = tmp_path / "gsr.jsonl"
    good = json.dumps({"id": "A", "event": "AGREE", "text": "They agreed."})
    file.write_text(f"{good}\n{{broken\n{good}\n", encoding="utf-8")
    gold = plover.read(file)
    assert len(gold.records) == 2
    assert [p.line for p in gold.problems] == [2]


def test_case2021_reader(tmp_path: Path) -> None:
    file = tmp_path / "dev.tsv"
    file.write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tUS warplanes pounded the village.\tAIR_STRIKE\n"
        "2\tAn earthquake struck.\tNATURAL_DISASTER\n"
        "3\tonly two cells\n"
        "4\tSomething happened.\tNOT_A_CLASS\n"
        "\n"
        "5\tA snippet\twith a tab.\tARREST\n",
        encoding="utf-8",
    )
    gold = case2021.read(file)
    assert [(r.id, r.label) for r in gold.records] == [
        ("1", "Air/drone strike"), ("2", NO_CATEGORY), ("5", "Arrests")]
    assert gold.records[2].text == "A snippet\twith a tab."
    assert [(p.line, p.message.split(":")[0]) for p in gold.problems] == [
        (4, "expected 3 tab-separated columns, got 2"), (5, "unknown CASE 2021 class 'NOT_A_CLASS'")]


def test_case2021_without_header(tmp_path: Path) -> None:
    file = tmp_path / "test.tsv"
    file.write_text('7\tProtesters "peacefully" marched.\tPEACE_PROTEST\n', encoding="utf-8")
    (record,) = case2021.read(file).records
    assert (record.id, record.text, record.label) == (
        "7", 'Protesters "peacefully" marched.', "Peaceful protest")


PETRARCH_XML = """<Validation>
<Sentences>
<!-- <Sentence date="19950101" id="COMMENTED-OUT"> -->
<Sentence date="19950101" id="DEMO-01" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">
<Text>
Arnor is about to restore full diplomatic ties with Gondor &amp; its allies.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="DEMO-02">
<EventCoding sourcecode="USAGOV" targetcode="IRQ" eventcode="1123"/>
<EventCoding sourcecode="USA" targetcode="IRQREB" eventcode="190"/>
<Text>The US accused Iraq and attacked rebels.</Text>
</Sentence>
<Sentence date="19950103" id="DEMO-03">
<EventCoding noevents="True">
<Text>Nothing happened today.</Text>
</Sentence>
<Sentence date="19950104" id="DEMO-04" noevents="True">
<Text>Nothing again.</Text>
</Sentence>
<Sentence date = "19950107" id ="ERROR-01">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- a dateline PETRARCH must discard.</Text>
</Sentence>
<Sentence date="19950105" id="DEMO-05">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">
</Sentence>
<Sentence date="19950106" id="DEMO-06">
<Text>No coding at all.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_reader(tmp_path: Path) -> None:
    file = tmp_path / "valid.xml"
    file.write_text(PETRARCH_XML, encoding="utf-8")
    gold = petrarch.read(file)
    assert [r.id for r in gold.records] == ["DEMO-01", "DEMO-02", "DEMO-03", "DEMO-04", "ERROR-01"]
    first, second, third, fourth, fifth = gold.records
    assert first.text == "Arnor is about to restore full diplomatic ties with Gondor & its allies."
    assert first.published == date(1995, 1, 1)
    assert [(c.source, c.target, c.code, c.root) for c in second.codings] == [
        ("USAGOV", "IRQ", "1123", "11"), ("USA", "IRQREB", "190", "19")]
    assert not third.has_events and not fourth.has_events and not fifth.has_events
    assert [(p.line, p.message) for p in gold.problems] == [
        (27, "sentence DEMO-05: no <Text>: skipped"),
        (30, "sentence DEMO-06: no usable EventCoding and no noevents: skipped")]


GEOVIRUS_XML = """<articles>
  <article>
    <source>https://example.org/a</source>
    <text>Hogs were culled in Pandi, Bulacan on Sunday.</text>
    <locations>
      <location><name>Pandi</name><start>19</start><end>24</end><lat>14.87</lat><lon>120.95</lon></location>
      <location><name>Bulacan</name><start>27</start><end>34</end><lat>15</lat><lon>121.08</lon>
      <location><name>Sunday</name><start>x</start><end>44</end><lat>1</lat><lon>1</lon></location>
      </location>
    </locations>
  </article>
  <article><text>   </text></article>
</articles>
"""

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="38543434">
    <title>Flooding</title>
    <text><![CDATA[Flooding hit Paris, Texas and Houston.]]></text>
    <toponyms>
      <toponym><phrase>Paris</phrase><start>13</start><end>18</end>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.66</lat><lon>-95.55</lon>
          <country geonameid="6252001">United States</country></gaztag>
      </toponym>
      <toponym><phrase>Texas</phrase><start>20</start><end>25</end></toponym>
      <toponym><phrase>Houston</phrase><start>30</start><end>37</end>
        <gaztag geonameid="4699066"><lat>29.76</lat><lon>-95.36</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_geovirus_shape_with_shifted_offsets(tmp_path: Path) -> None:
    file = tmp_path / "GeoVirus.xml"
    file.write_text(GEOVIRUS_XML, encoding="utf-8")
    gold = geoxml.read(file)
    (article,) = gold.records
    assert [(t.name, article.text[t.start:t.end], t.lat) for t in article.toponyms] == [
        ("Pandi", "Pandi", 14.87), ("Bulacan", "Bulacan", 15.0)]
    assert article.realigned == 1
    messages = [p.message for p in gold.problems]
    assert messages[0].startswith("article 1 toponym 3: invalid literal")
    assert messages[1] == "article 2: no <text>: skipped"


def test_lgl_shape(tmp_path: Path) -> None:
    file = tmp_path / "lgl.xml"
    file.write_text(LGL_XML, encoding="utf-8")
    (article,) = geoxml.read(file).records
    assert article.id == "38543434"
    paris, texas, houston = article.toponyms
    assert (paris.span, paris.lat, paris.lon, paris.geonameid) == ((13, 18), 33.66, -95.55, 4717560)
    assert (texas.located, texas.geonameid) == (False, None)
    assert (houston.geonameid, houston.lat) == (4699066, 29.76)


def test_geo_xml_that_is_not_xml(tmp_path: Path) -> None:
    file = tmp_path / "broken.xml"
    file.write_text("<articles><article><text>x</article>", encoding="utf-8")
    with pytest.raises(EvalError, match="not well-formed XML"):
        geoxml.read(file)


def test_golden_pairs_gold_and_article_folders(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "strike.txt").write_text(
        "2019-12-30\nUS forces struck five sites in Iraq.", encoding="utf-8")
    (tmp_path / "gold" / "strike.expected.json").write_text(
        json.dumps({"article": {"published": "2019-12-30"}, "events": []}), encoding="utf-8")
    (tmp_path / "gold" / "orphan.expected.json").write_text('{"events": []}', encoding="utf-8")
    (tmp_path / "gold" / "bad.expected.json").write_text('{"events": [}', encoding="utf-8")
    for root in (tmp_path, tmp_path / "gold"):
        gold = golden.read(root)
        assert [r.name for r in gold.records] == ["strike"]
        assert gold.records[0].article.text.startswith("US forces struck")
        assert sorted(p.message.split(":")[0] for p in gold.problems) == [
            "invalid JSON", "no article file with the same name"]


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("plover-gsr", "missing.json", "no such file or directory"),
        ("no-such-format", "x", "unknown dataset format 'no-such-format'"),
        ("golden", "file.txt", "expected a folder"),
    ],
)
def test_fatal_inputs_are_one_line_errors(tmp_path: Path, fmt: str, name: str, message: str) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        evaluate(fmt, tmp_path / name)


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("plover-gsr", "[]"),
        ("case2021", "id\tEventSnippet\tSubType\n"),
        ("petrarch-xml", "<Sentences></Sentences>"),
        ("geo-xml", "<articles></articles>"),
    ],
)
def test_empty_dataset(tmp_path: Path, fmt: str, content: str) -> None:
    file = tmp_path / "empty"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match="empty dataset"):
        evaluate(fmt, file)


def test_select_halves_and_limit() -> None:
    records = list(range(1, 8))
    assert select(records, half="odd") == [1, 3, 5, 7]
    assert select(records, half="even") == [2, 4, 6]
    assert select(records, limit=2, half="odd") == [1, 3]
    with pytest.raises(EvalError, match="--limit"):
        select(records, limit=0)


def test_golden_corpus_lines_pair_by_id(tmp_path: Path) -> None:
    corpus = [{"id": "a-1", "published": "2020-04-18", "text": "Troops clashed with rebels."},
              {"id": "a-2", "published": "2020-04-19", "text": "Police arrested ten activists."}]
    (tmp_path / "corpus.jsonl").write_text(
        "\n".join(json.dumps(r) for r in corpus), encoding="utf-8")
    expected = [{"article": {"external_id": "a-2"}, "events": []},
                {"article": {"external_id": "zzz"}, "events": []},
                {"article": {"external_id": "a-1"}, "events": [{"type": "ASSAULT"}]}]
    (tmp_path / "corpus.expected.jsonl").write_text(
        "\n".join(json.dumps(r) for r in expected) + "\n[1, 2]\n", encoding="utf-8")
    gold = golden.read(tmp_path)
    assert [(r.name, r.article.text) for r in gold.records] == [
        ("corpus:a-2", "Police arrested ten activists."), ("corpus:a-1", "Troops clashed with rebels.")]
    assert [(p.line, p.message) for p in gold.problems] == [
        (4, "expected an object with an 'events' list: skipped"),
        (2, "no article for this expected record (id zzz): skipped")]


def test_petrarch_sample_file() -> None:
    gold = petrarch.read(Path(__file__).parent / "data" / "petrarch_sample.xml")
    assert len(gold.records) == 10 and not gold.problems
    assert [r.id for r in gold.records if not r.has_events] == ["SAMPLE-09", "SAMPLE-10"]
    assert gold.records[0].text == ("Israeli warplanes struck Hamas positions in the Gaza Strip on "
                                    "Sunday, the army said.")
    assert [c.code for c in gold.records[7].codings] == ["030", "030"]

"""Scoring functions fed hand-made system output, with answers worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.eval import case2021, geoxml, golden, petrarch, plover
from tacitus.eval.codes import agrees, gold_key
from tacitus.eval.tables import NO_CATEGORY
from tacitus.model import Acled, Article, ArticleResult, Event, Evidence, Party, Place, Quote, Toll

JAPAN = Party(text="Japan", name="Japan", id="JPNGOV", country="JPN", sector="GOV", kind="state")
UN = Party(text="the UN", name="United Nations", id="IGOUNO", sector="IGO", kind="international")
IRAQ = Party(text="Iraq", name="Iraq", id="IRQGOV", country="IRQ", sector="GOV", kind="state")
QAEDA = Party(text="al-Qaeda", name="al-Qaeda", id="IMGMUSALQ", kind="non-state armed")


def event(type_: str = "ASSAULT", cameo: str = "190", **fields) -> Event:
    return Event(id="e", type=type_, cameo=cameo, goldstein=-10.0, quad_class=4,
                 status="occurred", **fields)


@pytest.mark.parametrize(
    ("code", "party", "expected"),
    [
        ("JAP", JAPAN, True),
        ("JPNGOV", JAPAN, True),
        ("IRQ", JAPAN, False),
        ("IGO", UN, True),
        ("IGOUNO", UN, True),
        ("NGO", UN, False),
        ("IMG", QAEDA, True),
        ("USA", None, False),
    ],
)
def test_gold_codes_against_parties(code: str, party: Party | None, expected: bool) -> None:
    assert agrees([gold_key(code)], party) is expected


@pytest.mark.parametrize("code", ["---", "", '"INJURY TOLL"'])
def test_missing_and_unknown_codes_have_no_key(code: str) -> None:
    assert gold_key(code) is None


def test_plover_score() -> None:
    records = [
        plover.PloverRecord(1, "a", "Japan demanded talks.", None, "REQUEST", "DEMAND", None,
                            ("JPN",), ()),
        plover.PloverRecord(2, "b", "Italy opened an inquiry.", None, "ACCUSE", "INVESTIGATE",
                            "investigate", ("ITA",), ("IGO",)),
        plover.PloverRecord(3, "c", "Troops clashed.", None, "ASSAULT", "FIGHT", None, (), ()),
    ]
    events = [event("REQUEST", "020", actor=JAPAN),
              event("ACCUSE", "090", mode="investigate", actor=IRAQ, recipient=UN),
              None]
    report = plover.score("gsr.json", records, events)
    assert report.score == pytest.approx(2 / 3)
    assert report.metric("mode_accuracy").estimate.value == 1.0
    assert report.metric("actor_accuracy").estimate.value == 0.5
    assert report.metric("recipient_accuracy").estimate.value == 1.0
    assert report.metric("event_found").estimate.value == pytest.approx(2 / 3)
    assert [(e["id"], e["wrong"]) for e in report.errors] == [("b", ["actor"]), ("c", ["type"])]
    assert report.confusion == (("ASSAULT", "(none)", 1),)


def test_case2021_score_counts_no_category_as_a_label() -> None:
    records = [case2021.Snippet(i, str(i), "x", code, label) for i, (code, label) in enumerate([
        ("AIR_STRIKE", "Air/drone strike"), ("AIR_STRIKE", "Air/drone strike"),
        ("NATURAL_DISASTER", NO_CATEGORY), ("ARREST", "Arrests")])]
    strike = event(acled=Acled("Explosions/Remote violence", "air/drone strike"))
    events = [strike, None, None, event("COERCE", "173", acled=None)]
    report = case2021.score("dev.tsv", records, events)
    # air: P 1 R .5 F1 2/3 (2); none: P 1/3 R 1 F1 .5 (1); arrests: 0 (1) -> weighted 11/24
    assert report.score == pytest.approx((2 * 2 / 3 + 0.5) / 4)
    assert report.metric("accuracy").estimate.value == 0.5
    assert report.metric("acled_weighted_f1").estimate.value == pytest.approx(2 * (2 / 3) / 3)
    assert len(report.errors) == 2
    assert case2021.system_label(strike) == "Air/drone strike"


def test_petrarch_score(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(petrarch, "main_event", lambda r: r.events[0] if r and r.events else None)
    coding = petrarch.Coding
    records = [
        petrarch.PetrarchRecord(1, "s1", "x", None, (coding("USAGOV", "IRQ", "1123"),
                                                     coding("USA", "IRQREB", "190"))),
        petrarch.PetrarchRecord(2, "s2", "y", None, (coding("JAP", "---", "064"),)),
        petrarch.PetrarchRecord(3, "s3", "z", None, ()),
        petrarch.PetrarchRecord(4, "s4", "w", None, ()),
    ]
    article = Article(text="x")
    results = [
        ArticleResult(article, (event("ASSAULT", "193", actor=Party("US", "US", "USA", "USA"),
                                      recipient=JAPAN),)),
        ArticleResult(article, (event("COOPERATE", "061", actor=JAPAN),)),
        ArticleResult(article, ()),
        ArticleResult(article, (event("ASSAULT", "190"),)),
    ]
    report = petrarch.score("v.xml", records, results)
    assert report.score == 1.0
    assert report.metric("full_code_accuracy").estimate.value == 0.0
    assert report.metric("coding_recall").estimate.value == pytest.approx(2 / 3)
    assert report.metric("actor_accuracy").estimate.value == 1.0
    assert report.metric("recipient_accuracy").estimate.value == 0.0
    assert report.metric("false_event_rate").estimate.value == 0.5
    assert [e["wrong"] for e in report.errors] == [["recipient"], ["false event"]]


def test_geo_score() -> None:
    text = "Hogs were culled in Pandi, Bulacan and in Paris."
    toponyms = (geoxml.Toponym(20, 25, "Pandi", 14.87, 120.95, 1),
                geoxml.Toponym(27, 34, "Bulacan", 15.0, 121.08, None),
                geoxml.Toponym(42, 47, "Paris", 48.85, 2.35, 2988507))
    article = geoxml.GeoArticle(1, "a1", text, toponyms)
    detected = (Place("Pandi", start=20, end=25), Place("Bulacan,", start=27, end=35),
                Place("Hogs", start=0, end=4))
    resolved = (Place("Pandi", lat=14.88, lon=120.96, geonameid=1),
                Place("Bulacan", lat=15.0, lon=125.0),
                None)
    report = geoxml.score("g.xml", [article], [geoxml.GeoOutput(detected, resolved)])
    assert report.score == pytest.approx(1 / 3)
    assert report.metric("detection_precision").estimate.value == pytest.approx(1 / 3)
    assert report.metric("detection_recall").estimate.value == pytest.approx(1 / 3)
    assert report.metric("lenient_precision").estimate.value == pytest.approx(2 / 3)
    assert report.metric("lenient_recall").estimate.value == pytest.approx(2 / 3)
    assert report.metric("geonameid_accuracy").estimate.value == 0.5
    assert report.metric("resolved").estimate.value == pytest.approx(2 / 3)
    assert 205 < report.metric("mean_error_km").estimate.value < 215  # (1.5 km + 421 km) / 2
    kinds = sorted(e["error"] for e in report.errors)
    assert kinds == ["detection: missed", "detection: missed", "detection: spurious",
                     "detection: spurious", "resolution", "resolution"]


def test_golden_matching_and_fields() -> None:
    text = "US forces struck Anbar on Sunday, killing 25. \"We will respond,\" a commander said."
    expected = {
        "article": {"published": "2019-12-30"},
        "events": [
            {"type": "ASSAULT", "actor": {"text": "US forces", "country": "USA"},
             "recipient": None, "date": "2019-12-29",
             "location": {"text": "Anbar", "country": "IRQ"},
             "fatalities": {"killed": 25, "injured": None, "qualifier": "exact"},
             "evidence_sentence": "US forces struck Anbar on Sunday, killing 25."},
            {"type": "THREATEN", "actor": {"text": "a commander", "country": None,
                                          "kind": "non-state armed"}, "recipient": None},
        ],
        "quotes": [{"speaker": "commander", "text": "We will respond,", "direct": True}],
    }
    from datetime import date

    article = Article(text=text, published=date(2019, 12, 30))
    us = Party("US forces", "United States military", "USAMIL", "USA", "MIL", "state")
    strike = event(actor=us, date=date(2019, 12, 29),
                   location=Place("Anbar", country="IRQ"), fatalities=Toll(25, None),
                   evidence=(Evidence(text[:46], 0, 46),))
    commander = Party("a commander", "militia commander", "COMMANDER", None, None, "non-state armed")
    other = event("THREATEN", "138", actor=commander, recipient=us)  # gold has no recipient
    quote = Quote("q", Party("a commander", "commander", "COMMANDER"), "We will respond,", 48, 64, True)
    result = ArticleResult(article, (strike, other), (quote,))
    record = golden.GoldenArticle("strike", article, expected)
    report = golden.score("examples", [record], [result])
    assert report.metric("event_precision").estimate.value == 0.5
    assert report.metric("event_recall").estimate.value == 0.5
    assert report.score == 0.5
    assert report.metric("event_f1_type_actor").estimate.value == 1.0
    assert report.metric("event_f1_type").estimate.value == 1.0
    for field in ("date", "location", "location_country", "killed", "injured", "evidence"):
        assert report.metric(f"field_{field}").estimate.value == 1.0, field
    assert report.metric("published_accuracy").estimate.value == 1.0
    assert report.metric("quote_span_f1").estimate.value == 1.0
    assert report.metric("quote_speaker_accuracy").estimate.value == 1.0
    assert sorted(e["error"] for e in report.errors) == ["missed event", "spurious event"]


def test_golden_record_without_events_key_scores_only_quotes() -> None:
    from datetime import date

    text = '"We will respond," a commander said.'
    article = Article(text=text, published=date(2019, 12, 30))
    quote = Quote("q", Party("a commander", "commander", "COMMANDER"), "We will respond,", 1, 17, True)
    spurious = event("THREATEN", "138")
    result = ArticleResult(article, (spurious,), (quote,))
    quotes_only = {"quotes": [{"speaker": "commander", "text": "We will respond,", "direct": True}]}
    report = golden.score("q", [golden.GoldenArticle("q", article, quotes_only)], [result])
    assert report.metric("quote_span_f1").estimate.value == 1.0
    assert not any(e["error"] == "spurious event" for e in report.errors)
    coded_none = {**quotes_only, "events": []}
    report = golden.score("q", [golden.GoldenArticle("q", article, coded_none)], [result])
    assert [e["error"] for e in report.errors] == ["spurious event"]


@pytest.mark.parametrize(
    ("expected", "party", "ok"),
    [
        (None, None, True),
        (None, JAPAN, False),
        ({"country": "JPN"}, JAPAN, True),
        ({"country": "IRQ"}, JAPAN, False),
        ({"country": None, "kind": "non-state armed", "text": "al-Qaeda fighters"}, QAEDA, True),
        ({"country": None, "kind": "international"}, QAEDA, False),
        ("Japanese government", Party("Japan", "Japanese government", "JPNGOV", "JPN"), True),
    ],
)
def test_golden_party_agreement(expected, party, ok: bool) -> None:
    assert golden.party_agrees(expected, party) is ok


def test_maximum_matching_beats_greedy() -> None:
    # left 0 fits right 0 and 1, left 1 only right 0: greedy would pair 0-0 and lose left 1
    fits = {(0, 0), (0, 1), (1, 0)}
    assert golden.match(lambda i, j: (i, j) in fits, 2, 2) == [(0, 1), (1, 0)]


def test_report_renderings_and_error_file(tmp_path: Path) -> None:
    records = [plover.PloverRecord(1, "a", "Japan demanded talks.", None, "REQUEST", "DEMAND",
                                   None, ("JPN",), ())]
    report = plover.score("data/gsr.json", records, [None])
    data = json.loads(report.to_json())
    assert (data["dataset"], data["size"], data["score"], data["headline"]) == (
        "gsr.json", 1, 0.0, "event_type_accuracy")
    assert data["metrics"]["event_type_accuracy"]["ci95"] == [0.0, 0.0]
    assert data["per_class"][0]["rows"][0]["type"] == "REQUEST"
    text = report.to_text()
    assert text.splitlines()[0] == "tacitus eval plover-gsr: gsr.json (1 records scored)"
    assert "score (event type accuracy): 0.000" in text
    out = tmp_path / "errors.jsonl"
    assert report.write_errors(out) == 1
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["sentence"] == "Japan demanded talks."

"""Coding tables, trigger patterns and ACLED rules: loading, validation and pattern choice."""

from __future__ import annotations

import shutil

import pytest

import tacitus.resources
from tacitus.errors import ResourceError
from tacitus.extract import acled, coding, lexicon, places
from tacitus.extract.coding import coding as code_of
from tacitus.extract.triggers import sentence_triggers


@pytest.mark.parametrize("cameo, kind, mode, goldstein, quad", [
    ("195", "ASSAULT", "aerial", -9.0, 4),
    ("1831", "ASSAULT", "suicide-attack", -9.5, 4),
    ("173", "COERCE", "arrest", -7.5, 4),
    ("163", "SANCTION", "restrict", -7.0, 4),
    ("042", "CONSULT", "visit", 3.0, 1),
    ("0874", "RETREAT", "withdraw", 8.0, 2),
    ("020", "REQUEST", None, 1.0, 1),
    ("138", "THREATEN", "violence", -5.0, 3),
])
def test_cameo_codes_carry_plover_and_goldstein(cameo, kind, mode, goldstein, quad):
    coded = code_of(cameo)
    assert coded is not None
    assert (coded.type, coded.mode, coded.goldstein, coded.quad_class) == (kind, mode, goldstein, quad)


def test_public_statements_are_not_plover_events():
    assert code_of("010") is None


@pytest.mark.parametrize("cameo, kind, mode", [
    ("016", "REJECT", None),        # deny responsibility (PLOVER manual, chapter 7)
    ("0831", "RETREAT", "resign"),  # the manual's RETREAT mode "resign"
    # 2021-table rows whose mode belonged to another type or was a context, corrected
    ("183", "ASSAULT", "explosives"),       # non-military bombing (1831 is the suicide attack)
    ("1831", "ASSAULT", "suicide-attack"),
    ("175", "ASSAULT", "crowd-control"),    # "pro_autocracy" is a context
    ("0873", "RETREAT", "disarm"),
    ("133", "THREATEN", "restrict"),        # threats of boycotts and strikes (table 3.6)
    ("176", "COERCE", "cyber"),
])
def test_manual_codings_added_to_the_2021_table(cameo, kind, mode):
    coded = code_of(cameo)
    assert coded is not None and (coded.type, coded.mode) == (kind, mode)


# (sentence, trigger word, CAMEO code, pattern source)
TRIGGERS = [
    ("US forces launched air strikes on the base.", "strikes", "195", "triggers.yaml"),
    ("The raids killed 12 people.", "raids", "190", "triggers.yaml"),
    ("Police fired tear gas at the crowd.", "gas", "175", "triggers.yaml"),
    ("Protesters hurled stones at the police.", "hurled", "145", "triggers.yaml"),
    ("The minister welcomed the agreement.", "welcomed", "051", "triggers.yaml"),
    ("The rebels agreed to a ceasefire.", "agreed", "0871", "triggers.yaml"),
    ("The government expelled the ambassador.", "expelled", "161", "triggers.yaml"),
    ("The prime minister denounced the decision.", "denounced", "111", "triggers.yaml"),
    ("The council staged a candlelight vigil.", "vigil", "141", "triggers.yaml"),
    ("The delegation lectured the envoy.", "lectured", "111", "CAMEO.2.0.txt"),
]


@pytest.mark.parametrize("text, word, cameo, source", TRIGGERS)
def test_most_specific_pattern_codes_the_trigger(nlp, text, word, cameo, source):
    found = {t.token.text: t for t in sentence_triggers(next(nlp(text).sents))}
    assert word in found
    assert found[word].pattern.code == cameo
    assert found[word].pattern.source == source
    assert source in found[word].pattern.describe()


@pytest.mark.parametrize("text", [
    "The spokesman said the talks had ended.",          # reporting verb, folded noun aside
    "He died of cancer in 2015.",                        # a death that is no event
    "Protest leaders met the governor.",                 # compound noun is no trigger
])
def test_non_events_are_not_triggers(nlp, text):
    words = {t.token.lower_ for t in sentence_triggers(next(nlp(text).sents))}
    assert not words & {"said", "died", "protest"}


@pytest.fixture
def resource_copy(tmp_path, monkeypatch):
    """A copy of the extract resources in tmp_path, with the loaders pointed at it."""
    shutil.copytree(tacitus.resources.ROOT / "extract", tmp_path / "extract")
    monkeypatch.setattr(tacitus.resources, "ROOT", tmp_path)
    caches = (tacitus.resources.load_yaml, tacitus.resources.load_json, lexicon.get_lexicon,
              acled.rules, coding._cameo_table, coding._plover_table, places._words)
    for cached in caches:
        cached.cache_clear()
    yield tmp_path / "extract"
    for cached in caches:
        cached.cache_clear()


def test_bad_trigger_entry_names_file_and_line(resource_copy):
    triggers = resource_copy / "triggers.yaml"
    lines = triggers.read_text(encoding="utf-8").splitlines()
    lines.append('  - {lemma: strike, pos: noun, code: "999"}')
    triggers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        lexicon.get_lexicon()
    assert info.value.line == len(lines)
    assert "triggers.yaml" in str(info.value) and "999" in str(info.value)


@pytest.mark.parametrize("entry", [
    '  - {lemma: [go], pos: verb, prep: [[on, [[strike]]]], code: "143"}',
    '  - {lemma: [call], pos: verb, obj: [[on]], code: "020"}',
])
def test_bare_yaml_boolean_in_a_pattern_is_refused(resource_copy, entry):
    """YAML reads a bare on/off as true/false: the pattern would silently never match."""
    triggers = resource_copy / "triggers.yaml"
    lines = triggers.read_text(encoding="utf-8").splitlines()
    lines.append(entry)
    triggers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        lexicon.get_lexicon()
    assert info.value.line == len(lines) and "quote" in str(info.value)


def test_bad_acled_rule_names_file_and_line(resource_copy):
    rules = resource_copy / "acled_rules.yaml"
    rules.write_text("rules:\n  - name: broken\n    acled: [Fights, Clash]\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        acled.rules()
    assert info.value.line == 2 and "acled_rules.yaml" in str(info.value)


def test_bad_cameo_number_names_file_and_line(resource_copy):
    table = resource_copy / "cameo.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",-10.0,", ",minus ten,", 1),
                     encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        code_of("195")
    assert info.value.line is not None and "cameo.csv" in str(info.value)

"""The Phoenix dictionary converter reads the TABARI/PETRARCH formats correctly."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "convert_phoenix.py"


@pytest.fixture(scope="module")
def converter_module():
    spec = importlib.util.spec_from_file_location("convert_phoenix", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.mark.parametrize("inner, expected", [
    ("AFGGOV 331108-730717", "AFGGOV@1933-11-08/1973-07-17"),
    ("AFGGOV >011222", "AFGGOV@2001-12-22/"),
    ("IRQ <20030320", "IRQ@/2003-03-20"),
    ("IRQOCC 1920030320-20060520", "IRQOCC@2003-03-20/2006-05-20"),
    ("USAGOV 19820101", "USAGOV@1982-01-01/"),
    ("AFGELI", "AFGELI"),
    ("---", None),
])
def test_parse_code(converter_module, inner, expected):
    assert converter_module.Converter(Path(".")).parse_code(inner, "test") == expected


def test_two_digit_years_follow_petrarch(converter_module):
    converter = converter_module.Converter(Path("."))
    assert converter.parse_date("300101", "t") == date(2030, 1, 1)
    assert converter.parse_date("310101", "t") == date(1931, 1, 1)


def test_read_actors(tmp_path, converter_module):
    (tmp_path / "a.txt").write_text(
        "# comment\n"
        "IRAQ_  [IRQ]\n+IRAQI_\n+BAGHDAD # capital\n\n"
        "HAMID_KARZAI_  # CountryInfo.txt\n+PRESIDENT_KARZAI_\n\t[AFGELI 750101-000101]\n\t[AFGGOV >011222]\n"
        "\t[AFGELI]\n"
        "KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]\n",
        encoding="utf-8",
    )
    converter = converter_module.Converter(tmp_path)
    entries = converter.read_actors("a.txt")
    assert [e.base for e in entries] == ["IRAQ_", "HAMID_KARZAI_", "KOFI_ANNAN_"]
    assert entries[0].phrases == ["IRAQ_", "IRAQI_", "BAGHDAD"]
    assert entries[1].codes == ["AFGELI@1975-01-01/2000-01-01", "AFGGOV@2001-12-22/", "AFGELI"]
    assert entries[2].codes == ["IGOUNO@1997-01-01/2006-12-31", "ELI"]
    assert converter.phrase_keys("IRAQI_") == "iraqi"
    assert converter.phrase_keys("BAGHDAD") == "baghdad*"
    assert converter.phrase_keys("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") == "aden abyan islamic army"


def test_agents_expand_sets_and_plurals(tmp_path, converter_module):
    (tmp_path / "agents.txt").write_text(
        "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
        "POLICE {} [~COP]\n"
        "SOLDIER [~MIL]\n"
        "FOREIGN_!MINIST! [~GOV]\n"
        "DEFENCE_MINIST [~GOVMIL]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n",
        encoding="utf-8",
    )
    rows = converter_module.Converter(tmp_path).agent_rows("agents.txt")
    codes = {phrase: code for phrase, (code, _) in rows.items()}
    assert codes["police"] == "~COP" and "polices" not in codes
    assert codes["soldier"] == codes["soldiers"] == "~MIL"
    assert codes["foreign minister"] == codes["foreign ministries"] == "~GOV"
    assert codes["defence ministry"] == "~GOVMIL"
    assert codes["attorneys general"] == "~GOVATG"
    assert codes["human rights bodies"] == "NGO~"

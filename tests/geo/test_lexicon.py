from __future__ import annotations

import pytest

from tacitus.errors import ResourceError
from tacitus.geo import lexicon
from tacitus.resources import LINE_KEY


def test_names_file_loads() -> None:
    lex = lexicon.get_lexicon()
    assert "U.S." in lex.country_aliases["USA"]
    assert "province" in lex.admin_cues
    assert lex.country_points["USA"] == (39.83, -98.58)
    assert lex.admin_points[("CAN", "ontario")] == (49.25, -84.5)
    assert "international airport" in lex.feature_heads
    assert lex.abbreviations["mt"] == "Mount"


@pytest.mark.parametrize(
    "data, key",
    [
        ({"country_aliases": {"Iraq": ["Mesopotamia"], LINE_KEY: 7}}, "country_aliases"),
        ({"country_aliases": {"IRQ": "Mesopotamia", LINE_KEY: 7}}, "country_aliases"),
        ({"country_aliases": {"IRQ": [""], LINE_KEY: 7}}, "country_aliases"),
    ],
)
def test_bad_entries_name_file_and_line(data: dict, key: str) -> None:
    with pytest.raises(ResourceError) as err:
        lexicon._by_country(data, key)
    assert "names.yaml:7" in str(err.value)


def test_country_point_out_of_range_is_rejected() -> None:
    with pytest.raises(ResourceError, match="country_points"):
        lexicon._country_points({"country_points": {"USA": [139.8, -98.6], LINE_KEY: 3}})


@pytest.mark.parametrize("value", [[139.8, -98.6], [45.0], "north"])
def test_admin_point_out_of_range_is_rejected(value: object) -> None:
    with pytest.raises(ResourceError, match="admin_points") as err:
        lexicon._admin_points({"admin_points": {"CAN": {"Ontario": value, LINE_KEY: 4}, LINE_KEY: 3}})
    assert "names.yaml:4" in str(err.value)


def test_abbreviation_without_its_written_out_word_is_rejected() -> None:
    with pytest.raises(ResourceError, match="abbreviations") as err:
        lexicon._abbreviations({"abbreviations": {"Mt.": "", LINE_KEY: 9}})
    assert "names.yaml:9" in str(err.value)

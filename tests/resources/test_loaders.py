"""The resource loaders: every mapping knows its line, and malformed YAML names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

import tacitus.resources
from tacitus.errors import ResourceError


@pytest.fixture()
def resource_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tacitus.resources, "ROOT", tmp_path)
    tacitus.resources.load_yaml.cache_clear()
    yield tmp_path
    tacitus.resources.load_yaml.cache_clear()


def test_mappings_carry_their_line(resource_root: Path) -> None:
    (resource_root / "rules.yaml").write_text("rules:\n  - name: a\n    words: [x]\n  - name: b\n",
                                              encoding="utf-8")
    rules = tacitus.resources.load_yaml("rules.yaml")["rules"]
    assert [(r["name"], r[tacitus.resources.LINE_KEY]) for r in rules] == [("a", 2), ("b", 4)]


@pytest.mark.parametrize("text, line", [
    ("rules:\n  - name: a\n    acled: x\n    acled: y\n", 4),
    ("a: 1\nb: 2\na: 3\n", 3),
])
def test_a_key_given_twice_is_refused_with_its_line(resource_root: Path, text: str,
                                                    line: int) -> None:
    (resource_root / "rules.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        tacitus.resources.load_yaml("rules.yaml")
    assert "duplicate key" in str(caught.value)
    assert caught.value.line == line
    assert str(caught.value.where).endswith("rules.yaml")


def test_same_key_in_sibling_mappings_is_fine(resource_root: Path) -> None:
    (resource_root / "rules.yaml").write_text("- name: a\n- name: b\n", encoding="utf-8")
    assert [r["name"] for r in tacitus.resources.load_yaml("rules.yaml")] == ["a", "b"]

"""read/read_many over each input format, written into tmp_path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tacitus.ingest import read, read_many
from tacitus.model import Article, InputProblem

MISSING = "missing dateline: relative dates not resolved"
REUTERS = "BAGHDAD, Dec. 30, 2019 (Reuters) - U.S. forces carried out air strikes in Iraq on Sunday.\n"

PAGE = """<!DOCTYPE html>
<html><head>
<title>U.S. strikes hit militia in Iraq | Example News</title>
<meta property="og:title" content="U.S. strikes hit militia in Iraq">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/world/iraq-strikes">
<meta property="article:published_time" content="2019-12-30T08:15:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>U.S. strikes hit militia in Iraq</h1>
<p>{dateline}U.S. forces carried out air strikes in Iraq and Syria against the Kataib Hezbollah militia group on Sunday.</p>
<p>The Pentagon said the strikes hit three locations in Iraq and two in Syria.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>"""


def articles(path: Path | str) -> list[Article]:
    out = list(read(path))
    assert all(isinstance(o, Article) for o in out), [str(o) for o in out]
    return out  # type: ignore[return-value]


@pytest.mark.parametrize("name", ["a.txt", "a.text", "a.md", "a", "a.TXT"])
def test_plain_text(tmp_path: Path, name: str) -> None:
    file = tmp_path / name
    file.write_text(REUTERS, encoding="utf-8")
    [article] = articles(file)
    assert article.text == "U.S. forces carried out air strikes in Iraq on Sunday."
    assert (article.published, article.source, article.dateline_place) == (date(2019, 12, 30), "Reuters", "BAGHDAD")
    assert article.path == str(file)
    assert article.external_id is None


def test_html_page(tmp_path: Path) -> None:
    file = tmp_path / "page.html"
    file.write_text(PAGE.format(dateline=""), encoding="utf-8")
    [article] = articles(file)
    assert article.text.startswith("U.S. forces carried out air strikes")
    assert article.text.endswith("two in Syria.")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "U.S. strikes hit militia in Iraq"
    assert article.url == "https://example.com/world/iraq-strikes"
    assert (article.published, article.source) == (date(2019, 12, 30), "Example News")
    assert article.warnings == ()


def test_html_dateline_outlet_wins_over_site_name(tmp_path: Path) -> None:
    file = tmp_path / "page.htm"
    file.write_text(PAGE.format(dateline="BAGHDAD (AP) — "), encoding="utf-8")
    [article] = articles(file)
    assert (article.source, article.dateline_place) == ("AP", "BAGHDAD")
    assert article.text.startswith("U.S. forces carried out")


def test_html_fragment(tmp_path: Path) -> None:
    file = tmp_path / "fragment.html"
    file.write_text("<p>Gunmen killed two people in Kabul on Monday, police said.</p>", encoding="utf-8")
    [article] = articles(file)
    assert article.text == "Gunmen killed two people in Kabul on Monday, police said."


RECORDS = [
    {"id": 17, "title": "Strikes", "published": "2019-12-30", "source": "Alwaght",
     "url": "https://alwaght.net/1", "text": "The US military carried out strikes."},
    {"id": "b", "date": "Dec 31, 2019", "text": "KABUL (Reuters) - Taliban fighters attacked."},
    {"text": "Protesters stormed the embassy.", "published": "last Tuesday"},
]


def check_records(out: list[Article | InputProblem], path: Path) -> None:
    first, second, third = out
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert (first.external_id, first.title, first.published, first.source, first.url) == (
        "17", "Strikes", date(2019, 12, 30), "Alwaght", "https://alwaght.net/1",
    )
    assert first.text == "The US military carried out strikes." and first.path == str(path)
    assert (second.external_id, second.published, second.source, second.dateline_place) == (
        "b", date(2019, 12, 31), "Reuters", "KABUL",
    )
    assert second.text == "Taliban fighters attacked."
    assert third.published is None
    assert third.warnings == ("unparseable publication date 'last Tuesday': ignored", MISSING)


@pytest.mark.parametrize("name", ["c.jsonl", "c.ndjson", "c.json"])
def test_json_lines(tmp_path: Path, name: str) -> None:
    file = tmp_path / name
    file.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n\n", encoding="utf-8")
    check_records(list(read(file)), file)


@pytest.mark.parametrize("name", ["c.json", "c.jsonl"])
def test_json_array(tmp_path: Path, name: str) -> None:
    file = tmp_path / name
    file.write_text(json.dumps(RECORDS, indent=2), encoding="utf-8")
    check_records(list(read(file)), file)


def test_json_single_object(tmp_path: Path) -> None:
    file = tmp_path / "one.json"
    file.write_text(json.dumps(RECORDS[0], indent=2), encoding="utf-8")
    [article] = articles(file)
    assert article.external_id == "17"


@pytest.mark.parametrize("name, delimiter", [("c.csv", ","), ("c.tsv", "\t"), ("semicolon.csv", ";")])
def test_csv(tmp_path: Path, name: str, delimiter: str) -> None:
    file = tmp_path / name
    header = ["ID", "Title", "Published", "Source", "URL", "Text"]
    rows = [[str(r.get("id", "")), r.get("title", ""), r.get("published", r.get("date", "")),
             r.get("source", ""), r.get("url", ""), r["text"]] for r in RECORDS]
    file.write_text(
        "\n".join(delimiter.join(f'"{cell}"' for cell in row) for row in [header, *rows]) + "\n",
        encoding="utf-8-sig",
    )
    check_records(list(read(file)), file)


def test_csv_multiline_fields_and_line_numbers(tmp_path: Path) -> None:
    file = tmp_path / "c.csv"
    file.write_text('id,text\n1,"First line.\n\nSecond, quoted ""line""."\n2,\n3,Third.\n', encoding="utf-8")
    first, problem, third = read(file)
    assert isinstance(first, Article) and first.text == 'First line.\n\nSecond, quoted "line".'
    assert str(problem) == f"error: {file}:5: missing or empty 'text'"
    assert isinstance(third, Article) and third.external_id == "3"


def test_csv_very_large_field(tmp_path: Path) -> None:
    body = "Gunmen attacked a checkpoint near the border, officials said. " * 20_000  # 1.2 MB
    file = tmp_path / "big.csv"
    file.write_text(f'id,text\n1,"{body}"\n', encoding="utf-8")
    [article] = articles(file)
    assert article.text == body.strip()


@pytest.mark.parametrize(
    "content, expected",
    [
        (PAGE.format(dateline=""), "U.S. forces carried out air strikes"),
        (json.dumps(RECORDS[0]), "The US military"),
        ("\n".join(json.dumps(r) for r in RECORDS[:2]), "The US military"),
        ("[Reuters] Gunmen attacked a checkpoint.", "[Reuters] Gunmen"),
        ("<3 peace talks resumed in Doha.", "<3 peace"),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, expected: str) -> None:
    file = tmp_path / "file.dat"
    file.write_text(content, encoding="utf-8")
    out = articles(file)
    assert out[0].text.startswith(expected)


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/.hidden.txt", ".git/d.txt", "z/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Report {Path(name).stem} was filed.", encoding="utf-8")
    paths = [Path(a.path).relative_to(tmp_path).as_posix() for a in articles(tmp_path)]
    assert paths == ["a.txt", "b.txt", "sub/c.txt", "z/e.txt"]


def test_read_many_keeps_order_and_reads_twice_the_same(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REUTERS, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS), encoding="utf-8")
    paths = [tmp_path / "b.jsonl", str(tmp_path / "a.txt")]
    first, second = list(read_many(paths)), list(read_many(paths))
    assert first == second
    assert [a.path for a in first] == [str(paths[0])] * 3 + [paths[1]]
    assert [a.id for a in first] == [a.id for a in second]


def test_same_text_in_two_formats_has_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REUTERS, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": REUTERS}), encoding="utf-8")
    [from_jsonl, from_txt] = articles(tmp_path)
    assert from_jsonl.id == from_txt.id

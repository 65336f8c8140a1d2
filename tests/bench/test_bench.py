"""The benchmark's corpus loading, report arithmetic and (slow) a real run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.bench import BenchReport, corpus, run, runner
from tacitus.errors import EvalError
from tacitus.model import Article

GEO_XML = """<articles>
  <article><text>Hogs were culled in Pandi, Bulacan.</text><locations/></article>
  <article><text>Flooding hit Houston.</text><locations/></article>
</articles>
"""


def report(**changes) -> BenchReport:
    fields = {"path": "corpus/GeoVirus.xml", "articles": 200, "words": 40_000, "processes": 1,
              "parse_seconds": 8.0, "pipeline_seconds": 10.0, "peak_rss_mb": 612.4,
              "events": 321, "failures": 0, "chars": 250_000}
    fields.update(changes)
    return BenchReport(**fields)


def test_ratio_is_pipeline_over_parse_throughput() -> None:
    r = report()
    assert r.ratio == pytest.approx(0.8)
    data = json.loads(r.to_json())
    assert data["pipeline"] == {"seconds": 10.0, "articles_per_s": 20.0, "words_per_s": 4000.0,
                                "chars_per_s": 25000.0}
    assert data["parse_only"]["articles_per_s"] == 25.0
    assert (data["ratio"], data["corpus"], data["peak_rss_mb"]) == (0.8, "GeoVirus.xml", 612.4)


def test_text_report() -> None:
    lines = report(pipeline_seconds=16.0).to_text().splitlines()
    assert lines[0] == "tacitus bench: GeoVirus.xml (200 articles, 40,000 words, 1 process)"
    assert lines[2].split() == ["spaCy", "parse", "only", "8.00", "25.00", "5,000"]
    assert lines[3].split() == ["full", "pipeline", "16.00", "12.50", "2,500"]
    assert lines[4] == "ratio (pipeline / parse-only throughput): 0.500 (target >= 0.8: below target)"
    assert lines[5] == "peak memory (RSS): 612 MB"
    assert len(lines) == 7
    slow = report(slowest=(("article 7", 3.5), ("article 2", 0.25))).to_text().splitlines()[-1]
    assert slow == ("slowest articles (pipeline seconds, a batch's parse included): "
                    "article 7 3.50, article 2 0.25")


def test_geo_xml_corpus(tmp_path: Path) -> None:
    file = tmp_path / "GeoVirus.xml"
    file.write_text(GEO_XML, encoding="utf-8")
    articles, problems = corpus.load(file)
    assert [a.text for a in articles] == ["Hogs were culled in Pandi, Bulacan.", "Flooding hit Houston."]
    assert problems == []
    assert len(corpus.load(file, limit=1)[0]) == 1


def test_folder_corpus_goes_through_ingest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("2019-12-30\nUS forces struck five sites in Iraq.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    articles, problems = corpus.load(tmp_path)
    assert [a.text for a in articles] == ["US forces struck five sites in Iraq."]
    assert len(problems) == 1


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [("missing", {}, "no such file or directory"),
     ("empty", {}, "empty corpus"),
     ("empty", {"limit": 0}, "--limit must be at least 1")],
)
def test_bad_corpus(tmp_path: Path, path: str, kwargs: dict, message: str) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvalError, match=message):
        corpus.load(tmp_path / path, **kwargs)


def test_processes_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="--processes"):
        run(tmp_path, processes=0)


def test_chunks_cover_every_article_in_order() -> None:
    articles = [Article(text=f"text {i}") for i in range(10)]
    chunks = runner._chunks(articles, 4)
    assert [len(c) for c in chunks] == [3, 3, 3, 1]
    assert [a for c in chunks for a in c] == articles


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_real_run(tmp_path: Path, processes: int) -> None:
    file = tmp_path / "GeoVirus.xml"
    file.write_text(GEO_XML, encoding="utf-8")
    result = run(file, processes=processes)
    assert (result.articles, result.words, result.failures) == (2, 9, 0)
    assert result.parse_seconds > 0 and result.pipeline_seconds > 0
    assert result.peak_rss_mb > 50
    assert {name for name, _ in result.slowest} == {"article 1", "article 2"}


def test_text_report_names_the_cluster() -> None:
    header = report(processes=2, cluster="local:2").to_text().splitlines()[0]
    assert header == ("tacitus bench: GeoVirus.xml (200 articles, 40,000 words, "
                      "2 Dask worker threads on local:2)")
    assert json.loads(report(processes=2, cluster="local:2").to_json())["cluster"] == "local:2"


def test_processes_and_cluster_exclude_each_other(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="--processes and --cluster"):
        run(tmp_path, processes=2, cluster=object())  # type: ignore[arg-type]


def test_run_on_a_cluster(tmp_path: Path, pipeline) -> None:
    from distributed import Client, LocalCluster

    from tacitus.api.cluster import Cluster, PipelineLoader

    file = tmp_path / "GeoVirus.xml"
    file.write_text(GEO_XML, encoding="utf-8")
    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = Client(local)
    client.register_plugin(PipelineLoader())
    with Cluster(spec="threads", client=client, local=local) as cluster:
        result = run(file, cluster=cluster)
    assert (result.articles, result.words, result.failures) == (2, 9, 0)
    assert (result.processes, result.cluster, result.chars) == (2, "threads", 56)
    assert result.parse_seconds > 0 and result.pipeline_seconds > 0

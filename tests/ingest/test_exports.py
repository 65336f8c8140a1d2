"""The public names of tacitus.ingest; a change here is an API change."""

import tacitus.ingest


def test_exports() -> None:
    assert sorted(tacitus.ingest.__all__) == [
        "Dateline", "from_html", "from_text", "parse_dateline", "read", "read_many",
    ]
    for name in tacitus.ingest.__all__:
        assert getattr(tacitus.ingest, name).__doc__

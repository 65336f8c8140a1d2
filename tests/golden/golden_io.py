"""Shared by the golden test and scripts/update_golden.py: where golden files live and how an
article's output is written (stable key order, relative paths, so diffs are readable)."""

from __future__ import annotations

import json
from pathlib import Path

from tacitus.model import ArticleResult

GOLDEN = Path(__file__).resolve().parent / "articles"
ROOT = GOLDEN.parent.parent.parent


def golden_name(result: ArticleResult) -> str:
    base = Path(result.article.path or result.article.id).name
    suffix = f"-{result.article.external_id}" if result.article.external_id else ""
    return f"{base}{suffix}.json"


def render(result: ArticleResult) -> str:
    data = result.to_dict()
    path = data["article"]["path"]
    if path:
        data["article"]["path"] = str(Path(path).resolve().relative_to(ROOT))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

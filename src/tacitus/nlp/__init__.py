"""Linguistic analysis: one spaCy English pipeline, loaded once, over every article."""

from tacitus.nlp.pipeline import ParsedArticle, Pipeline, get_pipeline

__all__ = ["ParsedArticle", "Pipeline", "get_pipeline"]

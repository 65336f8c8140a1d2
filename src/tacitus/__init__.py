"""tacitus: sourced, queryable political and conflict events from news reports."""

__version__ = "0.1.0"

"""Plain aligned text tables for terminals (no dependency, no colour)."""

from __future__ import annotations

from collections.abc import Sequence


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: max(width - 1, 0)] + "…"


def render(headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 40) -> str:
    """Columns padded to their widest cell (each clipped at ``max_width``), one line per row."""
    cells = [[_clip("" if v is None else str(v), max_width) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)

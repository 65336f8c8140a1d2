"""Build the gazetteer index into the user cache now, instead of on first use.

Run once after installing (or in CI before the tests) so the first article does not wait the
~30 s the build takes: ``python scripts/build_geo_index.py``. Prints where the index is, its
size, and how long loading it takes.
"""

from __future__ import annotations

import time

from tacitus.geo.cache import index_path, load_index, source_versions


def main() -> None:
    started = time.perf_counter()
    index = load_index()
    built = time.perf_counter() - started
    started = time.perf_counter()
    load_index()
    loaded = time.perf_counter() - started
    file = index_path(source_versions())
    print(f"{file}: {len(index)} places, {file.stat().st_size / 1e6:.1f} MB, "
          f"ready in {built:.1f} s, reloads in {loaded:.2f} s")


if __name__ == "__main__":
    main()

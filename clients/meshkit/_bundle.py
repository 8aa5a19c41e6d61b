"""Formation bundles: the gzip tar that ``ServerClient.deploy`` uploads (:func:`build_bundle`).

A directory is packed with only what a formation needs: secrets and build debris stay out
(:data:`DEFAULT_IGNORE`), a ``.muxiignore`` at its root adds rules in gitignore syntax (``!`` re-includes
a file the defaults leave out), and a symlink is followed while it stays inside the directory and
refused with :class:`ConfigurationError` otherwise: nothing is left out without a rule saying so.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pathspec

from ._core.errors import ConfigurationError

FORMATION_FILES = ("formation.afs", "formation.yaml", "formation.yml")
IGNORE_FILE = ".muxiignore"

# Left out of every directory bundle, in gitignore syntax; a .muxiignore line like `!ca.pem` brings
# one back. A directory holding a `pyvenv.cfg` (a virtualenv under any name) is left out as well.
DEFAULT_IGNORE = (
    # Secrets. The runtime writes `.key` (the key of its secrets.enc) into the formation directory.
    ".env*",
    "*.key",
    "*.pem",
    "*.p12",
    "*.pfx",
    "*.ppk",
    "*.jks",
    "*.keystore",
    "id_rsa*",
    "id_dsa*",
    "id_ecdsa*",
    "id_ed25519*",
    ".ssh/",
    ".aws/",
    ".gnupg/",
    ".netrc",
    ".pypirc",
    ".npmrc",
    ".git-credentials",
    # The runtime's own state: a deploy must not replace the server's memory with a local one
    # (the server's download leaves it out too unless asked, `db=True`).
    "memory.db",
    "memory.db-*",
    # Version control, environments, caches and build debris.
    ".git",
    ".hg/",
    ".svn/",
    ".venv/",
    "__pycache__/",
    "*.py[cod]",
    "*.egg-info/",
    ".mypy_cache/",
    ".pytest_cache/",
    ".ruff_cache/",
    ".tox/",
    ".nox/",
    ".coverage",
    "node_modules/",
    ".DS_Store",
    "Thumbs.db",
    "*.swp",
    "*~",
)


@dataclass(frozen=True)
class Bundle:
    """A gzip tar of a formation, ready to deploy. ``size`` is in bytes; ``files`` are the paths
    it holds (sorted, relative, ``/``-separated): for a directory, exactly what will be sent."""

    data: bytes
    formation_id: str | None
    version: str | None
    files: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """The bundle's size in bytes (what the upload sends)."""
        return len(self.data)

    def __repr__(self) -> str:  # never the bytes: a bundle can carry a re-included secret
        return (
            f"Bundle(formation_id={self.formation_id!r}, version={self.version!r}, "
            f"size={self.size}, files={len(self.files)})"
        )


def build_bundle(source: str | os.PathLike[str] | bytes) -> Bundle:
    """A deployable bundle from a formation directory, a ``.tar.gz`` file, or bundle bytes.

    Directories are packed deterministically (sorted paths, fixed times, owners and modes, the same
    bytes on every Python), without what :data:`DEFAULT_IGNORE` and the directory's ``.muxiignore``
    leave out. ConfigurationError names a symlink that leaves the directory, points to nothing or to
    something left out, or loops, and any file that cannot be read.
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
    formation_file = next((name for name in FORMATION_FILES if (root / name).is_file()), None)
    if formation_file is None:
        raise ConfigurationError(f"{str(path)!r} has no {' / '.join(FORMATION_FILES)} at its root")
    packed = _Walk(root)
    if formation_file not in packed.files:
        raise ConfigurationError(f"{formation_file} is left out by {IGNORE_FILE}: the server needs it")
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for relative in sorted(packed.files):
            content = _read(packed.files[relative], relative)
            info = tarfile.TarInfo(relative)
            info.size = len(content)
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(content))
    # The same directory must give the same bytes on every Python (the server's NoChange compares
    # them): GzipFile writes a fixed header (mtime 0, no name, OS 255), unlike gzip.compress, whose
    # header changed in 3.13.
    compressed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=compressed, mtime=0) as compressor:
        compressor.write(raw.getvalue())
    identity = _identity(_read(packed.files[formation_file], formation_file).decode("utf-8", errors="replace"))
    return Bundle(compressed.getvalue(), *identity, files=tuple(sorted(packed.files)))


class _Walk:
    """The files a directory bundle holds: ``files`` maps each path in the bundle to the real file.

    Paths are matched as the bundle names them (through a followed symlink: the link's path) and,
    when different, as the real file's path inside the root, so a link cannot carry in what a rule
    leaves out."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lines = _ignore_lines(root / IGNORE_FILE)
        try:
            self.rules = pathspec.GitIgnoreSpec.from_lines([*DEFAULT_IGNORE, *self.lines])
        except ValueError as exc:  # pathspec's error for a pattern it cannot read
            raise ConfigurationError(f"{IGNORE_FILE}: {exc}") from None
        self.files: dict[str, Path] = {}
        self._visit(root, "", "", frozenset({_inode(root)}))

    def _visit(self, directory: Path, logical: str, real: str, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            names = sorted(os.listdir(directory))
        except OSError as exc:
            raise ConfigurationError(f"cannot read the directory {logical or '.'!r}: {exc.strerror}") from None
        for name in names:
            entry = directory / name
            name_in_bundle, name_in_root = logical + name, real + name
            is_link = entry.is_symlink()
            target = Path(os.path.realpath(entry)) if is_link else entry
            is_dir = target.is_dir()
            if self._excluded(name_in_bundle, target if is_dir else None):
                continue
            if is_link:
                name_in_root = self._followed(name_in_bundle, target, is_dir)
            elif name_in_root != name_in_bundle and self._excluded(name_in_root, target if is_dir else None):
                continue
            if is_dir:
                inode = _inode(target)
                if inode in ancestors:
                    raise ConfigurationError(
                        f"{name_in_bundle!r} leads back to a directory that contains it (a symlink loop)",
                        hint=f"remove the link or leave it out with a {IGNORE_FILE} line",
                    )
                self._visit(target, name_in_bundle + "/", name_in_root + "/", ancestors | {inode})
            elif stat.S_ISREG(target.stat().st_mode):
                self.files[name_in_bundle] = target
            else:
                raise ConfigurationError(
                    f"{name_in_bundle!r} is neither a file nor a directory (a socket, a pipe or a device)",
                    hint=f"leave it out with a {IGNORE_FILE} line",
                )

    def _followed(self, name: str, target: Path, is_dir: bool) -> str:
        """The path inside the root of the symlink ``name``'s ``target``, or ConfigurationError."""
        fix = f"copy what it points to into the directory, or leave the link out with a {IGNORE_FILE} line"
        if not target.exists():
            raise ConfigurationError(f"the symlink {name!r} points to nothing (or loops)", hint=fix)
        if not target.is_relative_to(self.root):
            raise ConfigurationError(
                f"the symlink {name!r} points outside the formation directory, to {str(target)!r}", hint=fix
            )
        inside = target.relative_to(self.root).as_posix()
        parts = inside.split("/") if inside != "." else []
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            directory = self.root / prefix if depth < len(parts) or is_dir else None
            if self._excluded(prefix, directory):
                raise ConfigurationError(
                    f"the symlink {name!r} points to {inside!r}, which bundles leave out", hint=fix
                )
        return "/".join(parts)

    def _excluded(self, name: str, directory: Path | None) -> bool:
        """Whether a rule leaves out ``name`` (``directory``: its real path when it is a directory)."""
        if directory is None:
            return self.rules.match_file(name)
        key = name + "/"
        if self.rules.match_file(key):
            return True
        if not (directory / "pyvenv.cfg").is_file():
            return False
        # A virtualenv under any name: no pattern tells it by its name, so it gets a rule of its own
        # after the defaults, which a `!` line of .muxiignore can still overrule.
        own_rule = "/" + re.sub(r"([\\*?\[\]])", r"\\\1", name) + "/"
        return pathspec.GitIgnoreSpec.from_lines([*DEFAULT_IGNORE, own_rule, *self.lines]).match_file(key)


def _inode(directory: Path) -> tuple[int, int]:
    found = directory.stat()
    return found.st_dev, found.st_ino


def _ignore_lines(file: Path) -> list[str]:
    if not file.is_file():
        return []
    try:
        return _read(file, IGNORE_FILE).decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise ConfigurationError(f"{IGNORE_FILE} is not UTF-8 text") from None


def _read(file: Path, name: str) -> bytes:
    try:
        return file.read_bytes()
    except OSError as exc:
        raise ConfigurationError(f"cannot read {name!r}: {exc.strerror}") from None


_TOP_LEVEL = re.compile(r"^(id|version)\s*:\s*['\"]?([^'\"#\s]+)", re.M)


def _identity(text: str) -> tuple[str | None, str | None]:
    """``id`` and ``version`` of a formation file (top-level keys; no YAML parser needed)."""
    found: dict[str, str] = {}
    for match in _TOP_LEVEL.finditer(text):
        found.setdefault(match.group(1), match.group(2))
    return found.get("id"), found.get("version")


def _identity_from_bundle(data: bytes) -> tuple[str | None, str | None, tuple[str, ...]]:
    """``id``, ``version`` and the file list of a ready-made bundle."""
    identity: tuple[str | None, str | None] | None = None
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
            members = [member for member in archive.getmembers() if member.isfile()]
            for member in members:
                if identity is None and member.name.split("/")[-1] in FORMATION_FILES and member.name.count("/") <= 1:
                    extracted = archive.extractfile(member)
                    if extracted is not None:
                        identity = _identity(extracted.read().decode("utf-8", errors="replace"))
    except (tarfile.TarError, OSError, EOFError):
        return None, None, ()  # the server judges the bundle; the caller must then name the formation
    return *(identity or (None, None)), tuple(sorted(member.name for member in members))


__all__ = ["DEFAULT_IGNORE", "FORMATION_FILES", "IGNORE_FILE", "Bundle", "build_bundle"]

"""Deploy bundles (contract/server.md §4) and download archives (§7): the gzip tar a deploy or an
update posts, its formation file and the header checks against it, and the zip a download answers."""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import tarfile
import zipfile
import zlib
from collections.abc import Mapping
from typing import Any

import yaml

from ._server_wire import ServerError

# §10: formation ids, and the ids that would collide with the server's own routes.
FORMATION_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$")
RESERVED_FORMATION_IDS = frozenset({"health", "ping", "rpc", "server", "admin", "metrics", "api"})

# §4: the bundle.
BUNDLE_CONTENT_TYPES = ("application/gzip", "application/x-gzip", "application/octet-stream")
FORMATION_FILES = ("formation.afs", "formation.yaml", "formation.yml")  # the runtime's lookup order
DEFAULT_FORMATION_VERSION = "1.0.0"
MEMORY_DB = "memory.db"


def extract_bundle(raw: bytes) -> dict[str, bytes]:
    """The regular files of a gzip tar bundle by relative path, a single top-level directory
    stripped when the formation file is not at the root. 400 ``ExtractError`` when unreadable."""
    try:
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as archive:
            files = {_member_path(member.name): _member_bytes(archive, member) for member in archive if member.isfile()}
    except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError) as exc:
        raise ServerError(400, f"Failed to extract bundle: {exc}", "ExtractError") from None
    if not files:
        raise ServerError(400, "Failed to extract bundle: the archive holds no files", "ExtractError")
    return _without_single_top_directory(files)


def _member_path(name: str) -> str:
    path = posixpath.normpath(name)  # also drops the "./" of `tar -C dir .` archives
    if path.startswith("/") or path == ".." or path.startswith("../"):
        raise ValueError(f"unsafe path in archive: {name}")
    return path


def _member_bytes(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(member)
    if handle is None:
        raise ValueError(f"unreadable archive member: {member.name}")
    return handle.read()


def _without_single_top_directory(files: dict[str, bytes]) -> dict[str, bytes]:
    if any(name in files for name in FORMATION_FILES):
        return files
    tops = {path.split("/", 1)[0] for path in files}
    if len(tops) != 1 or not all("/" in path for path in files):
        return files
    prefix = tops.pop() + "/"
    return {path.removeprefix(prefix): data for path, data in files.items()}


def parse_definition(files: Mapping[str, bytes]) -> dict[str, Any]:
    """The parsed formation file (``formation.afs``, then ``.yaml``, then ``.yml``). 400 ``ParseError``
    when there is none, it is not YAML, or it is not a mapping."""
    name = next((candidate for candidate in FORMATION_FILES if candidate in files), None)
    if name is None:
        message = "Failed to find formation config: no formation.afs, formation.yaml or formation.yml in the bundle"
        raise ServerError(400, message, "ParseError")
    try:
        document = yaml.safe_load(files[name].decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ServerError(400, f"Failed to parse {name}: {' '.join(str(exc).split())}", "ParseError") from None
    if not isinstance(document, dict):
        raise ServerError(400, f"Failed to parse {name}: the document is not a mapping", "ParseError")
    return document


def semantic_version(definition: Mapping[str, Any]) -> str:
    """The bundle's declared ``version``, ``1.0.0`` when absent."""
    version = definition.get("version")
    return DEFAULT_FORMATION_VERSION if version in (None, "") else str(version)


def check_bundle_id(definition: Mapping[str, Any], formation_id: str) -> None:
    """400 ``IDMismatch`` unless the bundle's ``id`` is the ``X-Formation-ID`` header."""
    bundle_id = str(definition.get("id") or "")
    if bundle_id != formation_id:
        message = f"Formation ID mismatch: header says '{formation_id}' but bundle contains '{bundle_id}'"
        raise ServerError(400, message, "IDMismatch")


def check_bundle_version(definition: Mapping[str, Any], expected: str) -> None:
    """400 ``VersionMismatch`` unless the bundle's version is ``X-Formation-Version`` (or its default)."""
    actual = semantic_version(definition)
    if actual != expected:
        message = f"Formation version mismatch: header says '{expected}' but bundle contains '{actual}'"
        raise ServerError(400, message, "VersionMismatch")


def bundle_hash(raw: bytes) -> str:
    """The bundle's identity: the SHA-256 of its bytes (what NoChange compares)."""
    return hashlib.sha256(raw).hexdigest()


def check_formation_id(formation_id: str | None) -> str:
    """The ``X-Formation-ID`` header of a deploy: 400 ``MissingHeader`` or ``InvalidFormationID`` (§10)."""
    if not formation_id:
        message = "Missing X-Formation-ID header. Provide the formation ID for early conflict detection."
        raise ServerError(400, message, "MissingHeader")
    problem = None
    if not 3 <= len(formation_id) <= 50:
        problem = "formation ID must be 3-50 characters"
    elif formation_id in RESERVED_FORMATION_IDS:
        problem = f'formation ID "{formation_id}" is reserved'
    elif not FORMATION_ID_PATTERN.match(formation_id):
        problem = "formation ID must contain only lowercase letters, numbers, and hyphens"
    if problem:
        raise ServerError(400, f"Invalid X-Formation-ID: {problem}", "InvalidFormationID")
    return formation_id


def is_bundle_content_type(content_type: str) -> bool:
    """Deploy accepts gzip bundles under any of three media types (§4)."""
    return any(accepted in content_type.lower() for accepted in BUNDLE_CONTENT_TYPES)


# --- §7 download -------------------------------------------------------------------------------


def is_hidden(path: str) -> bool:
    """Hidden files and directories are left out of a download, except ``.env`` files."""
    *directories, name = path.split("/")
    return any(part.startswith(".") for part in directories) or (name.startswith(".") and name != ".env")


def zip_release(files: Mapping[str, bytes], include_db: bool) -> bytes:
    """The download archive: the version's files, ``memory.db`` only when asked for (a placeholder
    when the bundle had none: an empty file is an empty SQLite database)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(files.items()):
            if path != MEMORY_DB and not is_hidden(path):
                archive.writestr(path, data)
        if include_db:
            archive.writestr(MEMORY_DB, files.get(MEMORY_DB, b""))
    return buffer.getvalue()

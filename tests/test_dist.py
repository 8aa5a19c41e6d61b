"""What `make dist` ships: the sdist holds what a build needs and nothing else, twine accepts both
files, and the wheel installs into a fresh virtual environment where `import meshkit` works.

Offline, about 15 s: the build runs without isolation (hatchling comes with the dev extra), and the
fresh environment gets meshkit's runtime dependencies from this one, linked rather than downloaded.
CI (.ci/run) also installs the wheel with plain pip from PyPI, dependencies resolved there.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clients" / "meshkit"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# The sdist's top level: the package, the spec and generator it is made from, and the project files.
SDIST_TOP_LEVEL = {
    "clients",
    "openapi",
    "generator",
    "README.md",
    "CHANGELOG.md",
    "pyproject.toml",
    "PKG-INFO",
    ".gitignore",
}
SDIST_MAX_BYTES = 2 * 1024 * 1024  # 0.6 MB today; tests or cassettes slipping in would show here


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path


def _run(command: list[str], *, timeout: float, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=cwd, check=False)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    missing = [name for name in ("build", "twine", "hatchling") if importlib.util.find_spec(name) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing from this environment (the dev extra): run make install")
    out = tmp_path_factory.mktemp("dist")
    # Like make dist (the sdist, then the wheel built from it), minus the isolated build environment.
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)], timeout=180)
    (sdist,) = out.glob("meshkit-*.tar.gz")
    (wheel,) = out.glob("meshkit-*.whl")
    return Dist(sdist, wheel)


def test_twine_accepts_the_sdist_and_the_wheel(dist: Dist) -> None:
    done = _run([sys.executable, "-m", "twine", "check", "--strict", str(dist.sdist), str(dist.wheel)], timeout=60)
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_the_sdist_holds_the_sources_and_nothing_else(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as archive:
        names = {member.name.split("/", 1)[1] for member in archive.getmembers() if member.isfile()}
    assert {name.split("/")[0] for name in names} - SDIST_TOP_LEVEL == set(), "the sdist holds more than it should"
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    sources = {
        str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    }
    assert sources - names == set(), "package files missing from the sdist"
    assert {"openapi/mesh.yaml", "generator/generate.py", "README.md", "CHANGELOG.md", "pyproject.toml"} <= names
    assert dist.sdist.stat().st_size < SDIST_MAX_BYTES


def test_the_wheel_holds_the_package_and_its_metadata(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"meshkit-{VERSION}.dist-info/METADATA").decode()
        entry_points = archive.read(f"meshkit-{VERSION}.dist-info/entry_points.txt").decode()
    assert {name.split("/")[0] for name in names} == {"meshkit", f"meshkit-{VERSION}.dist-info"}
    assert {"meshkit/py.typed", "meshkit/_generated/openapi.json", "meshkit/models.py"} <= names
    assert f"\nVersion: {VERSION}\n" in metadata
    assert "meshkit = meshkit.cli:main" in entry_points


def _runtime_dependencies(wheel: Path) -> list[importlib.metadata.Distribution]:
    """The installed distributions the wheel needs at run time (no extras), transitively."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"meshkit-{VERSION}.dist-info/METADATA").decode()
    todo = [Requirement(line.split(":", 1)[1]) for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    found: dict[str, importlib.metadata.Distribution] = {}
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if canonicalize_name(requirement.name) in found:
            continue
        distribution = importlib.metadata.distribution(requirement.name)
        assert requirement.specifier.contains(distribution.version, prereleases=True), (requirement, distribution)
        found[canonicalize_name(requirement.name)] = distribution
        todo += [Requirement(line) for line in distribution.requires or []]
    return list(found.values())


def _link_dependencies(distributions: list[importlib.metadata.Distribution], into: Path) -> None:
    """Each distribution's top-level packages, modules and .dist-info, symlinked into one folder."""
    into.mkdir()
    for distribution in distributions:
        assert distribution.files is not None, f"{distribution.metadata['Name']} has no RECORD"
        for top in {file.parts[0] for file in distribution.files} - {"..", "__pycache__"}:
            link = into / top
            if not link.exists():
                link.symlink_to(Path(str(distribution.locate_file(top))))


IMPORT_CHECK = """
import sys
import meshkit

assert meshkit.__file__.startswith(sys.prefix), meshkit.__file__  # the wheel's copy, not the source tree
assert meshkit.__version__ == {version!r}, meshkit.__version__
assert meshkit.Formation.__name__ == "Formation"
formation = meshkit.Formation(url="http://127.0.0.1:9/formation", client_key="fmc_not_a_secret")
assert callable(formation.ops.list_memories)  # the generated typed ops load from the wheel too
formation.close()
from meshkit.models import ChatRequest

assert ChatRequest(message="hi").to_dict()["message"] == "hi"  # the generated models too
print("imported", meshkit.__version__, "from", meshkit.__file__)
"""


def test_the_wheel_installs_and_imports_in_a_fresh_venv(dist: Dist, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], timeout=60)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]  # this environment's pip, run for the new one
    _run([*pip, "install", "--quiet", "--no-deps", "--no-index", "--no-compile", str(dist.wheel)], timeout=120)

    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], timeout=30)
    _link_dependencies(_runtime_dependencies(dist.wheel), tmp_path / "deps")
    (Path(purelib.stdout.strip()) / "meshkit-test-deps.pth").write_text(f"{tmp_path / 'deps'}\n", encoding="utf-8")
    checked = _run([*pip, "check"], timeout=60)
    assert "No broken requirements found" in checked.stdout

    # -I: no PYTHONPATH, no user site, no current directory on sys.path; run from an empty folder.
    (tmp_path / "cwd").mkdir()
    done = _run([str(python), "-I", "-c", IMPORT_CHECK.format(version=VERSION)], timeout=60, cwd=tmp_path / "cwd")
    assert f"imported {VERSION} from {venv}" in done.stdout

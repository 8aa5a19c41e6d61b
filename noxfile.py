"""nox sessions: the test suite on every supported Python, lint, types, and the generate check.

Run with the pyenv interpreters on PATH, e.g. `PYENV_VERSION=3.11.7:3.12.1:3.13.0 nox`.
"""

from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "generate_check"]
PYTHONS = ["3.11", "3.12", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The offline test suite."""
    session.install("-e", ".[server,dev,cli]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHONS)
def tests_httpx2(session: nox.Session) -> None:
    """The offline test suite on httpx2: `import httpx` resolves to httpx2 (tests/conftest.py aliases it)."""
    session.install("-e", ".[server,dev,cli,aiohttp]", "httpx2")
    # Subprocesses the suite starts (dev servers, examples, the CLI) are aliased too: a .pth file in this
    # session's own venv imports tests/httpx2_alias.py at every start-up, which aliases on the first
    # `import httpx` while MESHKIT_TEST_HTTPX2=1.
    site = session.run("python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", silent=True)
    site_packages = Path(str(site).strip())
    alias = Path(__file__).parent / "tests" / "httpx2_alias.py"
    (site_packages / "meshkit_test_httpx2_alias.py").write_text(alias.read_text())
    (site_packages / "meshkit_test_httpx2.pth").write_text("import meshkit_test_httpx2_alias\n")
    session.run("pytest", *session.posargs, env={"MESHKIT_TEST_HTTPX2": "1"})


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check (generated code excluded)."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python="3.11")
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package (generated code included) and the build scripts."""
    session.install("-e", ".[server,dev,cli]")
    session.run("mypy")


@nox.session(python="3.11")
def generate_check(session: nox.Session) -> None:
    """Rebuild mesh.yaml and the generated package; fail if anything differs from the commit."""
    session.install("-e", ".[dev]")
    session.run("python", "openapi/build_spec.py")
    session.run("python", "generator/generate.py")
    session.run("python", "generator/unasync.py", "--check")
    session.run("git", "diff", "--exit-code", "--", "openapi", "clients/meshkit/_generated", external=True)
    # New files do not show in git diff; git status catches them.
    session.run(
        "bash", "-c", 'test -z "$(git status --porcelain -- openapi clients/meshkit/_generated)"', external=True
    )

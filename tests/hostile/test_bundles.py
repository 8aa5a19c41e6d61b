"""Deploying a formation directory packs only what the formation needs (issue 14, row 11).

A user's formation directory holds more than the formation: a `.env`, a virtualenv, an SSH key,
caches, the runtime's own `.key` and `memory.db`. `build_bundle(dir)` leaves those out, a
`.muxiignore` adds rules (and `!` brings a default back), `.files` lists what will be sent, and a
symlink is followed while it stays inside the directory and refused by name otherwise.
"""

from __future__ import annotations

import io
import re
import tarfile
import threading
from pathlib import Path

import meshkit
import pytest
from meshkit import build_bundle

FORMATION = "id: demo-bot\nversion: 1.0.0\nagents:\n  - id: helper\n"


def make_tree(root: Path, files: dict[str, str]) -> Path:
    """``files``: relative path → text."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def packed(bundle: meshkit.Bundle) -> dict[str, bytes]:
    """What the server receives: each file of the tar and its bytes."""
    with tarfile.open(fileobj=io.BytesIO(bundle.data)) as archive:
        return {
            member.name: archive.extractfile(member).read()  # type: ignore[union-attr]
            for member in archive.getmembers()
        }


@pytest.fixture
def bot(tmp_path: Path) -> Path:
    """A formation directory as users have them: the formation, and everything a laptop adds."""
    return make_tree(
        tmp_path / "demo-bot",
        {
            "formation.yaml": FORMATION,
            "knowledge/faq.md": "# FAQ\n",
            "env/settings.yaml": "named env, but not a virtualenv\n",
            # secrets
            ".env": "OPENAI_API_KEY=sk-live-123\n",
            ".env.production": "OPENAI_API_KEY=sk-live-456\n",
            "id_rsa": "-----BEGIN OPENSSH PRIVATE KEY-----\n",
            "id_ed25519.pub": "ssh-ed25519 AAAA\n",
            "certs/server.pem": "-----BEGIN PRIVATE KEY-----\n",
            ".key": "written by the runtime for secrets.enc\n",
            # runtime state
            "memory.db": "SQLite format 3\n",
            # environments, version control, caches
            ".venv/pyvenv.cfg": "home = /usr/bin\n",
            ".venv/lib/site.py": "",
            "venv/pyvenv.cfg": "home = /usr/bin\n",
            "venv/lib/site.py": "",
            ".git/HEAD": "ref: refs/heads/main\n",
            "tools/__pycache__/helper.cpython-311.pyc": "",
            "tools/helper.py": "print('hi')\n",
            "tools/old.pyc": "",
            "node_modules/left-pad/index.js": "",
            ".mypy_cache/3.11/x.json": "",
            ".pytest_cache/v/cache/lastfailed": "",
            ".DS_Store": "",
        },
    )


KEPT = ["env/settings.yaml", "formation.yaml", "knowledge/faq.md", "tools/helper.py"]


def test_secrets_and_debris_stay_out_and_files_lists_what_is_sent(bot: Path) -> None:
    bundle = build_bundle(bot)
    sent = packed(bundle)

    assert sorted(sent) == KEPT
    assert not any(b"sk-live" in content or b"PRIVATE KEY" in content for content in sent.values())
    assert list(bundle.files) == KEPT


def test_debris_does_not_change_the_bundle_bytes(bot: Path, tmp_path: Path) -> None:
    """The server's NoChange compares bytes: a new .env or cache file must not make a new version."""
    clean = make_tree(tmp_path / "clean" / "demo-bot", {name: (bot / name).read_text() for name in KEPT})

    assert build_bundle(bot).data == build_bundle(clean).data


def test_muxiignore_adds_rules_and_a_negation_brings_a_default_back(bot: Path) -> None:
    make_tree(
        bot,
        {
            ".muxiignore": "# drafts are not for the server\ndrafts/\n*.log\n!.env.example\n!certs/ca.pem\n!venv/\n",
            ".env.example": "OPENAI_API_KEY=\n",
            "certs/ca.pem": "-----BEGIN CERTIFICATE-----\n",
            "drafts/next.md": "",
            "run.log": "",
        },
    )

    bundle = build_bundle(bot)
    files = sorted(packed(bundle))

    assert ".env.example" in files and "certs/ca.pem" in files  # brought back by `!`
    assert ".env" not in files and "certs/server.pem" not in files  # the other defaults hold
    assert "venv/lib/site.py" in files  # a virtualenv kept on purpose
    assert not any(name.startswith("drafts/") or name.endswith(".log") for name in files)
    assert list(bundle.files) == files


def test_a_muxiignore_that_leaves_out_the_formation_file_is_refused(bot: Path) -> None:
    (bot / ".muxiignore").write_text("*.yaml\n")

    with pytest.raises(meshkit.ConfigurationError, match=r"formation\.yaml is left out by \.muxiignore"):
        build_bundle(bot)


def test_symlinks_inside_the_directory_are_followed(bot: Path) -> None:
    make_tree(bot, {"prompts/system.md": "Be brief.\n"})
    (bot / "agents").mkdir()
    (bot / "agents" / "prompts").symlink_to("../prompts", target_is_directory=True)
    (bot / "README.md").symlink_to("knowledge/faq.md")

    bundle = build_bundle(bot)
    sent = packed(bundle)

    assert sent["agents/prompts/system.md"] == sent["prompts/system.md"] == b"Be brief.\n"
    assert sent["README.md"] == b"# FAQ\n"
    assert list(bundle.files) == sorted(sent)


def test_a_symlink_out_of_an_ignored_directory_is_no_concern(bot: Path, tmp_path: Path) -> None:
    """A real virtualenv links to the system's python; it is left out, so its links are not judged."""
    (bot / ".venv" / "python").symlink_to("/usr/bin/python3")
    (bot / "node_modules" / "shared").symlink_to(tmp_path)
    (bot / "scratch").symlink_to(tmp_path, target_is_directory=True)
    (bot / ".muxiignore").write_text("/scratch\n")  # the user's rule makes an outside link fine too

    bundle = build_bundle(bot)

    assert sorted(packed(bundle)) == [".muxiignore", *KEPT]
    assert list(bundle.files) == [".muxiignore", *KEPT]


@pytest.mark.parametrize(
    ("link", "points_to", "message"),
    [
        ("secrets.yaml", "{outside}/secrets.yaml", r"symlink 'secrets\.yaml' points outside the formation directory"),
        ("shared", "{outside}", r"symlink 'shared' points outside the formation directory"),
        ("knowledge/home", "{outside}/..", r"symlink 'knowledge/home' points outside"),
        ("settings.env.txt", ".env", r"symlink 'settings\.env\.txt' points to '\.env', which bundles leave out"),
        ("site", ".venv/lib", r"symlink 'site' points to '\.venv/lib', which bundles leave out"),
        ("missing.md", "knowledge/nowhere.md", r"symlink 'missing\.md' points to nothing"),
    ],
    ids=["file-outside", "directory-outside", "parent-outside", "to-a-secret", "into-a-venv", "dangling"],
)
def test_a_symlink_that_cannot_be_followed_is_refused_by_name(
    bot: Path, tmp_path: Path, link: str, points_to: str, message: str
) -> None:
    outside = make_tree(tmp_path / "elsewhere", {"secrets.yaml": "password: hunter2\n"})
    (bot / link).symlink_to(points_to.format(outside=outside))

    with pytest.raises(meshkit.ConfigurationError, match=message) as refused:
        build_bundle(bot)
    assert ".muxiignore" in str(refused.value)  # the hint says how to leave it out on purpose


@pytest.mark.parametrize(
    ("links", "looping"),
    [
        ({"knowledge/again": ".."}, "knowledge/again"),
        ({"knowledge/again": "."}, "knowledge/again"),
        ({"knowledge/to-tools": "../tools", "tools/to-knowledge": "../knowledge"}, "knowledge/to-tools/to-knowledge"),
    ],
    ids=["to-the-root", "to-itself", "two-links-in-a-cycle"],
)
def test_a_symlink_loop_is_refused_without_hanging(bot: Path, links: dict[str, str], looping: str) -> None:
    for link, points_to in links.items():
        (bot / link).symlink_to(points_to, target_is_directory=True)
    outcome: list[BaseException | meshkit.Bundle] = []

    def build() -> None:
        try:
            outcome.append(build_bundle(bot))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=build, daemon=True)
    worker.start()
    worker.join(timeout=30)

    assert not worker.is_alive(), "build_bundle is still walking the loop"
    (error,) = outcome
    assert isinstance(error, meshkit.ConfigurationError)
    assert f"{looping!r} leads back to a directory that contains it" in str(error)


def test_a_ready_made_bundle_lists_its_files(bot: Path, tmp_path: Path) -> None:
    archive = tmp_path / "demo-bot.tar.gz"
    archive.write_bytes(build_bundle(bot).data)

    from_file, from_bytes = build_bundle(archive), build_bundle(archive.read_bytes())

    assert list(from_file.files) == list(from_bytes.files) == KEPT
    assert (from_file.formation_id, from_file.version) == ("demo-bot", "1.0.0")


def test_a_bundle_repr_shows_its_size_not_its_bytes(bot: Path) -> None:
    (bot / ".muxiignore").write_text("!.env\n")  # a bundle may carry a secret on purpose
    bundle = build_bundle(bot)

    assert ".env" in bundle.files
    assert repr(bundle) == f"Bundle(formation_id='demo-bot', version='1.0.0', size={bundle.size}, files=6)"


def test_docs_cli_lists_every_default_rule() -> None:
    from meshkit._bundle import DEFAULT_IGNORE

    page = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = page[page.index("## What a deploy sends") : page.index("A `.muxiignore` file at")]
    assert set(DEFAULT_IGNORE) <= set(re.findall(r"`([^`]+)`", section))

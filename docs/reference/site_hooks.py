"""MkDocs hooks for the reference site (mkdocs.yml): the site mirrors the repository.

The prose pages live where the tests and GitHub expect them (README.md, docs/*.md, examples/README.md)
and link each other, and the repository's files, by relative paths. So every page is placed at its
repository path (docs/cli.md is served as /docs/cli/, README.md as the home page) and each of their
links resolves in the site as it does in the repository:

- a linked Markdown file joins the site as a page (``tests/real/README.md``);
- a linked file of another kind (``openapi/mesh.yaml``, ``examples/demo.py``) is copied as is;
- a linked directory becomes a link to its README.md, or to a generated page listing its files.

A link to a path that does not exist is left alone, so ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

# The site's home page; it, docs/ (docs_dir) and the pages they link, transitively, are the site.
ROOT_PAGES = ("README.md",)

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_LINK = re.compile(r"(\]\()([^)\s]+)(\))")

# Repository directory (posix, relative) -> the page that stands for it in the site.
_directory_pages: dict[str, str] = {}
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV
UNDEFINED = InclusionLevel.UNDEFINED


def _repository(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _local_links(markdown: str) -> list[str]:
    """The relative link targets of a page, outside fenced code, without their #anchor."""
    prose = _FENCE.sub("", markdown)
    targets = []
    for match in _LINK.finditer(prose):
        url = match.group(2)
        if "://" in url or url.startswith(("#", "/", "mailto:")):
            continue
        targets.append(url.split("#", 1)[0])
    return [target for target in targets if target]


def _file(config: Any, root: Path, path: str, inclusion: InclusionLevel = UNDEFINED) -> File:
    return File(
        path,
        src_dir=str(root),
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=inclusion,
    )


def _listing(root: Path, directory: str) -> str:
    names = sorted(
        child.name + ("/" if child.is_dir() else "")
        for child in (root / directory).iterdir()
        if not child.name.startswith((".", "__pycache__"))
    )
    lines = [f"# {directory}/", "", "A directory of the meshkit repository; its files:", ""]
    lines += [f"- `{name}`" for name in names]
    return "\n".join(lines) + "\n"


def on_files(files: Files, config: Any) -> Files:
    root = _repository(config)
    docs_dir = Path(config.docs_dir).resolve()
    site = Files([])
    pages: list[str] = []
    for file in files:
        source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if source is not None and source.is_relative_to(docs_dir):
            path = source.relative_to(root).as_posix()
            site.append(_file(config, root, path, file.inclusion))
            if path.endswith(".md") and not file.inclusion.is_excluded():
                pages.append(path)
        else:  # the theme's assets
            site.append(file)
    pending = [*ROOT_PAGES, *pages]
    seen = set(pending)
    for path in ROOT_PAGES:
        site.append(_file(config, root, path))
    _directory_pages.clear()
    while pending:
        page = pending.pop()
        for link in _local_links((root / page).read_text(encoding="utf-8")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
            absolute = (root / target).resolve()
            if target.startswith("..") or not absolute.exists() or target in seen:
                continue  # outside the repository, missing (MkDocs reports it) or placed already
            seen.add(target)
            if absolute.is_dir():
                readme = f"{target}/README.md"
                if (root / readme).is_file():
                    _directory_pages[target] = readme
                    if readme not in seen:
                        seen.add(readme)
                        site.append(_file(config, root, readme, NOT_IN_NAV))
                        pending.append(readme)
                else:
                    _directory_pages[target] = f"{target}/index.md"
                    listing = _listing(root, target)
                    site.append(File.generated(config, f"{target}/index.md", content=listing, inclusion=NOT_IN_NAV))
            else:  # a page reached by a link needs no place in the nav
                site.append(_file(config, root, target, NOT_IN_NAV if target.endswith(".md") else UNDEFINED))
                if target.endswith(".md"):
                    pending.append(target)
    return site


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Points a link to a repository directory at the page that stands for it."""
    if not _directory_pages:
        return markdown
    here = posixpath.dirname(page.file.src_uri)

    def repoint(match: re.Match[str]) -> str:
        url = match.group(2)
        path, hash_, anchor = url.partition("#")
        if "://" in url or not path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(here, path))
        stand_in = _directory_pages.get(target)
        if stand_in is None:
            return match.group(0)
        relative = posixpath.relpath(stand_in, here or ".")
        return f"{match.group(1)}{relative}{hash_}{anchor}{match.group(3)}"

    # Rewrite outside fenced code only: split on fences and touch the prose parts.
    parts = re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", markdown, flags=re.S | re.M)
    return "".join(part if index % 2 else _LINK.sub(repoint, part) for index, part in enumerate(parts))

"""The API reference (`make docs`): it builds with `mkdocs build --strict`, has its pages, and renders.

The rendering test serves the built site on loopback, opens the Formation page in headless Chromium
(Debian's package: tests/docs/install_chromium.sh, which `make install` runs when CI=true), driven
over the DevTools protocol on a pipe, and saves a screenshot as a test artefact:
build/artefacts/reference-formation.png. Without chromium the test skips, except under CI=true,
where it fails.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "build" / "artefacts"
SCREENSHOT = ARTEFACTS / "reference-formation.png"
WINDOW = (1280, 900)
# Text, code, links and the header bar give a rendered page hundreds of colours; a blank or
# unstyled page has a handful.
MIN_COLOURS = 64

API_PAGES = [
    "docs/reference/formation",
    "docs/reference/server",
    "docs/reference/broker",
    "docs/reference/errors",
    "docs/reference/streams",
    "docs/reference/models",
    "docs/reference/observability",
    "docs/reference/ops-formation",
    "docs/reference/ops-server",
    "docs/reference/ops-broker",
    "docs/reference/devserver",
]
PROSE_PAGES = ["", "docs/cli", "docs/migration", "docs/api-changes", "docs/demo", "docs/contract", "examples"]


def _mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as `make docs` builds it (into a scratch directory)."""
    out = tmp_path_factory.mktemp("site")
    started = time.monotonic()
    done = _mkdocs("--site-dir", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert time.monotonic() - started < 60, "the reference should build in under a minute"
    return out


def test_the_site_has_a_page_per_api_and_the_prose_pages(site: Path) -> None:
    for page in [*API_PAGES, *PROSE_PAGES]:
        assert (site / page / "index.html").is_file(), page
    ops = (site / "docs/reference/ops-formation/index.html").read_text(encoding="utf-8")
    assert "FormationOperations" in ops and "list_memories" in ops and "MemoryList" in ops
    errors = (site / "docs/reference/errors/index.html").read_text(encoding="utf-8")
    assert "NotFoundError" in errors and "error_from_response" not in errors  # the public classes only
    # A file the prose links (not a page) is in the site, so the link works there too.
    assert (site / "openapi/mesh.yaml").is_file()


def _build_scratch(tmp_path: Path, readme: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "docs").mkdir(parents=True)
    (tmp_path / "docs" / "page.md").write_text("# Page\n\nBack to the [README](../README.md).\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "run.py").write_text("print('hi')\n")
    (tmp_path / "README.md").write_text(readme)
    hooks = ROOT / "docs" / "reference" / "site_hooks.py"
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: scratch\ndocs_dir: docs\nsite_dir: site\nhooks: [{hooks}]\n"
        "validation: {omitted_files: warn, absolute_links: warn, unrecognized_links: warn, anchors: warn}\n"
        "nav: [README.md, docs/page.md]\n"
    )
    return _mkdocs(cwd=tmp_path)


def test_links_resolve_as_in_the_repository_and_a_broken_one_fails_the_build(tmp_path: Path) -> None:
    links = "[page](docs/page.md), [a script](tools/run.py), [tools](tools/)"
    good = _build_scratch(tmp_path / "good", f"# Home\n\n{links}\n")
    assert good.returncode == 0, good.stdout + good.stderr
    assert (tmp_path / "good/site/tools/run.py").is_file()  # a linked file is copied
    assert (tmp_path / "good/site/tools/index.html").is_file()  # a linked directory is listed

    broken = _build_scratch(tmp_path / "broken", "# Home\n\n[page](docs/page.md), [gone](docs/gone.md)\n")
    assert broken.returncode != 0
    assert "docs/gone.md" in broken.stdout + broken.stderr

    anchor = _build_scratch(tmp_path / "anchor", "# Home\n\n[page](docs/page.md#no-such-section)\n")
    assert anchor.returncode != 0
    assert "no-such-section" in anchor.stdout + anchor.stderr


# --- headless Chromium -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    """Chromium's path; asked for before the site is built, so a machine without it skips at once."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but chromium is not installed: make install runs tests/docs/install_chromium.sh")
        pytest.skip("chromium is not installed (Debian: tests/docs/install_chromium.sh, as root or with sudo)")
    return path


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    """The built site over HTTP on loopback, as a browser sees it once it is hosted."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class DevTools:
    """Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages ending in NUL, the
    browser reading fd 3 and writing fd 4."""

    def __init__(self, chromium: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        flags = [
            "--headless",
            "--remote-debugging-pipe",
            "--no-sandbox",  # as root (CI) Chromium's sandbox refuses to start
            "--disable-gpu",
            "--no-first-run",
            # This machine's network is closed: no background requests to the vendor's hosts.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            f"--user-data-dir={profile}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            "about:blank",
        ]
        # bash puts the pipe ends on fds 3 and 4 without a preexec_fn (unsafe with threads running).
        remap = 'exec 3<&"$1" 4>&"$2"; shift 2; exec "$@"'
        self._process = subprocess.Popen(
            ["bash", "-c", remap, "bash", str(to_browser_r), str(from_browser_w), chromium, *flags],
            pass_fds=(to_browser_r, from_browser_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read(timeout)
            self.events.append(event)
            if event.get("method") == method:
                return event

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise ConnectionError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def close(self) -> None:
        try:
            os.write(self._to_browser, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)


def _png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the pixels (RGB or RGBA bytes) of an 8-bit, non-interlaced PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat, header = 8, b"", b""
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            header = data
        elif kind == b"IDAT":
            idat += data
        offset += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, (depth, colour_type, interlace)
    size = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * size
    previous, pixels = bytearray(stride), []
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, up_left = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 0xFF
        pixels += [bytes(line[i : i + size]) for i in range(0, stride, size)]
        previous = line
    return width, height, pixels


def test_the_formation_page_renders_in_headless_chromium(chromium: str, served: str) -> None:
    url = f"{served}/docs/reference/formation/"
    with tempfile.TemporaryDirectory(prefix="meshkit-chromium-") as profile:
        browser = DevTools(chromium, Path(profile))
        try:
            target = browser.send("Target.createTarget", url="about:blank")["targetId"]
            session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Network"):
                browser.send(f"{domain}.enable", session)
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                session,
                width=WINDOW[0],
                height=WINDOW[1],
                deviceScaleFactor=1,
                mobile=False,
            )
            browser.send("Page.navigate", session, url=url)
            browser.wait_for("Page.loadEventFired")

            def evaluate(expression: str) -> Any:
                result = browser.send(
                    "Runtime.evaluate", session, expression=expression, returnByValue=True, awaitPromise=True
                )
                return result["result"].get("value")

            # Everything the page asked for arrived, fonts included, and it is laid out.
            evaluate("document.fonts.ready.then(() => true)")
            title = evaluate("document.title")
            heading = evaluate("document.querySelector('article h1').firstChild.textContent")
            text = evaluate("document.querySelector('article').innerText")
            heading_box = evaluate("JSON.stringify(document.querySelector('article h1').getBoundingClientRect())")
            shot = browser.send("Page.captureScreenshot", session, format="png")["data"]
        finally:
            browser.close()

    png = base64.b64decode(shot)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.write_bytes(png)

    failed = [event["params"] for event in browser.events if event.get("method") == "Network.loadingFailed"]
    thrown = [event["params"] for event in browser.events if event.get("method") == "Runtime.exceptionThrown"]
    assert failed == [] and thrown == [], (failed, thrown)
    assert title.startswith("Formation - meshkit"), title
    assert heading == "Formation"
    assert json.loads(heading_box)["height"] > 0
    words = set(text.replace("(", " ").replace(".", " ").split())
    assert {"Formation", "AsyncFormation", "chat", "chat_stream"} <= words, text[:500]

    width, height, pixels = _png_pixels(png)
    assert (width, height) == WINDOW
    colours = Counter(pixels)
    assert len(colours) > MIN_COLOURS, f"{len(colours)} colours: a blank page? see {SCREENSHOT}"
    background_share = colours.most_common(1)[0][1] / len(pixels)
    assert background_share < 0.97, f"{background_share:.0%} of the page is one colour; see {SCREENSHOT}"

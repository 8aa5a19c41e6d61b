"""Answers that are not JSON envelopes: an artifact's content comes back as its bytes, whatever
its own media type (the runtime sends it as it is, e.g. text/plain or application/json)."""

from __future__ import annotations

import httpx
import pytest
from meshkit import Formation


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("text/plain; charset=utf-8", b"a report\n"),
        ("application/json", b'{"data": {"not": "an envelope"}}'),
        ("image/png", b"\x89PNG\r\n\x1a\n\x00"),
    ],
)
def test_an_artifacts_content_is_its_bytes(content_type: str, content: bytes) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, headers={"Content-Type": content_type}, content=content)

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with Formation(url="http://formation.test", client_key="fmc_test_key_0001", http_client=http) as formation:
        assert formation.ops.download_artifact_content("art_1", user_id="alice") == content
    assert sent[0].url.path == "/v1/artifacts/art_1/content"
    assert sent[0].headers["accept"] == "*/*"

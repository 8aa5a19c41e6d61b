"""How a blocking chat's answer is read, on canned responses (httpx.MockTransport): multi-part
content, widgets and artifacts as sent, the generated model built only when ``response`` is read,
and malformed answers as a ResponseValidationError — never a KeyError or a half-filled result."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from meshkit import Formation, ResponseValidationError
from meshkit._generated import models

URL = "http://formation.invalid"


def answering(data: Any) -> Formation:
    """A formation whose every request is answered with the success envelope around ``data``."""
    content = json.dumps({"object": "chat", "type": "chat", "success": True, "timestamp": 1, "data": data}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"Content-Type": "application/json"})

    return Formation(
        url=URL, client_key="fmc_x", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )


def test_a_multi_part_answer_gives_its_text_parts_and_keeps_every_part() -> None:
    parts = [{"type": "text", "text": "Here is "}, {"type": "image", "url": "x.png"}, {"type": "text", "text": "a cat"}]
    widget = {"type": "chart", "id": "w1", "series": [1, 2]}
    formation = answering(
        {
            "message": {"role": "assistant", "content": parts, "ui": [widget], "artifacts": [{"name": "a.txt"}]},
            "session_id": "sess_1",
            "request_id": "req_1",
        }
    )

    result = formation.chat("Show me a cat")

    assert result.text == "Here is a cat"
    assert result.content == parts
    assert (result.ui, result.artifacts) == ([widget], [{"name": "a.txt"}])
    assert (result.session_id, result.request_id, result.user_id) == ("sess_1", "req_1", None)


def test_the_generated_model_is_built_on_first_access_and_kept() -> None:
    message = {"role": "assistant", "content": "hi", "metadata": {"agent_used": "echo"}}
    result = answering({"message": message, "user_id": "0", "session_id": "s", "request_id": None}).chat("x")

    response = result.model

    assert isinstance(response, models.ChatResponse)
    assert response.message.metadata.additional_properties == {"agent_used": "echo"}
    assert result.model is response
    assert "response" not in repr(result) and "_answer" not in repr(result)


def test_the_runtimes_null_artifacts_and_metadata_decode() -> None:
    # muxi-runtime sends "artifacts": null when the turn produced no file, and may send no metadata.
    message = {"role": "assistant", "content": "hi", "artifacts": None, "metadata": None}
    result = answering({"message": message, "user_id": "0", "session_id": None, "request_id": "req_9"}).chat("x")

    assert result.artifacts == [] and result.request_id == "req_9"
    assert result.model.message.artifacts is None and result.model.message.metadata is None


@pytest.mark.parametrize(
    "data",
    [
        {},  # no message
        {"message": "You said: hi"},  # a message that is not an object
        {"message": {"content": "hi", "ui": {"type": "chart"}}},  # ui not a list
        {"message": {"content": "hi", "ui": ["chart"]}},  # a widget that is not an object
        {"message": {"content": "hi", "artifacts": "a.txt"}},
        ["not", "an", "object"],
    ],
)
def test_a_malformed_answer_is_a_response_validation_error(data: Any) -> None:
    with pytest.raises(ResponseValidationError):
        answering(data).chat("hi")


def test_the_old_name_response_still_answers_and_says_it_is_now_model() -> None:
    answer = {"message": {"role": "assistant", "content": "hi"}, "user_id": "0", "session_id": "s", "request_id": None}
    result = answering(answer).chat("x")
    with pytest.warns(DeprecationWarning, match=r"ChatResult.response is now ChatResult.model"):
        assert result.response is result.model

"""The bot, tested offline against scripted answers: a tool call, a widget, a stream that fails
midway (and the bot's retry), and an agent slower than the bot's timeout."""

from __future__ import annotations

import asyncio

import meshkit
import pytest
from bot import ask
from meshkit.testing import Answer, DevServer


def test_the_bot_reports_the_tools_the_agent_called(
    meshkit_dev_server: DevServer, formation: meshkit.Formation
) -> None:
    weather = Answer().thinking("Checking the forecast").tool_call({"name": "weather", "arguments": {"city": "Oslo"}})
    meshkit_dev_server.script(weather.text("Sunny in Oslo."), message="Weather in Oslo?")

    reply = ask(formation, "Weather in Oslo?")

    assert reply.text == "Sunny in Oslo."
    assert reply.tools == ["weather"]


def test_the_bot_passes_widgets_on(meshkit_dev_server: DevServer, formation: meshkit.Formation) -> None:
    choice = {"type": "options", "id": "size", "options": [{"label": "Small", "value": "s"}]}
    meshkit_dev_server.script(Answer().text("Which size?").ui(choice), message="I want a shirt")

    reply = ask(formation, "I want a shirt")

    assert reply.text == "Which size?"
    assert reply.widgets == [choice]


def test_a_stream_failing_midway_is_asked_again(meshkit_dev_server: DevServer, formation: meshkit.Formation) -> None:
    dev = meshkit_dev_server
    broken = Answer().text("One two three four").error("The model went away", after_tokens=3)
    dev.script(broken, message="Count")  # the first stream fails after three tokens
    dev.script("One two three four.", message="Count")  # the second one answers

    reply = ask(formation, "Count")

    assert (reply.text, reply.attempts) == ("One two three four.", 2)
    assert [call.body["message"] for call in dev.requests(operation="chat")] == ["Count", "Count"]


def test_a_stream_failing_every_time_reaches_the_caller(
    meshkit_dev_server: DevServer, formation: meshkit.Formation
) -> None:
    meshkit_dev_server.script(Answer().text("One two").error("The model went away", after_tokens=1), times=None)

    with pytest.raises(meshkit.StreamError) as failed:
        ask(formation, "Count")

    assert failed.value.partial_text == "One "


def test_a_slow_agent_gets_a_polite_answer(meshkit_dev_server: DevServer, formation: meshkit.Formation) -> None:
    meshkit_dev_server.script(Answer().delay(2).text("Finally."), message="Think hard")

    reply = ask(formation, "Think hard")

    assert reply.text.startswith("Sorry, that is taking too long")


def test_an_asyncio_service_meets_the_same_scripts(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    dev.script(Answer().tool_call({"name": "search"}).text("Found it."), message="Find my order")

    async def service() -> tuple[list[str], str]:
        formation = meshkit.AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key)
        async with formation, formation.chat_stream("Find my order") as stream:
            kinds = [type(event).__name__ async for event in stream]
            return kinds, stream.text

    kinds, text = asyncio.run(service())

    assert "ToolCall" in kinds and text == "Found it."
    dev.assert_one_chat()

"""meshkit's first hour, step by step, against the URLs and keys in the environment.

Run it with `make demo` (which starts a dev server and sets the environment), or against your own:
MUXI_FORMATION_URL, MUXI_CLIENT_KEY, MUXI_ADMIN_KEY, MUXI_SERVER_URL, MUXI_KEY_ID, MUXI_SECRET_KEY,
AIMESH_URL. Each step prints what it does; the exit code is 1 if any step failed.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import meshkit
from meshkit import AiMeshClient, EndpointMetrics, Formation, Message, ServerClient

HELLO_BOT = Path(__file__).resolve().parent / "formations" / "hello-bot"


def blocking_chat(formation: Formation) -> None:
    """One message, the whole answer at once."""
    print(formation.chat("Hello!").text)


def streaming_chat(formation: Formation) -> None:
    """The answer printed token by token as it arrives."""
    with formation.chat_stream("Tell me a story") as stream:
        for event in stream:
            print(event.text, end="", flush=True)
    print()


def session_with_history(formation: Formation) -> None:
    """Two turns in one session, then the session's history."""
    session = formation.create_session()
    formation.chat("Remember: I like tea", session_id=session.id)
    formation.chat("What do I like?", session_id=session.id)
    for message in formation.get_session(session.id).messages:
        print(f"  {message.role}: {message.content}")


def user_scoped_call(formation: Formation) -> None:
    """Everything as one end user: alice's sessions are hers alone."""
    alice = formation.for_user("alice")
    print(alice.chat("Hi, I am Alice").text)
    print("alice's sessions:", len(alice.list_sessions()))


def deploy_formation(server: ServerClient) -> None:
    """Deploy examples/formations/hello-bot with its progress shown."""
    with server.deploy_stream(HELLO_BOT) as progress:
        for event in progress:
            if event.event == "progress":
                print(f"  {event.data.stage}: {event.data.message}")
            else:
                print(f"  running on port {event.data.port}")


def chat_with_deployed(server: ServerClient) -> None:
    """Chat with the deployed formation through the server (/api/hello-bot/v1)."""
    with server.formation("hello-bot") as bot:
        print(bot.chat("Hello, bot!").text)
    print("formations:", ", ".join(f"{s.id} ({s.status})" for s in server.list_formations()))


def broker_quickstart(broker: AiMeshClient) -> None:
    """The AiMesh quick start: an endpoint, a budget, messages, the stats."""
    broker.register_endpoint(
        EndpointMetrics(
            endpoint_id="gpt-4",
            capacity=1000,
            current_load=0,
            cost_per_1k_tokens=30.0,
            latency_p99_ms=500.0,
            error_rate=0.01,
        )
    )
    broker.set_budget("my-agent", tokens=10000)
    for number in range(3):
        ack = broker.send_message(Message(agent_id="my-agent", payload=f"Hello, AI! #{number}", priority=50))
        print(f"  message {number}: {ack.status}, {ack.tokens_used:g} tokens in {ack.processing_latency_ms} ms")
    print(f"  budget used: {broker.get_budget('my-agent').utilization_percent:.2f}%")
    print(f"  messages total: {broker.get_stats()['messages_total']}")


def run_step(title: str, step: Callable[[], None]) -> bool:
    """Run one step; print ``ok`` or the error (with its hint) and say whether it passed."""
    print(f"\n== {title}", flush=True)
    try:
        step()
    except meshkit.MeshkitError as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return False
    except Exception:
        traceback.print_exc()
        return False
    print("ok", flush=True)
    return True


def main() -> int:
    """Every step, in order, even after a failure; 0 only if all passed."""
    with Formation() as formation, ServerClient() as server, AiMeshClient() as broker:
        steps: list[tuple[str, Callable[[], None]]] = [
            ("blocking chat", lambda: blocking_chat(formation)),
            ("streaming chat", lambda: streaming_chat(formation)),
            ("session with history", lambda: session_with_history(formation)),
            ("user-scoped call", lambda: user_scoped_call(formation)),
            ("deploy formation hello-bot", lambda: deploy_formation(server)),
            ("chat with the deployed formation", lambda: chat_with_deployed(server)),
            ("broker quick start", lambda: broker_quickstart(broker)),
        ]
        results = [run_step(title, step) for title, step in steps]
    passed = sum(results)
    print(f"\n{passed}/{len(results)} steps passed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""AiMesh broker commands: send, stats, health, budget set/get/reset, endpoints add/ls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ._app import broker_app, budget_app, endpoints_app, state

if TYPE_CHECKING:
    from ..broker import BudgetInfo


@broker_app.command("send")
def broker_send(
    ctx: typer.Context,
    agent_id: Annotated[str, typer.Argument(metavar="AGENT", help="The sending agent's id.")],
    payload: Annotated[str, typer.Argument(help="The message payload (text).")],
    priority: Annotated[int, typer.Option(help="0-100.")] = 50,
    budget_tokens: Annotated[float, typer.Option(help="Token budget for this message.")] = 1000.0,
    dedup_context: Annotated[str, typer.Option(help="Deduplication context (e.g. a task id).")] = "",
) -> None:
    """Send one message and print its acknowledgment."""
    from ..broker import Message

    current = state(ctx)
    message = Message(
        agent_id=agent_id, payload=payload, priority=priority, budget_tokens=budget_tokens, dedup_context=dedup_context
    )
    with current.settings.broker() as broker:
        ack = broker.send_message(message)
    human = f"{ack.status}: {ack.tokens_used:g} tokens in {ack.processing_latency_ms} ms"
    current.output.result(ack, human + (" (deduplicated)" if ack.deduplicated else ""))


@broker_app.command("stats")
def broker_stats(ctx: typer.Context) -> None:
    """The broker's counters."""
    current = state(ctx)
    with current.settings.broker() as broker:
        stats = broker.get_stats()
    human = (
        f"messages {stats.messages_total} (ok {stats.messages_success}, failed {stats.messages_failed}), "
        f"tokens {stats.tokens_consumed:g}, endpoints {stats.endpoints_healthy}/{stats.endpoints_total} healthy"
    )
    current.output.result(stats, human)


@broker_app.command("health")
def broker_health(ctx: typer.Context) -> None:
    """The broker's health."""
    current = state(ctx)
    with current.settings.broker() as broker:
        health = broker.health_check()
    human = f"{health.status}: {health.endpoints_healthy}/{health.endpoints_total} endpoints healthy"
    current.output.result(health, human)


def _budget_line(budget: BudgetInfo) -> str:
    """One budget as a human line."""
    return (
        f"{budget.agent_id}: {budget.remaining_tokens:g} of {budget.initial_tokens:g} tokens left "
        f"({budget.utilization_percent:.1f}% used)"
    )


@budget_app.command("set")
def budget_set(
    ctx: typer.Context,
    agent_id: Annotated[str, typer.Argument(metavar="AGENT")],
    tokens: Annotated[float, typer.Argument(help="The new budget.")],
) -> None:
    """Set an agent's token budget."""
    current = state(ctx)
    with current.settings.broker() as broker:
        budget = broker.set_budget(agent_id, tokens=tokens)
    current.output.result(budget, _budget_line(budget))


@budget_app.command("get")
def budget_get(ctx: typer.Context, agent_id: Annotated[str, typer.Argument(metavar="AGENT")]) -> None:
    """Show an agent's budget."""
    current = state(ctx)
    with current.settings.broker() as broker:
        budget = broker.get_budget(agent_id)
    current.output.result(budget, _budget_line(budget))


@budget_app.command("reset")
def budget_reset(ctx: typer.Context, agent_id: Annotated[str, typer.Argument(metavar="AGENT")]) -> None:
    """Refill an agent's budget to its initial amount."""
    current = state(ctx)
    with current.settings.broker() as broker:
        budget = broker.reset_budget(agent_id)
    current.output.result(budget, _budget_line(budget))


@endpoints_app.command("add")
def endpoints_add(
    ctx: typer.Context,
    endpoint_id: Annotated[str, typer.Argument(metavar="ID")],
    capacity: Annotated[int, typer.Option(help="Concurrent capacity.")] = 1000,
    cost: Annotated[float, typer.Option(help="Cents per 1k tokens.")] = 1.0,
    latency: Annotated[float, typer.Option(help="p99 latency, ms.")] = 100.0,
    error_rate: Annotated[float, typer.Option(help="0-1.")] = 0.0,
) -> None:
    """Register (or update) a healthy endpoint."""
    from ..broker import EndpointMetrics

    current = state(ctx)
    metrics = EndpointMetrics(
        endpoint_id=endpoint_id,
        capacity=capacity,
        current_load=0,
        cost_per_1k_tokens=cost,
        latency_p99_ms=latency,
        error_rate=error_rate,
    )
    with current.settings.broker() as broker:
        registered = broker.register_endpoint(metrics)
    current.output.result(registered, f"registered {registered.endpoint_id} ({registered.health_status})")


@endpoints_app.command("ls")
def endpoints_ls(ctx: typer.Context) -> None:
    """List the registered endpoints."""
    current = state(ctx)
    with current.settings.broker() as broker:
        rows = broker.list_endpoints()
    columns = ["endpoint_id", "health_status", "capacity", "current_load", "cost_per_1k_tokens", "latency_p99_ms"]
    current.output.table(rows, columns, title="endpoints")

"""Seeing each call (issue 17): ``MESHKIT_LOG`` / ``set_log_level``, ``hooks=``, and OpenTelemetry
spans and metrics (extra ``otel``), on the blocking and asyncio clients, streams included, against
the dev server. Keys never appear in a log line, a record or a span."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import httpx
import meshkit
import pytest
from meshkit import AsyncFormation, Formation, Hooks, RequestInfo, ResponseInfo, RetryInfo, StreamEventInfo
from meshkit._core import _otel
from meshkit.devserver import DevServer
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _formation(dev: DevServer, **options: object) -> Formation:
    return Formation(url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key, **options)  # type: ignore[arg-type]


# --- MESHKIT_LOG -------------------------------------------------------------------------------------

SCRIPT = textwrap.dedent(
    """
    import logging, sys
    from meshkit import Formation
    from meshkit.devserver import DevServer

    if sys.argv[1] == "httpx-debug":  # the user's own logging, httpx's DEBUG included
        logging.basicConfig(level=logging.DEBUG)
    with DevServer() as dev:
        with Formation(url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key) as f:
            f.chat("Hello!")
            with f.chat_stream("Tell me a story") as stream:
                stream.until_done()
            try:
                f.get_agent("nobody")
            except Exception:
                pass
        print("handlers:", len(logging.getLogger("meshkit").handlers))
        print("keys:", dev.config.client_key, dev.config.admin_key)
    """
)


def _run(env_log: str | None, mode: str = "plain") -> subprocess.CompletedProcess[str]:
    import os

    env = {key: value for key, value in os.environ.items() if key != "MESHKIT_LOG"}
    if env_log is not None:
        env["MESHKIT_LOG"] = env_log
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, env=env, timeout=60, check=True
    )


def _keys(done: subprocess.CompletedProcess[str]) -> list[str]:
    line = next(line for line in done.stdout.splitlines() if line.startswith("keys:"))
    return line.split()[1:]


def test_meshkit_log_info_writes_one_line_per_call_and_never_a_key() -> None:
    done = _run("info")
    lines = [line for line in done.stderr.splitlines() if " INFO meshkit: " in line]

    assert len(lines) == 3, done.stderr
    chat, stream, missing = lines
    assert "chat POST /formation/v1/chat -> 200 request_id=req_" in chat and "attempts=1" in chat and " ms" in chat
    assert "chat POST /formation/v1/chat -> 200 attempts=1" in stream and "(stream open)" in stream
    assert "get_agent GET /formation/v1/agents/nobody -> 404 NotFoundError request_id=req_" in missing
    assert "DEBUG" not in done.stderr
    assert not any(key in done.stderr for key in _keys(done))
    assert "handlers: 1" in done.stdout


def test_meshkit_log_debug_adds_attempts_and_the_streams_close() -> None:
    done = _run("debug")

    assert "chat: attempt 1: POST http://127.0.0.1:" in done.stderr
    assert "chat: stream closed after" in done.stderr and "events, first after" in done.stderr
    assert not any(key in done.stderr for key in _keys(done))


def test_without_the_switch_nothing_is_configured_or_printed() -> None:
    done = _run(None)

    assert done.stderr == ""
    assert "handlers: 0" in done.stdout


def test_keys_stay_out_even_with_httpx_own_debug_logging_on() -> None:
    done = _run("debug", mode="httpx-debug")

    assert "httpx" in done.stderr or "httpcore" in done.stderr  # their logs are on
    assert not any(key in done.stderr for key in _keys(done))


def test_set_log_level_checks_its_argument_and_can_be_undone() -> None:
    with pytest.raises(meshkit.ConfigurationError, match="log level must be one of"):
        meshkit.set_log_level("verbose")  # type: ignore[arg-type]
    meshkit.set_log_level("info")
    try:
        assert logging.getLogger("meshkit").level == logging.INFO and logging.getLogger("meshkit").handlers
    finally:
        meshkit.set_log_level(None)
    assert not logging.getLogger("meshkit").handlers


# --- hooks -------------------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.records: list[object] = []

    def hooks(self) -> Hooks:
        return Hooks(
            on_request=self.records.append,
            on_response=self.records.append,
            on_retry=self.records.append,
            on_stream_event=self.records.append,
        )

    def of(self, kind: type) -> list[object]:
        return [record for record in self.records if isinstance(record, kind)]


def test_hooks_see_attempts_retries_answers_and_stream_events(meshkit_dev_server: DevServer) -> None:
    dev, recorder = meshkit_dev_server, Recorder()
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    with _formation(dev, hooks=recorder.hooks()) as formation:
        formation.chat("Hello!")
        with formation.chat_stream("Tell me a story") as stream:
            events = list(stream)

    requests, retries = recorder.of(RequestInfo), recorder.of(RetryInfo)
    answers, streamed = recorder.of(ResponseInfo), recorder.of(StreamEventInfo)
    assert [(r.operation, r.attempt) for r in requests] == [("chat", 1), ("chat", 2), ("chat", 1)]  # type: ignore[attr-defined]
    assert [(r.attempt, r.reason) for r in retries] == [(1, "HTTP 503")]  # type: ignore[attr-defined]
    blocking, opened = answers
    assert isinstance(blocking, ResponseInfo) and isinstance(opened, ResponseInfo)
    assert (blocking.status_code, blocking.attempts, blocking.error) == (200, 2, None)
    assert blocking.request_id is not None and blocking.request_id.startswith("req_")
    assert "?" not in blocking.url and dev.config.client_key not in repr(recorder.records)
    assert [record.index for record in streamed] == list(range(1, len(events) + 1))  # type: ignore[attr-defined]


def test_an_error_answer_reaches_on_response_with_its_type(meshkit_dev_server: DevServer) -> None:
    recorder = Recorder()
    with _formation(meshkit_dev_server, hooks=recorder.hooks()) as formation, pytest.raises(meshkit.NotFoundError):
        formation.get_agent("nobody")

    (answer,) = recorder.of(ResponseInfo)
    assert isinstance(answer, ResponseInfo)
    assert (answer.status_code, answer.error) == (404, "NotFoundError") and answer.request_id


def test_a_hook_that_raises_is_logged_and_the_call_goes_on(
    meshkit_dev_server: DevServer, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(info: ResponseInfo) -> None:
        raise RuntimeError("a bug in the listener")

    with _formation(meshkit_dev_server, hooks=Hooks(on_response=broken)) as formation, caplog.at_level(logging.ERROR):
        assert formation.chat("Hello!").text == "You said: Hello!"
    assert "a hook raised" in caplog.text and "a bug in the listener" in caplog.text


def test_hooks_must_be_callables() -> None:
    with pytest.raises(meshkit.ConfigurationError, match="must be callable"):
        Hooks(on_request="print")  # type: ignore[arg-type]
    with pytest.raises(meshkit.ConfigurationError, match=r"must be a meshkit\.Hooks"):
        Formation(url="http://127.0.0.1:9", client_key="fmc_x", hooks={"on_request": print})  # type: ignore[arg-type]


async def test_async_hooks_see_the_same(meshkit_dev_server: DevServer) -> None:
    dev, recorder = meshkit_dev_server, Recorder()
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key, hooks=recorder.hooks()) as f:
        await f.chat("Hello!")
        async for _ in f.chat_stream("Tell me a story"):
            pass

    assert [type(r).__name__ for r in recorder.records[:3]] == ["RequestInfo", "ResponseInfo", "RequestInfo"]
    assert recorder.of(StreamEventInfo) and len(recorder.of(ResponseInfo)) == 2


# --- OpenTelemetry -----------------------------------------------------------------------------------


@pytest.fixture
def otel() -> Iterator[tuple[InMemorySpanExporter, InMemoryMetricReader]]:
    """An SDK tracer and meter provider with in-memory export, for meshkit's tracer only."""
    exporter, reader = InMemorySpanExporter(), InMemoryMetricReader()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    meters = MeterProvider(metric_readers=[reader])
    _otel.tracer.cache_clear()
    # As trace.set_tracer_provider would (it can be called once per process), for this test only.
    original = (trace.get_tracer, trace.get_tracer_provider, metrics.get_meter)
    trace.get_tracer = lambda name, *args, tracer_provider=None, **kwargs: provider.get_tracer(name, *args, **kwargs)
    trace.get_tracer_provider = lambda: provider
    metrics.get_meter = lambda name, version="", meter_provider=None, *args, **kwargs: meters.get_meter(
        name, version, *args, **kwargs
    )
    try:
        yield exporter, reader
    finally:
        trace.get_tracer, trace.get_tracer_provider, metrics.get_meter = original
        _otel.tracer.cache_clear()


def _metric_points(reader: InMemoryMetricReader) -> dict[str, list[object]]:
    data = reader.get_metrics_data()
    points: dict[str, list[object]] = {}
    for resource in data.resource_metrics if data else []:
        for scope in resource.scope_metrics:
            for metric in scope.metrics:
                points.setdefault(metric.name, []).extend(metric.data.data_points)
    return points


def test_each_call_is_a_span_with_http_attributes_and_metrics(
    meshkit_dev_server: DevServer, otel: tuple[InMemorySpanExporter, InMemoryMetricReader]
) -> None:
    exporter, reader = otel
    dev, seen = meshkit_dev_server, list[httpx.Request]()
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with http, _formation(dev, http_client=http) as formation:
        formation.chat("Hello!")
        with formation.chat_stream("Tell me a story") as stream:
            events = list(stream)
        with pytest.raises(meshkit.NotFoundError):
            formation.get_agent("nobody")

    chat, streamed, missing = exporter.get_finished_spans()
    assert chat.name == "chat" and chat.kind == trace.SpanKind.CLIENT
    attributes = dict(chat.attributes or {})
    assert attributes["http.request.method"] == "POST" and attributes["url.template"] == "/v1/chat"
    assert attributes["server.address"] == "127.0.0.1" and attributes["http.response.status_code"] == 200
    assert attributes["meshkit.attempts"] == 2 and str(attributes["meshkit.request_id"]).startswith("req_")
    assert [event.name for event in chat.events] == ["retry"]
    stream_attributes = dict(streamed.attributes or {})
    assert stream_attributes["meshkit.stream.events"] == len(events)
    assert float(stream_attributes["meshkit.stream.time_to_first_event"]) > 0  # type: ignore[arg-type]
    assert missing.status.status_code == trace.StatusCode.ERROR
    assert dict(missing.attributes or {})["error.type"] == "NotFoundError"
    # W3C trace context went out on each request, naming the span of its call.
    assert seen[0].headers["traceparent"].split("-")[1] == format(chat.context.trace_id, "032x")
    assert all("traceparent" in request.headers for request in seen)
    for span in (chat, streamed, missing):
        assert dev.config.client_key not in repr(span.to_json()) and dev.config.admin_key not in span.to_json()
    points = _metric_points(reader)
    assert sum(point.count for point in points["meshkit.client.duration"]) == 3  # type: ignore[attr-defined]
    assert sum(point.value for point in points["meshkit.client.retries"]) == 1  # type: ignore[attr-defined]
    (error,) = points["meshkit.client.errors"]
    assert error.attributes["error.type"] == "NotFoundError"  # type: ignore[attr-defined]


async def test_async_calls_and_streams_are_spans_too(
    meshkit_dev_server: DevServer, otel: tuple[InMemorySpanExporter, InMemoryMetricReader]
) -> None:
    exporter, _ = otel
    dev = meshkit_dev_server
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        await formation.chat("Hello!")
        async with formation.chat_stream("Tell me a story") as stream:
            async for _ in stream:
                break  # leaving the block early closes the stream, and ends its span

    chat, streamed = exporter.get_finished_spans()
    assert chat.name == streamed.name == "chat"
    assert dict(streamed.attributes or {})["meshkit.stream.events"] == 1


@pytest.fixture
def quiet_logger() -> Iterator[None]:
    """The meshkit logger above INFO, whatever an earlier test or pytest's log_level left."""
    logger = logging.getLogger("meshkit")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield
    logger.setLevel(level)


def test_with_the_extra_but_no_tracer_provider_a_call_makes_no_trace(
    meshkit_dev_server: DevServer, quiet_logger: None
) -> None:
    _otel.tracer.cache_clear()
    with _formation(meshkit_dev_server) as formation:
        telemetry = formation._wire.telemetry
        assert telemetry is not None and telemetry.tracer is not None  # the API is installed here
        assert telemetry.start("list_agents", httpx.Request("GET", "http://127.0.0.1/v1/agents"), stream=False) is None


def test_without_listeners_a_call_makes_no_trace(
    meshkit_dev_server: DevServer, monkeypatch: pytest.MonkeyPatch, quiet_logger: None
) -> None:
    """Without the otel extra, hooks or logging, nothing is allocated per call."""
    monkeypatch.setitem(sys.modules, "opentelemetry", None)  # as if the extra were not installed
    _otel.tracer.cache_clear()
    try:
        with _formation(meshkit_dev_server) as formation:
            telemetry = formation._wire.telemetry
            assert telemetry is not None and telemetry.tracer is None
            request = httpx.Request("GET", "http://127.0.0.1/v1/agents")
            assert telemetry.start("list_agents", request, stream=False) is None
            assert "meshkit.trace" not in request.extensions
            sent = formation.with_raw_response(formation.list_agents).http_response.request
            assert "meshkit.trace" not in sent.extensions
    finally:
        _otel.tracer.cache_clear()


def test_with_the_httpx_instrumentation_each_attempt_is_a_child_span(
    meshkit_dev_server: DevServer, otel: tuple[InMemorySpanExporter, InMemoryMetricReader]
) -> None:
    instrumentation = pytest.importorskip("opentelemetry.instrumentation.httpx")
    exporter, _ = otel
    dev, seen = meshkit_dev_server, list[httpx.Request]()
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    http = httpx.Client(event_hooks={"request": [seen.append]})
    provider = trace.get_tracer_provider()
    instrumentation.HTTPXClientInstrumentor().instrument_client(http, tracer_provider=provider)
    try:
        with _formation(dev, http_client=http) as formation:
            formation.chat("Hello!")
    finally:
        instrumentation.HTTPXClientInstrumentor().uninstrument_client(http)
        http.close()

    spans = exporter.get_finished_spans()
    (call,) = [span for span in spans if span.name == "chat"]
    attempts = [span for span in spans if span is not call]
    assert len(attempts) == 2  # the 503, then the answer
    assert all(span.parent is not None and span.parent.span_id == call.context.span_id for span in attempts)


# --- what the review of this change found ------------------------------------------------------------


def test_a_stream_left_early_is_not_a_failure(
    meshkit_dev_server: DevServer, otel: tuple[InMemorySpanExporter, InMemoryMetricReader]
) -> None:
    exporter, reader = otel
    with _formation(meshkit_dev_server) as formation:
        for _ in formation.chat_stream("Tell me a story"):
            break  # the blocking stream closes at once

    (span,) = exporter.get_finished_spans()
    assert span.status.status_code != trace.StatusCode.ERROR and "error.type" not in (span.attributes or {})
    assert "meshkit.client.errors" not in _metric_points(reader)


def test_a_download_ends_its_span(
    meshkit_fresh_dev_server: DevServer, otel: tuple[InMemorySpanExporter, InMemoryMetricReader], tmp_path: object
) -> None:
    from pathlib import Path

    exporter, _ = otel
    dev = meshkit_fresh_dev_server
    hello_bot = Path(__file__).resolve().parents[2] / "examples" / "formations" / "hello-bot"
    with meshkit.ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        server.deploy(hello_bot)
        server.download("hello-bot", Path(str(tmp_path)) / "hello-bot.zip")

    names = [span.name for span in exporter.get_finished_spans()]
    assert names == ["deploy_formation", "download_formation"]


def test_an_id_with_a_newline_keeps_its_error_and_its_log_line(
    meshkit_dev_server: DevServer, caplog: pytest.LogCaptureFixture
) -> None:
    formation = _formation(meshkit_dev_server)
    with formation, caplog.at_level(logging.DEBUG, logger="meshkit"), pytest.raises(meshkit.NotFoundError):
        formation.get_agent("nobody\n2026-12-07 INFO meshkit: forged")

    lines = [record.getMessage() for record in caplog.records if record.name == "meshkit"]
    assert lines and all("\n" not in line for line in lines)
    assert any("/agents/nobody%0A" in line and "404 NotFoundError" in line for line in lines)


def test_hooks_must_not_be_coroutines() -> None:
    async def on_response(info: ResponseInfo) -> None:
        return None

    with pytest.raises(meshkit.ConfigurationError, match="would never be awaited"):
        Hooks(on_response=on_response)


def test_a_chats_request_id_is_the_envelopes_like_every_other(meshkit_dev_server: DevServer) -> None:
    recorder = Recorder()
    with _formation(meshkit_dev_server, hooks=recorder.hooks()) as formation:
        raw = formation.with_raw_response(formation.chat, "Hello!")

    (answer,) = recorder.of(ResponseInfo)
    assert isinstance(answer, ResponseInfo)
    assert answer.request_id == raw.http_response.json()["request"]["id"]


def test_meshkit_log_leaves_an_applications_own_logging_alone() -> None:
    import os

    script = textwrap.dedent(
        """
        import logging, sys
        handler = logging.StreamHandler(sys.stdout)
        logging.getLogger("meshkit").addHandler(handler)
        logging.getLogger("meshkit").setLevel(logging.WARNING)
        from meshkit import Formation
        from meshkit.devserver import DevServer
        with DevServer() as dev:
            with Formation(url=dev.formation_url, client_key=dev.config.client_key) as f:
                f.chat("Hello!")
        print("handlers:", len(logging.getLogger("meshkit").handlers), logging.getLogger("meshkit").level)
        """
    )
    env = {**os.environ, "MESHKIT_LOG": "debug"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)

    assert done.returncode == 0, done.stderr
    assert "handlers: 1 30" in done.stdout and "chat POST" not in done.stdout + done.stderr

"""Per-call options, the same on every façade method and every ``ops`` method.

``extra_headers``, ``extra_query``, ``extra_body`` and ``timeout`` reach what a method does not name
(a header a proxy needs, a query flag or body field the runtime added last week, one slow call)
without leaving the typed API. They are checked here, in one place, before anything is sent.

A façade method takes them as ``**options: Unpack[RequestOptions]``: mypy checks the names, and
:func:`checked_keywords` (installed on every public method by ``ClientBase``) turns any other
keyword into a ``TypeError`` naming the method, with a "did you mean" hint where one is close.
"""

from __future__ import annotations

import asyncio
import copy
import difflib
import functools
import inspect
import re
from collections.abc import Callable, Mapping
from typing import Any, TypedDict, TypeVar

from .auth import CREDENTIAL_HEADERS
from .config import HEADER_VALUE, TimeoutArg, make_timeout
from .errors import ConfigurationError
from .plan import Plan

F = TypeVar("F", bound=Callable[..., Any])
P = TypeVar("P", bound=Plan[Any])


class RequestOptions(TypedDict, total=False):
    """What any call may add: ``formation.get_agent("researcher", timeout=5, extra_headers={...})``.

    - ``extra_headers``: headers sent with this call (over the client's ``default_headers``);
    - ``extra_query``: query parameters added to the URL;
    - ``extra_body``: fields merged into the JSON body (over the method's own);
    - ``timeout``: seconds (or a ``Timeout``) for this call instead of the client's.
    """

    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, str | int | float | bool]
    extra_body: Mapping[str, object]
    timeout: TimeoutArg


OPTION_NAMES: frozenset[str] = frozenset(RequestOptions.__optional_keys__)


def apply_options(plan: P, options: Mapping[str, Any]) -> P:
    """A copy of ``plan`` with the call's options on it (checked: a wrong type is a
    ConfigurationError); ``plan`` itself when there are none (façades keep shared plans)."""
    if not options:
        return plan
    plan = copy.copy(plan)
    where = plan.operation_id
    unknown = options.keys() - OPTION_NAMES
    if unknown:
        raise unexpected_keyword(where, sorted(unknown)[0], OPTION_NAMES)
    headers = options.get("extra_headers")
    if headers is not None:
        plan.headers = {**(plan.headers or {}), **checked_headers(f"{where}: extra_headers", headers)}
    query = options.get("extra_query")
    if query is not None:
        plan.query = {**(plan.query or {}), **_query(where, query)}
    body = options.get("extra_body")
    if body is not None:
        plan.extra_body = {**(plan.extra_body or {}), **checked_extra_body(where, body)}
    timeout = options.get("timeout")
    if timeout is not None:
        plan.timeout = make_timeout(timeout)
    return plan


def checked_extra_body(where: str, value: object) -> dict[str, object]:
    """``extra_body`` as JSON object fields (str keys), or a ConfigurationError naming the call."""
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise ConfigurationError(f"{where}: extra_body must be a mapping of field names to values")
    return dict(value)


# An HTTP header name (RFC 9110 token).
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+\Z")
_CREDENTIALS = frozenset(name.lower() for name in CREDENTIAL_HEADERS)
# Headers a call sets from its own arguments: one spelling each, or two values would go out.
_SET_BY_ARGUMENT = {"x-muxi-user-id": "user_id=", "x-muxi-idempotency-key": "idempotency_key="}
# The spellings meshkit's own headers use, so that the caller's replace them instead of going out
# as a second header of another case ("user-agent" and "User-Agent").
_OWN_HEADERS = (
    *("Accept", "Accept-Encoding", "Content-Type", "User-Agent"),
    *("X-Muxi-SDK", "X-Muxi-Client", "X-Muxi-App", "X-Formation-ID", "X-Formation-Version"),
)
_SPELLINGS = {name.lower(): name for name in _OWN_HEADERS}


def _spelling(name: str) -> str:
    """One spelling per header name: meshkit's own for its headers, else ``X-Trace-Id`` case."""
    return _SPELLINGS.get(name.lower()) or "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


def checked_headers(what: str, value: object) -> dict[str, str]:
    """``extra_headers`` / ``default_headers`` as headers httpx can send: str names (tokens) to
    visible-ASCII values. Keys go through the client's key arguments, never through these, so that
    they are chosen per route and masked wherever a request is shown: a credential header is refused.
    """
    if not isinstance(value, Mapping):
        raise ConfigurationError(f"{what} must be a mapping of header names to values")
    headers: dict[str, str] = {}
    for name, text in value.items():
        if not isinstance(name, str) or not isinstance(text, str):
            raise ConfigurationError(f"{what} must map str to str")
        if not _HEADER_NAME.match(name):
            raise ConfigurationError(f"{what}: {name!r} is not a valid header name")
        if not HEADER_VALUE.match(text):
            raise ConfigurationError(f"{what}: the value of {name} must be visible ASCII characters")
        if name.lower() in _CREDENTIALS:
            raise ConfigurationError(
                f"{what}: {name} carries a key; pass it to the client (client_key=, admin_key=, api_key=…)"
            )
        if name.lower() in _SET_BY_ARGUMENT:
            raise ConfigurationError(f"{what}: {name} is set by the call's {_SET_BY_ARGUMENT[name.lower()]} argument")
        headers[_spelling(name)] = text
    return headers


def _query(where: str, value: Any) -> dict[str, str | int | float | bool]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str | int | float | bool) for k, v in value.items()
    ):
        raise ConfigurationError(f"{where}: extra_query must map str to str, int, float or bool")
    return dict(value)


def default_headers_setting(value: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """A client's ``default_headers=``, checked once, as its settings keep them."""
    return tuple(checked_headers("default_headers", value).items()) if value is not None else ()


def unexpected_keyword(function: str, keyword: str, known: frozenset[str] | set[str]) -> TypeError:
    """Python's own message for a wrong keyword, with a hint when a known name is close."""
    text = f"{function}() got an unexpected keyword argument {keyword!r}"
    close = difflib.get_close_matches(keyword, sorted(known), n=1)
    if close:
        text += f". Did you mean {close[0]!r}?"
    return TypeError(text)


def check_keywords_of(cls: type) -> None:
    """Install :func:`checked_keywords` on every public method ``cls`` defines with ``**options``."""
    for name, value in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(value):
            setattr(cls, name, checked_keywords(value))


def checked_keywords(function: F) -> F:
    """``function`` (a public method with ``**options``) refusing keywords that are neither its own
    parameters nor a :class:`RequestOptions` name: a typo is a ``TypeError``, never a silent option."""
    signature = inspect.signature(function)
    own = {
        name
        for name, parameter in signature.parameters.items()
        if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY)
    }
    if not any(p.kind is p.VAR_KEYWORD and name == "options" for name, p in signature.parameters.items()):
        return function
    known = own | OPTION_NAMES
    known_frozen = frozenset(known)
    name = function.__name__

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for keyword in kwargs:
            if keyword not in known_frozen:
                raise unexpected_keyword(name, keyword, known)
        return function(*args, **kwargs)

    if inspect.iscoroutinefunction(function):
        # Still a coroutine function to inspect (3.12+) and asyncio (mock.create_autospec's AsyncMock).
        if hasattr(inspect, "markcoroutinefunction"):
            inspect.markcoroutinefunction(wrapper)
        else:  # Python 3.11: asyncio's own marker
            wrapper._is_coroutine = asyncio.coroutines._is_coroutine  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


__all__ = [
    "OPTION_NAMES",
    "RequestOptions",
    "apply_options",
    "check_keywords_of",
    "checked_headers",
    "checked_keywords",
    "default_headers_setting",
    "unexpected_keyword",
]

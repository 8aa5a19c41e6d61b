"""``JSON``: the type of a decoded JSON value, for what meshkit passes on as the server sent it
(a stream event's payload, an error's body, a free-form field). Narrow it with ``isinstance``."""

from __future__ import annotations

from typing import TypeAlias

JSON: TypeAlias = bool | int | float | str | list["JSON"] | dict[str, "JSON"] | None

__all__ = ["JSON"]

"""The typed models of the three APIs, generated from ``openapi/mesh.yaml``.

``ops`` methods return them and accept them as ``body=``. Every model has ``to_dict()``,
``to_json()`` and ``from_dict()``; an optional field that is absent reads ``None``; a model that
answered a call carries the envelope's ``meta`` (``request_id``, ``idempotency_key``,
``timestamp``), apart from its fields.

>>> from meshkit.models import MemoryCreate
>>> memory = MemoryCreate(type_="preference", detail="likes tea")
>>> memory
MemoryCreate(type_='preference', detail='likes tea')
>>> memory.to_json()
'{"type": "preference", "detail": "likes tea"}'
>>> memory.scope is None
True
"""

from ._core.model_base import Model, ResponseMeta
from ._generated.models import *  # noqa: F403  (the generated package names its own __all__)
from ._generated.models import __all__ as _generated_names

__all__ = ["Model", "ResponseMeta", *_generated_names]

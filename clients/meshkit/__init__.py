"""meshkit: one Python SDK for the agent mesh.

It talks to three HTTP APIs, all described by one OpenAPI document (``openapi/mesh.yaml``):
the AiMesh broker, a MUXI formation and the MUXI Server. The typed models and request builders
are generated from that document into ``meshkit._generated``; the façades are built on top.

``import meshkit`` stays cheap: nothing heavy (httpx, the generated models) is imported here.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("meshkit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]

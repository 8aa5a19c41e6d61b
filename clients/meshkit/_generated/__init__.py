"""Generated from openapi/mesh.yaml by `make generate`. Do not edit: change the spec or generator/.

``api/<tag>/<operation>.py`` build each operation's request (``request_kwargs``), ``models/`` holds
the typed attrs models, ``operations.py`` lists every operation with the metadata meshkit's core needs. Nothing here
sends a request: meshkit's façades own the transport (auth, retries, errors, streaming).
"""

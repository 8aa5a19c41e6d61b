"""meshkit's core: the wire rules every façade shares, each in one module.

config (base URLs, keys, timeouts, env vars) · auth (httpx.Auth classes) · retry (one tenacity
policy) · errors (the hierarchy and status/body mapping) · envelope (unwrapping) · sse (the
incremental decoder) · transport (the sync and async send loops) · streams (Stream/AsyncStream).
Nothing here imports a façade.
"""

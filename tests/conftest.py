# MESHKIT_TEST_HTTPX2=1 (nox -s tests_httpx2): the whole suite on httpx2, `import httpx` resolved to it
# process-wide. It must run before anything imports httpx, so it stays at the very top of this file.
import os

if os.environ.get("MESHKIT_TEST_HTTPX2") == "1":
    import httpx2

    httpx2.alias_httpx()  # raises if httpx was imported already: the run would not be on httpx2

pytest_plugins = ["meshkit.testing"]

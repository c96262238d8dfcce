"""A Redis database per test process for the modules that empty one (``flushdb``).

``make test`` runs the suite in two pytest-xdist processes, and tests of one module may land in
both. Process ``gwN`` takes database ``first + 3 * N``: 9 and 11 for the first process, 12 and
14 for the second, never the benchmark's 7."""

import os

STRIDE = 3


def url(first: int) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    database = first + STRIDE * int(worker.removeprefix("gw") or 0)
    if database > 15:
        raise RuntimeError(
            f"Redis has databases 0-15; test process {worker} would need {database}: use TEST_WORKERS=2 or fewer"
        )
    return f"redis://127.0.0.1:6379/{database}"

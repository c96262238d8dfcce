"""gunicorn hooks for every app server (``gunicorn -c python:bounce.gunicorn_conf ...``).

Worker counts, threads and the address stay on the command line (docs/deploy.md); this file
only holds what a command line cannot say.
"""

import gc


def post_worker_init(worker):
    """Django, Wagtail and the project are loaded: move those objects out of the collector's
    sight (``gc.freeze``). A full collection holds every thread of the worker while it scans all
    tracked objects; with the start-up heap frozen it scans only what requests made since. In
    process, 500 xAPI posts saw one full collection of about 100 ms before (0.25 ms per post
    spent collecting) and 0.02-0.04 ms per post after."""
    gc.freeze()

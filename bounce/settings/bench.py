"""Settings for ``make bench`` (scripts/bench_http.py): production, with static files from the
finders (no collectstatic step) and the H5P post limits raised, because the benchmark measures
how many statements the servers store, not the limiter that protects them."""

from .production import *  # noqa: F403
from .production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
H5P_RATE_LIMIT_LEARNER = (10**9, 60)
H5P_RATE_LIMIT_ADDRESS = (10**9, 60)

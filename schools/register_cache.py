"""The teacher's rendered register panel per lesson, kept under a register version.

Every class lesson a teacher opens shows "Les gegeven registreren" with their groepen for that
lesson and when each last had it (``quick_log.groepen_for_lesson``). Its query and its rendering
were the largest cost of a signed-in lesson page, and the answer only changes when a groep, its
teachers, its school or a delivery changes. ``SchoolsConfig.ready`` connects
``REGISTER_VERSION.bump`` to exactly those writes (saves, deletes, cascades and the teachers'
many-to-many), so a lesson logged shows as "al gegeven" on the very next request, on every app
server. The school year is part of the key, so the panel turns over with the year without a write.

The panel holds forms, so it is kept with a stand-in mark for its CSRF token
(``home.csrf_fragments``), under the register and content versions, the language and the path
its forms come back to.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation

from home import csrf_fragments
from home.chrome_cache import content_version
from home.data_version import DataVersion

from . import schoolyear

REGISTER_VERSION = DataVersion("schools:register-version")
TIMEOUT = 10 * 60  # a backstop for writes that send no signal (raw SQL, bulk_create)


def panel_html(request, lesson, render) -> str:
    """The teacher's rendered panel for ``lesson``: ``render(csrf_token)`` kept under the
    versions (see the module docstring); rendered afresh while there is no cache."""
    version = REGISTER_VERSION.current()
    if version is None:
        return render(None)
    path = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogatepass")).hexdigest()[:24]
    key = (f"schools:register-panel:{version}:{content_version()}:{schoolyear.current_school_year()}:"
           f"{request.user.pk}:{lesson.pk}:{translation.get_language()}:{path}")
    return csrf_fragments.cached(request, cache, key, render, TIMEOUT)

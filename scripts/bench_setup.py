"""Run by scripts/bench_http.py inside ``manage.py shell``: a teacher session and the URLs to load.

Prints one JSON object. Never used by the site itself."""

import json
import secrets

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group

from h5p.models import H5PStatement
from home.sessions import SessionStore
from lessons.models import ClassLessonPage, CourseModulePage, HomeModulePage

teacher = Group.objects.get(name=settings.TEACHERS_GROUP).user_set.filter(is_active=True).order_by("pk").first()
session = SessionStore()
session[SESSION_KEY] = str(teacher.pk)
session[BACKEND_SESSION_KEY] = "accounts.backends.UserBackend"
session[HASH_SESSION_KEY] = teacher.get_session_auth_hash()
session.create()
module = next(m for m in HomeModulePage.objects.live().order_by("path") if "h5p" in {b.block_type for s in m.steps for b in s.value["content"]})
activity = next(b.value["activity"] for s in module.steps for b in s.value["content"] if b.block_type == "h5p")
lesson = ClassLessonPage.objects.live().order_by("path").first()
course = CourseModulePage.objects.live().order_by("path").first()
print(json.dumps({
    "session": session.session_key, "csrf": secrets.token_hex(16), "module": module.url, "lesson": lesson.url,
    "present": lesson.url + lesson.reverse_subpage("present"), "course": course.url,
    "xapi": f"/h5p/xapi/{activity.slug}/", "activity_object": f"http://127.0.0.1/h5p/activiteit/{activity.slug}/",
    "statements": H5PStatement.objects.count(),
}))

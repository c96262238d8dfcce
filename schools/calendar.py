"""A teacher's planned lessons as an iCalendar feed behind a secret, rotatable address.

Calendar apps (Outlook, Google, Apple) fetch the feed without logging in, so the address itself
is the key: ``/agenda/<feed id>/<token>.ics`` where the token is an HMAC (Django's SECRET_KEY) of
a random secret stored per teacher. A wrong or old token answers 404, like an unknown feed, and
the feed holds only what the teacher's own calendar needs: lesson, groep, school, date.
"""

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from . import audit
from .models import CalendarFeed, PlannedLessonDate

HMAC_SALT = "schools.calendar.feed"
FEED_LOG_ACTION = audit.CALENDAR_ROTATED


def token_for(feed: CalendarFeed) -> str:
    return salted_hmac(HMAC_SALT, f"{feed.pk}:{feed.secret}", algorithm="sha256").hexdigest()


def feed_path(feed: CalendarFeed) -> str:
    return reverse("schools:calendar_feed", kwargs={"pk": feed.pk, "token": token_for(feed)})


def feed_for_token(pk: int, token: str) -> CalendarFeed | None:
    """The active teacher's feed when ``token`` matches; ``None`` for anything else."""
    feed = CalendarFeed.objects.select_related("user").filter(pk=pk, user__is_active=True).first()
    if feed is None or not constant_time_compare(token_for(feed), token or ""):
        return None
    return feed


@transaction.atomic
def rotate(user) -> CalendarFeed:
    """Create the teacher's feed, or give it a new secret: every earlier address stops working."""
    from wagtail.log_actions import log

    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user, defaults={"secret": secrets.token_urlsafe(32)})
    if not created:
        feed.secret = secrets.token_urlsafe(32)
        feed.created_at = timezone.now()
        feed.save(update_fields=["secret", "created_at"])
    log(user, FEED_LOG_ACTION, user=user)
    return feed


def planned_lessons_of(user):
    """The planned lessons of the teacher's groepen (live lessons), oldest first, in one query."""
    return (
        PlannedLessonDate.objects.filter(groep__teachers=user, lesson__live=True)
        .select_related("groep__school", "lesson")
        .only("pk", "planned_date", "groep__name", "groep__school__name", "lesson__title", "lesson__number", "lesson__duration_minutes")
        .order_by("planned_date", "pk")
    )


def build_ics(user, site_url: str) -> bytes:
    """The feed as iCalendar (RFC 5545): one all-day event per planned lesson."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//BOUNCE online//Planning//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("BOUNCE: geplande lessen"))
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    stamp = timezone.now()
    host = site_url.split("//", 1)[-1].split("/", 1)[0] or "bounce"
    for planned in planned_lessons_of(user):
        event = Event()
        event.add("uid", f"planned-lesson-{planned.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", planned.planned_date)
        event.add("summary", _("Les %(number)s: %(title)s (%(groep)s)") % {
            "number": planned.lesson.number, "title": planned.lesson.title, "groep": planned.groep.name})
        event.add("description", _("%(groep)s, %(school)s. Duur: %(minutes)s minuten.") % {
            "groep": planned.groep.name, "school": planned.groep.school.name, "minutes": planned.lesson.duration_minutes})
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()

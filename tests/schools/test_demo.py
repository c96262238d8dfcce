"""The demo rollout loads on top of the lessons demo and prints the carer codes."""

from io import StringIO

import pytest
from django.core.management import call_command

from schools import schoolyear
from schools.models import Groep, LessonDelivery, School


@pytest.mark.django_db
def test_demo_has_a_pilot_school_pipeline_and_interest_and_prints_codes():
    out = StringIO()
    call_command("load_demo", stdout=out)
    pilot = School.objects.get(status="actief")
    # This school year's groepen (the feedback demo adds last year's groepen too).
    this_year = pilot.groepen.filter(school_year=schoolyear.current_school_year())
    assert [g.name for g in this_year.order_by("name")] == ["Groep 7/8B", "Groep 7A"]
    assert set(Groep.objects.filter(school=pilot).values_list("teachers__email", flat=True)) == {"leerkracht.a@bounce.example"}
    teacher_b_school = School.objects.get(groepen__teachers__email="leerkracht.b@bounce.example")
    assert teacher_b_school != pilot
    assert LessonDelivery.objects.filter(groep__school=pilot).count() >= 4
    assert School.objects.filter(status="interesse").count() == 1
    assert School.objects.exclude(status__in=["actief", "interesse"]).count() == 4  # teacher B's school + three more
    assert pilot.status_changes.count() == 3
    text = out.getvalue()
    for groep in Groep.objects.filter(school_year=schoolyear.current_school_year()):  # this year's codes
        assert groep.carer_code_display in text
    assert "Voorbeeldinhoud" in School.objects.get(status="interesse").registration_message

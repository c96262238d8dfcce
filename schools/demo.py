"""Demo rollout (Voorbeeldinhoud): a pilot school with two groepen, a second school for teacher B,
three schools further down the pipeline and one registered interest. Runs after the lessons demo."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from lessons.models import ClassLessonPage, ProgrammeIndexPage, ProgrammeType

from . import schoolyear, selectors, services
from .models import Groep, ImplementationPlan, School, SchoolStatus

SAMPLE = "Voorbeeldinhoud."
PILOT = dict(
    name="Basisschool De Regenboog (voorbeeld)", brin="12AB", vestigingsnummer="00", municipality="Eindhoven", wijk="Woensel-Noord",
    street_address="Voorbeeldstraat 1", postcode="5600 AA", contact_name="Mieke de Vries", contact_email="directie@regenboog.example",
    contact_role="directeur",
)
SECOND = dict(
    name="OBS Het Kompas (voorbeeld)", brin="34CD", vestigingsnummer="00", municipality="Eindhoven", wijk="Strijp",
    contact_name="Ahmed Bouzid", contact_email="ib@kompas.example", contact_role="IB'er",
)
PIPELINE = [
    (SchoolStatus.INTAKE, dict(name="Basisschool De Vlinder (voorbeeld)", brin="56EF", municipality="Eindhoven", wijk="Tongelre",
                               contact_name="Sanne Peters", contact_email="directie@vlinder.example", contact_role="directeur")),
    (SchoolStatus.PAUSED, dict(name="Kindcentrum Zuiderlicht (voorbeeld)", brin="78GH", municipality="Eindhoven", wijk="Gestel",
                               contact_name="Joost Smits", contact_email="ib@zuiderlicht.example", contact_role="IB'er")),
    (SchoolStatus.FINISHED, dict(name="De Klimop (voorbeeld)", brin="90JK", municipality="Veldhoven", wijk="Centrum",
                                 contact_name="Fatma Yilmaz", contact_email="directie@klimop.example", contact_role="directeur")),
]

_codes: list[str] = []


def _day(year: int, weeks_ago: int):
    """A school day ``weeks_ago`` weeks back, never before the school year began."""
    first, _last = schoolyear.bounds(year)
    return max(first, timezone.localdate() - timedelta(weeks=weeks_ago))


def load(stdout):
    coordinator = User.objects.filter(email="coordinator@bounce.example").first()
    teacher_a = User.objects.get(email="leerkracht.a@bounce.example")
    teacher_b = User.objects.get(email="leerkracht.b@bounce.example")
    programme = ProgrammeIndexPage.objects.filter(programme_type=ProgrammeType.CLASS, locale__language_code="nl").first()
    year = schoolyear.current_school_year()

    pilot = School.objects.create(**PILOT, kickoff_date=schoolyear.bounds(year)[0] + timedelta(days=40),
                                  registration_message=SAMPLE)
    for status in (SchoolStatus.INTAKE, SchoolStatus.PLANNED, SchoolStatus.ACTIVE):
        services.set_status(pilot, status, coordinator)
    ImplementationPlan.objects.create(
        school=pilot, school_year=year, groepen="7A, 7/8B", responsible_ib="Mieke de Vries",
        planned_start=schoolyear.bounds(year)[0] + timedelta(days=45), planned_end=schoolyear.bounds(year)[1] - timedelta(days=30),
        notes=SAMPLE + " Afgesproken op de kick-off: één les per week, ouderavond in de tweede week.",
    )
    groep_a = Groep.objects.create(school=pilot, school_year=year, name="Groep 7A", year_levels=[7], pupil_count=26, programme=programme)
    groep_b = Groep.objects.create(school=pilot, school_year=year, name="Groep 7/8B", year_levels=[7, 8], pupil_count=24, programme=programme)
    groep_a.teachers.add(teacher_a)
    groep_b.teachers.add(teacher_a)

    second = School.objects.create(**SECOND, registration_message=SAMPLE)
    for status in (SchoolStatus.INTAKE, SchoolStatus.PLANNED):
        services.set_status(second, status, coordinator)
    groep_c = Groep.objects.create(school=second, school_year=year, name="Groep 8", year_levels=[8], pupil_count=28, programme=programme)
    groep_c.teachers.add(teacher_b)

    for status, fields in PIPELINE:
        school = School.objects.create(**fields, registration_message=SAMPLE)
        services.set_status(school, status, coordinator)
    services.register_interest(
        name="Basisschool De Sterrenwacht (voorbeeld)", brin="11XY", contact_name="Lotte Hendriks",
        contact_email="l.hendriks@sterrenwacht.example", contact_role="leerkracht groep 7",
        message=SAMPLE + " Wij willen graag volgend schooljaar meedoen met groep 7 en 8.",
    )

    if programme:
        lessons = list(ClassLessonPage.objects.live().descendant_of(programme).order_by("number")[:4])
        for weeks_ago, lesson in zip((6, 4, 2, 1), lessons, strict=False):
            services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher_a, date=_day(year, weeks_ago),
                                  pupils_present=24, adaptations="Voorbeeld: kortere kringronde." if lesson.number == 2 else "")
        for weeks_ago, lesson in zip((3, 1), lessons[:2], strict=False):
            services.log_delivery(groep=groep_b, lesson=lesson, teacher=teacher_a, date=_day(year, weeks_ago))
        modules = list(selectors.home_modules_for(groep_a)[:2])
        for index in range(3):  # three households started; the third finished both modules
            household = services.create_household(groep_a)
            for module in modules[: index + 1]:
                if index == 2:
                    services.complete_module(household, module)
                else:
                    services.start_module(household, module)
    _codes[:] = [f"  {g.school.name} – {g.name}: {g.carer_code_display}" for g in (groep_a, groep_b, groep_c)]


def summary():
    codes = _codes or [
        f"  {g.school.name} – {g.name}: {g.carer_code_display}" for g in Groep.objects.select_related("school").order_by("school__name", "name")
    ]
    return ["", "Codes voor ouders/verzorgers (voorbeeld; invullen op /ouders/):", *codes]

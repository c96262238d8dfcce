"""``manage.py generate_rollout_data --schools N --seed S``: believable synthetic rollout data.

For benchmarks and demonstrations of the dashboard at national scale (N=6000 is every primary
school in the Netherlands): about two groepen per school spread over three school years, a
teacher per groep (most trained, a minority delivering, as the pilots found), planned and
given lessons of the existing class programme, lesson feedback, anonymous carer households
with module progress and feedback, implementation plans, status history and year surveys.

Everything is written with ``bulk_create`` in one transaction: an error leaves nothing behind.
Synthetic rows are recognisable by the ``synthetisch.example`` e-mail domain and ``--replace``
removes an earlier synthetic set first. The programme itself comes from ``load_demo``.
"""

import datetime
import random
import secrets

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from feedback.models import LessonFeedback, ModuleFeedback, SchoolYearSurvey
from lessons.models import (
    ClassLessonPage,
    CourseModulePage,
    CourseProgress,
    HomeModulePage,
    ProgrammeIndexPage,
    ProgrammeType,
)
from rollout import cache as rollout_cache
from rollout import summary as rollout_summary
from schools import codes, schoolyear
from schools.models import (
    Groep,
    Household,
    HouseholdModuleProgress,
    ImplementationPlan,
    LessonDelivery,
    PlannedLessonDate,
    School,
    SchoolStatusChange,
)
from schools.register_cache import REGISTER_VERSION

DOMAIN = "synthetisch.example"
MAX_SCHOOLS = 20_000
BATCH = 2000
STATUS_WEIGHTS = {"interesse": 15, "intake": 10, "gepland": 15, "actief": 45, "afgerond": 10, "gepauzeerd": 5}
NAMES = ["De Regenboog", "Het Kompas", "De Wereldwijzer", "De Linde", "Het Palet", "De Springplank", "De Vlinder", "Het Anker",
         "De Klimop", "De Sterrenwacht", "Het Mozaïek", "De Ontdekking"]
MUNICIPALITIES = ["Eindhoven", "Groningen", "Amsterdam", "Utrecht", "Zwolle", "Tilburg", "Almere", "Maastricht"]


def aware(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class Command(BaseCommand):
    help = "Maakt synthetische uitroldata (scholen, groepen, lessen, feedback, huishoudens) voor benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=80, help="Aantal scholen (1 tot en met 20000).")
        parser.add_argument("--seed", type=int, default=1, help="Startgetal voor het toeval (zelfde getal, zelfde opbouw).")
        parser.add_argument("--replace", action="store_true", help="Verwijder eerst eerder gemaakte synthetische data.")

    def handle(self, *args, schools, seed, replace, **options):
        if not 1 <= schools <= MAX_SCHOOLS:
            raise CommandError(f"--schools moet tussen 1 en {MAX_SCHOOLS} liggen (gekregen: {schools}).")
        programme = self.programme()
        lessons = list(ClassLessonPage.objects.live().descendant_of(programme).order_by("number", "pk").only("pk", "number"))
        modules = list(HomeModulePage.objects.live().order_by("number", "pk").only("pk"))
        course = list(CourseModulePage.objects.live().only("pk"))
        if not lessons:
            raise CommandError("Het lesprogramma heeft geen gepubliceerde lessen.")
        started = timezone.now()
        with transaction.atomic():
            if replace:
                self.remove()
            elif School.objects.filter(contact_email__endswith="@" + DOMAIN).exists():
                raise CommandError("Er is al synthetische data; gebruik --replace om die eerst te verwijderen.")
            counts = Builder(random.Random(seed),  # noqa: S311 - reproducible synthetic data, not secrets
                              programme, lessons, modules, course).build(schools)
            rollout_summary.rebuild()  # bulk_create sends no signals: the per-groep summary from scratch
            transaction.on_commit(rollout_cache.bump)
            transaction.on_commit(REGISTER_VERSION.bump)  # the register panels too (schools.register_cache)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(", ".join(f"{value} {name}" for name, value in counts.items()) + f" in {seconds:.1f} s")

    def programme(self):
        programme = ProgrammeIndexPage.objects.live().filter(programme_type=ProgrammeType.CLASS).order_by("pk").first()
        if programme is None:
            call_command("load_demo", stdout=self.stdout)
            programme = ProgrammeIndexPage.objects.live().filter(programme_type=ProgrammeType.CLASS).order_by("pk").first()
        if programme is None:
            raise CommandError("Geen lesprogramma gevonden, ook niet na load_demo.")
        return programme

    def remove(self):
        School.objects.filter(contact_email__endswith="@" + DOMAIN).delete()
        User.objects.filter(email__endswith="@" + DOMAIN).exclude(email__startswith="bench-").delete()


class Builder:
    """Builds the rows in memory, then writes each table once."""

    def __init__(self, rng, programme, lessons, modules, course):
        self.rng, self.programme, self.lessons, self.modules, self.course = rng, programme, lessons, modules, course
        self.year = schoolyear.current_school_year()
        self.today = timezone.localdate()
        self.years = [self.year - 2, self.year - 1, self.year]

    def free_brins(self, n):
        taken = set(School.objects.values_list("brin", "vestigingsnummer"))
        found, index = [], 0
        while len(found) < n:
            brin = f"{index % 100:02d}{chr(65 + index // 100 % 26)}{chr(65 + index // 2600 % 26)}"
            location = (brin, f"{index // 67600:02d}")
            if location not in taken:
                found.append(location)
            index += 1
        return found

    def build(self, n):
        rng = self.rng
        statuses = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()), k=n)
        schools = School.objects.bulk_create([
            School(name=f"{rng.choice(NAMES)} {i + 1}", brin=brin, vestigingsnummer=location, municipality=rng.choice(MUNICIPALITIES),
                   wijk=f"Wijk {rng.randint(1, 12)}", contact_name="Contactpersoon", contact_email=f"school{i}@{DOMAIN}", status=status,
                   kickoff_date=(schoolyear.bounds(rng.choice(self.years))[0] + datetime.timedelta(days=rng.randint(20, 60))
                                 if status != "interesse" and rng.random() < 0.8 else None))
            for i, ((brin, location), status) in enumerate(zip(self.free_brins(n), statuses, strict=True))
        ], batch_size=BATCH)
        changes, plans, groepen = [], [], []
        for school in schools:
            first_year = rng.choice(self.years)
            changes.append(SchoolStatusChange(school=school, old_status="", new_status="interesse",
                                              changed_at=aware(schoolyear.bounds(first_year)[0] + datetime.timedelta(days=10))))
            if school.status != "interesse":
                changes.append(SchoolStatusChange(school=school, old_status="interesse", new_status=school.status,
                                                  changed_at=aware(min(self.today, schoolyear.bounds(first_year)[0] + datetime.timedelta(days=45)))))
            if school.status in ("interesse", "intake"):
                continue
            for year in range(first_year, self.year + 1):
                plans.append(ImplementationPlan(school=school, school_year=year, groepen="7, 8"))
                for g in range(rng.choice((1, 1, 2, 2))):
                    groepen.append(Groep(school=school, school_year=year, name=f"Groep {7 + g}", year_levels=[7 + g],
                                         pupil_count=rng.randint(18, 30), programme=self.programme, carer_code=codes.generate(codes.GROEP_CODE_LENGTH)))
        SchoolStatusChange.objects.bulk_create(changes, batch_size=BATCH)
        ImplementationPlan.objects.bulk_create(plans, batch_size=BATCH)
        groepen = Groep.objects.bulk_create(groepen, batch_size=BATCH)
        teachers = self.teachers(groepen)
        deliveries, planned = self.deliveries(groepen, teachers)
        households = self.carers(groepen)
        surveys = self.surveys(schools)
        return {"scholen": len(schools), "groepen": len(groepen), "leerkrachten": len(teachers), "gegeven lessen": deliveries,
                "geplande lessen": planned, "huishoudens": households, "jaarevaluaties": surveys}

    def teachers(self, groepen):
        password = make_password(None)
        users = User.objects.bulk_create([
            User(email=f"leerkracht{groep.pk}@{DOMAIN}", first_name="Leerkracht", last_name=str(groep.pk), password=password)
            for groep in groepen
        ], batch_size=BATCH)
        role = Group.objects.get(name=settings.TEACHERS_GROUP)
        User.groups.through.objects.bulk_create([User.groups.through(user=user, group=role) for user in users], batch_size=BATCH)
        Groep.teachers.through.objects.bulk_create(
            [Groep.teachers.through(groep=groep, user=user) for groep, user in zip(groepen, users, strict=True)], batch_size=BATCH)
        progress = []
        for user in users:
            done = self.course if self.rng.random() < 0.7 else self.course[: self.rng.randint(0, len(self.course))]
            progress.extend(CourseProgress(user=user, module=module) for module in done)
        CourseProgress.objects.bulk_create(progress, batch_size=BATCH)
        return dict(zip((groep.pk for groep in groepen), users, strict=True))

    def deliveries(self, groepen, teachers):
        rng, rows, planned = self.rng, [], []
        for groep in groepen:
            first, last = schoolyear.bounds(groep.school_year)
            last = min(last, self.today)
            start = first + datetime.timedelta(days=rng.randint(30, 70))
            if rng.random() < 0.5:
                planned.extend(PlannedLessonDate(groep=groep, lesson=lesson, planned_date=min(schoolyear.bounds(groep.school_year)[1], start + datetime.timedelta(weeks=i)))
                               for i, lesson in enumerate(self.lessons))
            if groep.school.status in ("gepland",) or rng.random() < 0.45 or start > last:
                continue  # most groepen with a trained teacher never get a lesson
            for i, lesson in enumerate(self.lessons[: rng.randint(1, len(self.lessons))]):
                day = start + datetime.timedelta(weeks=i, days=rng.randint(0, 3))
                if day > last:
                    break
                rows.append(LessonDelivery(groep=groep, lesson_id=lesson.pk, teacher=teachers[groep.pk], date=day,
                                           pupils_present=max(1, groep.pupil_count - rng.randint(0, 3)), minutes=rng.choice((45, 60, 75, 90))))
        PlannedLessonDate.objects.bulk_create(planned, batch_size=BATCH)
        rows = LessonDelivery.objects.bulk_create(rows, batch_size=BATCH)
        LessonFeedback.objects.bulk_create([
            LessonFeedback(delivery=delivery, grade=rng.choice((5, 6, 7, 7, 8, 8, 8, 9, 10)), pupils_engaged=rng.randint(2, 5),
                           fits_groep=rng.randint(2, 5), preparation_feasible=rng.randint(2, 5), time_sufficient=rng.randint(1, 5))
            for delivery in rows if rng.random() < 0.6
        ], batch_size=BATCH)
        return len(rows), len(planned)

    def carers(self, groepen):
        rng = self.rng
        if not self.modules:
            return 0
        households = Household.objects.bulk_create([
            Household(groep=groep, token=secrets.token_urlsafe(32), resume_code=codes.generate(12))
            for groep in groepen for _n in range(rng.choice((0, 0, 3, 6, 9, 12)))
        ], batch_size=BATCH)
        progress, feedback = [], []
        for household in households:
            started = aware(max(schoolyear.bounds(household.groep.school_year)[0], min(self.today, schoolyear.bounds(household.groep.school_year)[1]) - datetime.timedelta(days=rng.randint(0, 60))))
            for module in self.modules[: rng.randint(1, len(self.modules))]:
                finished = rng.random() < 0.6
                progress.append(HouseholdModuleProgress(household=household, module=module, started_at=started,
                                                        completed_at=started + datetime.timedelta(minutes=15) if finished else None))
                if finished and rng.random() < 0.4:
                    feedback.append(ModuleFeedback(household=household, module=module, grade=rng.randint(5, 10), useful=rng.randint(2, 5),
                                                   recommend=rng.choice(("ja", "ja", "nee", "weet_niet"))))
        HouseholdModuleProgress.objects.bulk_create(progress, batch_size=BATCH)
        ModuleFeedback.objects.bulk_create(feedback, batch_size=BATCH)
        return len(households)

    def surveys(self, schools):
        rng, rows = self.rng, []
        for school in schools:
            if school.status in ("interesse",) or rng.random() > 0.3:
                continue
            year = self.year - 1
            rows.append(SchoolYearSurvey(
                school=school, school_year=year, token=secrets.token_urlsafe(24), sent_to=school.contact_email,
                answered_at=aware(schoolyear.bounds(year)[1] - datetime.timedelta(days=20)),
                continue_next_year=rng.choice(("ja", "ja", "nee", "weet_niet")), extend_to_other_groepen=rng.choice(("ja", "nee", "weet_niet")),
                recommend_score=rng.randint(4, 10), obstacle_time=rng.random() < 0.5, obstacle_curriculum=rng.random() < 0.3,
                obstacle_training=rng.random() < 0.2, obstacle_parents=rng.random() < 0.4, obstacle_other=rng.random() < 0.1,
            ))
        SchoolYearSurvey.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

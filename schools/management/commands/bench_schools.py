"""``manage.py bench_schools``: time the rollout reads on a generated data set, then roll back.

Builds ``--schools`` schools with ``--groepen`` groepen each and a register of given lessons,
then times "Mijn groepen" for a teacher with many groepen, the progress annotation over every
groep (the national-dashboard shape) and the spreadsheet rows of the register. Prints figures;
nothing is kept (the whole run is one transaction that is rolled back).
"""

import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from lessons.models import ClassLessonPage, ProgrammeIndexPage, ProgrammeType
from schools import schoolyear, selectors
from schools.models import Groep, LessonDelivery, School


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet de snelheid van de registratie (scholen, groepen, gegeven lessen) op gegenereerde data."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=300)
        parser.add_argument("--groepen", type=int, default=3)

    def handle(self, *args, **options):
        programme = ProgrammeIndexPage.objects.filter(programme_type=ProgrammeType.CLASS).first()
        if programme is None:
            raise CommandError("Geen lesprogramma gevonden: draai eerst load_demo.")
        lessons = list(ClassLessonPage.objects.live().descendant_of(programme).order_by("number"))
        try:
            with transaction.atomic():
                self.run(programme, lessons, options["schools"], options["groepen"])
                raise Rollback
        except Rollback:
            pass

    def timed(self, label, func):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = func()
            elapsed = (time.perf_counter() - start) * 1000
        self.stdout.write(f"{label:<58} {elapsed:8.1f} ms  {len(queries):3d} queries")
        return result

    def run(self, programme, lessons, n_schools, n_groepen):
        year = schoolyear.current_school_year()
        teacher = User.objects.create_user(email="bench-teacher@bench.example", password=None)
        schools = School.objects.bulk_create(
            School(name=f"Bench {i}", brin=f"{i % 100:02d}{chr(65 + i // 100 % 26)}{chr(65 + i // 2600 % 26)}",
                   vestigingsnummer=f"{i // 67600:02d}", contact_name="B", contact_email="b@bench.example",
                   wijk=f"Wijk {i % 20}", status="actief")
            for i in range(n_schools)
        )
        groepen = Groep.objects.bulk_create(
            Groep(school=school, school_year=year, name=f"Groep {g}", year_levels=[7, 8], pupil_count=25, programme=programme,
                  carer_code=f"B{school.pk:05d}{g:02d}"[:8].ljust(8, "X"))
            for school in schools for g in range(n_groepen)
        )
        teacher.groepen.add(*groepen[:30])
        first = schoolyear.bounds(year)[0]
        today = timezone.localdate()
        deliveries = [
            LessonDelivery(groep=groep, lesson=lesson, date=max(first, today - timedelta(days=7 * (len(lessons) - n))),
                           teacher=teacher, pupils_present=22, minutes=60)
            for i, groep in enumerate(groepen) for n, lesson in enumerate(lessons[: i % (len(lessons) + 1)])
        ]
        LessonDelivery.objects.bulk_create(deliveries, batch_size=2000)
        self.stdout.write(f"Data: {len(schools)} scholen, {len(groepen)} groepen, {len(deliveries)} gegeven lessen, "
                          f"{len(lessons)} lessen in het programma")
        self.timed("Mijn groepen (leerkracht met 30 groepen)", lambda: selectors.groepen_of_teacher(teacher))
        self.timed(f"Voortgang van alle {len(groepen)} groepen", lambda: list(selectors.with_progress(Groep.objects.all())))
        self.timed("Gegeven lessen per wijk (aggregatie)", lambda: list(
            LessonDelivery.objects.values("groep__school__wijk").annotate(n=Count("pk")).order_by()))
        self.timed("Exportregels register, modelobjecten", lambda: [
            (d.groep.school.name, d.groep.name, d.lesson.title, d.teacher) for d in selectors.register_queryset()])
        columns = list(selectors.REGISTER_EXPORT_COLUMNS)
        self.timed("Exportregels register, waarden (zoals de spreadsheet)", lambda: [
            selectors.register_export_row(values, columns) for values in selectors.register_export_values(selectors.register_queryset())])

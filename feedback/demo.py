"""Demo feedback (Voorbeeldinhoud), loaded after the schools demo.

Enough answers to pass the small-numbers rule for lessons 1 and 2 and thuismodule 1 (last school
year's three pilot groepen plus this year's two), too few for the other lessons and module 2, so
the analysis shows both a chart and the "te weinig antwoorden" message. A few themes are
defined and tagged, one lesson falls under the "aandacht nodig" thresholds."""

import datetime

from django.utils import timezone

from accounts.models import User
from lessons.models import ClassLessonPage, ProgrammeIndexPage, ProgrammeType
from schools import schoolyear
from schools import selectors as school_selectors
from schools import services as school_services
from schools.models import Groep, LessonDelivery, School

from . import services
from .models import FeedbackTheme, LessonFeedback, ModuleFeedback

SAMPLE = "Voorbeeldinhoud: "
THEMES = [
    ("Tijdgebrek", "De les of oefening paste niet in de tijd."),
    ("Leerlingen enthousiast", "De groep deed actief en graag mee."),
    ("Materiaal", "Opmerkingen over werkbladen, filmpjes of benodigdheden."),
    ("Herkenbaar voor thuis", "Ouders herkennen wat hun kind leerde."),
]
# (grade, engaged, fits, preparation, time, what worked, what to change) per delivery, in order.
LESSON_ANSWERS = [
    (8, 5, 4, 4, 3, "De kringronde over sterke punten: iedereen deed mee.", "Minder tijd voor de uitleg, meer voor de oefening."),
    (7, 4, 4, 3, 2, "Het werkblad met talenten.", "De les was te lang voor een middag."),
    (8, 4, 5, 4, 3, "De leerlingen praatten openhartig.", ""),
    (6, 3, 4, 4, 2, "", "Het filmpje liep niet op het digibord; een downloadbare versie zou helpen."),
    (7, 4, 4, 4, 3, "Werken in tweetallen.", "Meer tijd nemen voor het nabespreken."),
    (5, 3, 3, 3, 2, "De opening.", "De oefening was te moeilijk voor groep 7."),
]
MODULE_ANSWERS = [
    (8, 4, "ja", "Mijn dochter vertelde er uit zichzelf over."),
    (9, 5, "ja", "Fijn om samen te doen aan tafel."),
    (7, 4, "weet_niet", ""),
    (8, 4, "ja", "Herkenbaar, dit doen we vaker."),
    (6, 3, "nee", "Wat lang voor een doordeweekse avond."),
    (8, 5, "ja", ""),
]


def load(stdout):
    teacher = User.objects.filter(email="leerkracht.a@bounce.example").first()
    programme = ProgrammeIndexPage.objects.filter(programme_type=ProgrammeType.CLASS, locale__language_code="nl").first()
    pilot = School.objects.filter(brin="12AB", vestigingsnummer="00").first()
    if not (teacher and programme and pilot):
        return
    themes = {name: FeedbackTheme.objects.create(name=name, description=SAMPLE + description) for name, description in THEMES}
    lessons = list(ClassLessonPage.objects.live().descendant_of(programme).order_by("number")[:3])

    # Last school year the pilot had three groepen: lessons 1 and 2 in all of them, lesson 3 in one.
    last_year = schoolyear.current_school_year() - 1
    first_day, _last = schoolyear.bounds(last_year)
    earlier = [Groep.objects.create(school=pilot, school_year=last_year, name=name, year_levels=levels, pupil_count=count, programme=programme)
               for name, levels, count in (("Groep 7A", [7], 25), ("Groep 7B", [7], 23), ("Groep 8", [8], 27))]
    for index, groep in enumerate(earlier):
        groep.teachers.add(teacher)
        for week, lesson in enumerate(lessons[: 3 if index == 0 else 2]):
            school_services.log_delivery(groep=groep, lesson=lesson, teacher=teacher, date=first_day + datetime.timedelta(days=60 + 7 * week + index))

    deliveries = LessonDelivery.objects.filter(groep__school=pilot, lesson__in=lessons).select_related("lesson").order_by("lesson__number", "date", "pk")
    for index, delivery in enumerate(deliveries):
        grade, engaged, fits, preparation, time, worked, change = LESSON_ANSWERS[index % len(LESSON_ANSWERS)]
        exercises = services.lesson_exercises(delivery.lesson)
        skipped = [exercises[-1]["block_id"]] if exercises and time <= 2 else []
        feedback = services.save_lesson_feedback(
            delivery, grade=grade, pupils_engaged=engaged, fits_groep=fits, preparation_feasible=preparation, time_sufficient=time,
            what_worked=SAMPLE + worked if worked else "", what_to_change=SAMPLE + change if change else "", skipped=skipped,
        )
        tags = [themes["Tijdgebrek"]] if "tijd" in change.lower() or "lang" in change.lower() else []
        tags += [themes["Leerlingen enthousiast"]] if engaged >= 4 and worked else []
        tags += [themes["Materiaal"]] if "filmpje" in change or "werkblad" in worked.lower() else []
        services.set_themes(feedback, tags)
    # Each answer dated on the afternoon of its lesson, so the trend per month reads as it would.
    for feedback in LessonFeedback.objects.select_related("delivery"):
        given = timezone.make_aware(datetime.datetime.combine(feedback.delivery.date, datetime.time(15, 30)))
        LessonFeedback.objects.filter(pk=feedback.pk).update(created_at=given, updated_at=given)

    groep = Groep.objects.filter(school=pilot, school_year=schoolyear.current_school_year()).order_by("name").first()
    modules = list(school_selectors.home_modules_for(groep)[:2]) if groep else []
    for module, answers in zip(modules, (MODULE_ANSWERS, MODULE_ANSWERS[:2]), strict=False):
        for grade, useful, recommend, comment in answers:
            household = school_services.create_household(groep)
            school_services.complete_module(household, module)
            feedback = services.save_module_feedback(household, module, grade=grade, useful=useful, recommend=recommend,
                                                     comment=SAMPLE + comment if comment else "")
            if "herkenbaar" in comment.lower() or "vertelde" in comment:
                services.set_themes(feedback, [themes["Herkenbaar voor thuis"]])
            if "lang" in comment:
                services.set_themes(feedback, [themes["Tijdgebrek"]])
    services.save_course_feedback(teacher, preparedness=4, what_would_help=SAMPLE + "Een voorbeeldles op video zien.")
    stdout.write(f"Feedback: {LessonFeedback.objects.count()} na een les, {ModuleFeedback.objects.count()} na een thuismodule.")

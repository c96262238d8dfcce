"""Front-end views of the feedback instruments. Each view checks access itself: a teacher reaches
only the deliveries of their own groepen (others answer 404), a carer only with a household
cookie, a school only with its unspent link. Writes go through ``services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.languages import carer_facing
from lessons.selectors import is_teacher
from schools import households, ratelimit
from schools import selectors as school_selectors
from schools.models import LessonDelivery

from . import conf, services
from .forms import CourseFeedbackForm, LessonFeedbackForm, ModuleFeedbackForm, YearSurveyForm
from .models import CourseFeedback, LessonFeedback, ModuleFeedback, SchoolYearSurvey


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# Teachers ------------------------------------------------------------------------------------

@login_required
def lesson_feedback(request, pk):
    """"Hoe ging de les?" for one delivery of the teacher's own groep; can be skipped."""
    delivery = get_object_or_404(
        LessonDelivery.objects.select_related("groep", "groep__school", "lesson"), pk=pk, groep__teachers=request.user
    )
    existing = LessonFeedback.objects.filter(delivery=delivery).first()
    if existing is not None and not services.can_still_edit(existing):
        messages.info(request, _("Feedback kan tot %(days)s dagen na het invullen worden gewijzigd.") % {"days": conf.EDIT_DAYS})
        return redirect("schools:groep_detail", pk=delivery.groep_id)
    exercises = services.lesson_exercises(delivery.lesson)
    initial = {}
    if existing is not None:
        initial = {name: getattr(existing, name) for name in (
            "grade", "pupils_engaged", "fits_groep", "preparation_feasible", "time_sufficient", "what_worked", "what_to_change")}
        kinds = list(existing.skipped_exercises.values_list("block_id", "kind"))
        initial["skipped"] = [block for block, kind in kinds if kind == "overgeslagen"]
        initial["changed"] = [block for block, kind in kinds if kind == "aangepast"]
    form = LessonFeedbackForm(request.POST or None, exercises=exercises, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_lesson_feedback(delivery, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Dank u wel! Uw feedback op les %(number)s is opgeslagen.") % {"number": delivery.lesson.number})
            return redirect("schools:groep_detail", pk=delivery.groep_id)
    return render(request, "feedback/lesson_feedback.html", {
        "form": form, "delivery": delivery, "existing": existing, "edit_days": conf.EDIT_DAYS,
    }, status=400 if form.errors else 200)


@login_required
def course_feedback(request):
    """After the teacher course: how prepared the teacher feels and what would help."""
    if not is_teacher(request.user):
        raise PermissionDenied
    existing = CourseFeedback.objects.filter(teacher=request.user).first()
    initial = {"preparedness": existing.preparedness, "what_would_help": existing.what_would_help} if existing else {}
    form = CourseFeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_course_feedback(request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Dank u wel! Uw antwoord over de cursus is opgeslagen."))
            return redirect("schools:my_groepen")
    return render(request, "feedback/course_feedback.html", {"form": form, "existing": existing, "training": school_selectors.training_progress(request.user)},
                  status=400 if form.errors else 200)


# Carers --------------------------------------------------------------------------------------

@carer_facing  # in every carer language (home.languages)
@never_cache
def module_feedback(request, pk):
    """The carer's optional answer after a thuismodule (anonymous: the household cookie only)."""
    household = households.household_from_request(request)
    if household is None:
        return redirect("schools:carer_entry")
    module = get_object_or_404(school_selectors.home_modules_for(household.groep), pk=pk)
    existing = ModuleFeedback.objects.filter(household=household, module=module).first()
    initial = {"grade": existing.grade, "useful": existing.useful, "recommend": existing.recommend, "comment": existing.comment} if existing else {}
    form = ModuleFeedbackForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        # schools.ratelimit keys on home.client_ip (TRUSTED_PROXY_COUNT), like the carer code entry.
        if ratelimit.too_many(request, "carer-feedback", conf.CARER_ATTEMPTS, conf.CARER_WINDOW_SECONDS):
            form.is_valid()
            form.add_error(None, _("Er zijn vanaf dit adres te veel antwoorden verstuurd. Probeer het over een uur opnieuw."))
            status = 429
        elif form.is_valid():
            if not form.is_spam:  # a bot gets the same thanks, nothing is saved
                data = {name: form.cleaned_data[name] for name in ("grade", "useful", "recommend", "comment")}
                try:
                    services.save_module_feedback(household, module, **data)
                except ValidationError as error:
                    _add_errors(form, error)
            if not form.errors:
                messages.success(request, _("Dank u wel voor uw antwoord!"))
                return redirect("schools:carer_home")
        if form.errors and status == 200:
            status = 400
    return render(request, "feedback/module_feedback.html", {"form": form, "module": module, "existing": existing}, status=status)


# Schools -------------------------------------------------------------------------------------

@never_cache
def year_survey(request, token):
    """The end-of-year questions, opened from the e-mailed link (no account); answered once."""
    survey = SchoolYearSurvey.objects.select_related("school").filter(token=token[:64]).first()
    if survey is None:
        return render(request, "feedback/year_survey_gone.html", {"answered": False}, status=404)
    if survey.answered_at is not None:
        return render(request, "feedback/year_survey_gone.html", {"answered": True, "survey": survey}, status=410)
    form = YearSurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_year_survey(token, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return render(request, "feedback/year_survey_done.html", {"survey": survey})
    return render(request, "feedback/year_survey.html", {"form": form, "survey": survey}, status=400 if form.errors else 200)

"""Front-end views: teachers' "Mijn groepen" and register, carers' code entry and modules, the
public registration. Each view checks access itself: teachers reach only their own groepen (other
groepen answer 404, so their existence is not revealed)."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail import hooks

from home.languages import carer_facing, localized_pages, remember_language, url_in_language
from home.validators import parse_id
from lessons.models import ClassLessonPage

from . import carer_language, conf, households, planning, ratelimit, selectors, services
from .forms import CodeForm, DeliveryForm, RegistrationForm
from .models import Groep, LessonDelivery
from .permissions import can_manage_carer_code, is_coordinator

# Teachers ------------------------------------------------------------------------------------


def _own_groep(request, pk):
    """The groep if the user teaches it; 404 otherwise (also for other schools' groepen)."""
    return get_object_or_404(Groep.objects.select_related("school", "programme"), pk=pk, teachers=request.user)


def _visible_groep(request, pk):
    return get_object_or_404(selectors.visible_groepen(request.user).select_related("school", "programme"), pk=pk)


def _own_delivery(request, pk):
    return get_object_or_404(
        LessonDelivery.objects.select_related("groep", "groep__school", "groep__programme", "lesson"),
        pk=pk, groep__teachers=request.user,
    )


@login_required
def my_groepen(request):
    groepen = selectors.groepen_of_teacher(request.user)
    planning.attach_next_planned_dates(groepen)
    return render(request, "schools/my_groepen.html", {
        "groepen": groepen, "is_coordinator": is_coordinator(request.user), "training": selectors.training_progress(request.user),
    })


@login_required
def groep_detail(request, pk):
    groep = _visible_groep(request, pk)
    groep = selectors.with_progress(Groep.objects.filter(pk=groep.pk)).get()
    selectors.attach_next_lessons([groep])
    deliveries = list(selectors.deliveries_of(groep))
    for delivery in deliveries:
        delivery.editable = services.can_still_edit(delivery)
    _delivery_actions(request, deliveries)
    return render(request, "schools/groep.html", {
        "groep": groep,
        "lessons": selectors.lesson_rows(groep),
        "deliveries": deliveries,
        "is_teacher": groep.teachers.filter(pk=request.user.pk).exists(),
        "can_manage_code": can_manage_carer_code(request.user, groep),
        "edit_days": conf.EDIT_DAYS,
    })


def _form_errors_from(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form (field errors where the form has the field)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _after_logging(request, delivery) -> str:
    """Where a teacher goes after logging ``delivery``: the first URL an app returns from the
    hook ``schools_delivery_logged(request, delivery)`` (feedback offers "Hoe ging de les?",
    which can be skipped), else the groep page. Schools itself knows nothing of those apps."""
    for hook in hooks.get_hooks("schools_delivery_logged"):
        if url := hook(request, delivery):
            return url
    return reverse("schools:groep_detail", args=[delivery.groep_id])


def _delivery_actions(request, deliveries) -> None:
    """``delivery.extra_actions`` = links other apps add per row of the register, from the hook
    ``schools_delivery_actions(request, deliveries) -> {delivery pk: [{"label", "url"}]}``
    (called once for the whole list, so a hook costs a fixed number of queries)."""
    for delivery in deliveries:
        delivery.extra_actions = []
    by_pk = {delivery.pk: delivery for delivery in deliveries}
    for hook in hooks.get_hooks("schools_delivery_actions"):
        for pk, actions in (hook(request, deliveries) or {}).items():
            if pk in by_pk:
                by_pk[pk].extra_actions += actions


def _warn_if_repeated(request, delivery) -> None:
    if warning := services.repeat_warning(delivery):
        messages.warning(request, warning)


@login_required
def log_delivery(request, pk):
    """GET: the full form (date defaults to today). POST with ``quick``: one click, all defaults.
    Both write through ``services.log_delivery``."""
    groep = _own_groep(request, pk)
    if request.method == "POST" and request.POST.get("quick"):
        lesson_id = parse_id(request.POST.get("lesson", ""))
        lesson = ClassLessonPage.objects.live().filter(pk=lesson_id).first() if lesson_id else None
        if lesson is None or not groep.programme_id or not lesson.is_descendant_of(groep.programme):
            messages.error(request, _("Deze les hoort niet bij het programma van de groep."))
        else:
            try:
                delivery = services.log_delivery(groep=groep, lesson=lesson, teacher=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Les %(number)s is geregistreerd als gegeven.") % {"number": lesson.number})
                _warn_if_repeated(request, delivery)
                return redirect(_after_logging(request, delivery))
        return redirect("schools:groep_detail", pk=groep.pk)

    initial = {"pupils_present": groep.pupil_count}
    if lesson_id := parse_id(request.GET.get("les", "")):
        lesson = ClassLessonPage.objects.filter(pk=lesson_id).first()
        if lesson:
            initial.update(lesson=lesson, minutes=lesson.duration_minutes)
    form = DeliveryForm(
        request.POST or None, groep=groep, initial=initial,
        instance=LessonDelivery(groep=groep, teacher=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            delivery = services.log_delivery(groep=groep, teacher=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            messages.success(request, _("Les %(number)s is geregistreerd als gegeven.") % {"number": delivery.lesson.number})
            _warn_if_repeated(request, delivery)
            return redirect(_after_logging(request, delivery))
    return render(request, "schools/delivery_form.html", {"form": form, "groep": groep, "title": _("Les registreren")})


@login_required
def edit_delivery(request, pk):
    delivery = _own_delivery(request, pk)
    try:
        services.check_editable(delivery)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("schools:groep_detail", pk=delivery.groep_id)
    form = DeliveryForm(request.POST or None, groep=delivery.groep, instance=delivery)
    if request.method == "POST" and form.is_valid():
        try:
            delivery = services.update_delivery(delivery, **form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            messages.success(request, _("De registratie is gewijzigd."))
            _warn_if_repeated(request, delivery)
            return redirect("schools:groep_detail", pk=delivery.groep_id)
    return render(request, "schools/delivery_form.html", {"form": form, "groep": delivery.groep, "title": _("Registratie wijzigen")})


@login_required
def delete_delivery(request, pk):
    delivery = _own_delivery(request, pk)
    try:
        if request.method == "POST":
            services.remove_delivery(delivery)
        else:
            services.check_editable(delivery, removing=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("schools:groep_detail", pk=delivery.groep_id)
    if request.method == "POST":
        messages.success(request, _("De registratie is verwijderd."))
        return redirect("schools:groep_detail", pk=delivery.groep_id)
    return render(request, "schools/delivery_confirm_delete.html", {"delivery": delivery})


def _managed_groep(request, pk):
    groep = get_object_or_404(Groep.objects.select_related("school"), pk=pk)
    if not can_manage_carer_code(request.user, groep):
        raise Http404
    return groep


def _letter_access(request, groep, language_code) -> dict:
    """The link, entry address and QR code of one language of the letter: each points to the
    carers' URL in that language, so scanning the Arabic half opens the Arabic code page."""
    with translation.override(language_code):
        link = request.build_absolute_uri(reverse("schools:carer_code_link", kwargs={"code": groep.carer_code}))
        return {
            "language": language_code,
            "link": link,
            "entry_url": request.build_absolute_uri(reverse("schools:carer_entry")),
            "qr_svg": segno.make(link, error="m").svg_inline(scale=5, title=_("QR-code naar de thuismodules")),
        }


@login_required
def carer_letter(request, pk):
    """Printable A4 letter for carers: the code, the link and a QR code (segno, inline SVG), in
    Dutch and, with ``?taal=<code>``, once more in that carer language (an unknown code: Dutch only)."""
    groep = _managed_groep(request, pk)
    second = request.GET.get("taal", "")
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return render(request, "schools/carer_letter.html", {
        "groep": groep,
        "dutch": _letter_access(request, groep, settings.LANGUAGE_CODE),
        "second": _letter_access(request, groep, second) if second in languages else None,
    })


@login_required
@require_POST
def regenerate_code(request, pk):
    groep = _managed_groep(request, pk)
    services.regenerate_carer_code(groep)
    messages.success(request, _("De groep heeft een nieuwe code: %(code)s. Print de brief opnieuw.") % {"code": groep.carer_code_display})
    return redirect("schools:carer_letter", pk=groep.pk)


# Carers --------------------------------------------------------------------------------------

def _enter_with_code(request, raw_code, *, ask_before_switching=False):
    """Shared by the form and the QR link: rate-limited lookup, then the household cookie.

    With ``ask_before_switching`` (a link opened by GET) a resume code that would move this
    browser into another household first asks, naming the groep: a link alone must not switch
    households (whoever sent it could then read what is typed into the activities)."""
    if ratelimit.blocked(request, "carer-code", conf.CODE_ATTEMPTS):
        return None, _("U hebt te vaak een code geprobeerd. Wacht een kwartier en probeer het dan opnieuw."), 429
    groep, household = services.find_by_code(raw_code)
    if groep is None:
        ratelimit.count(request, "carer-code", conf.CODE_WINDOW_SECONDS)  # only wrong codes count
        return None, _("Deze code kennen we niet. Controleer de code in de brief van school en probeer het opnieuw."), 200
    current = households.household_from_request(request)
    if household is None:
        household = current if current and current.groep_id == groep.pk else services.create_household(groep)
    elif ask_before_switching and household != current:
        confirm = render(request, "schools/carer_switch_confirm.html", {"groep": groep, "current": current})
        return confirm, None, 200
    language = carer_language.language_on_entry(request, household)  # the household's, when not chosen here
    response = redirect(url_in_language("schools:carer_home", language))
    households.remember(response, household)
    remember_language(response, language)
    return response, None, 302


@carer_facing
@never_cache
def carer_entry(request):
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        response, error, status = _enter_with_code(request, form.cleaned_data["code"])
        if response:
            return response
        form.add_error("code", error)
    return render(request, "schools/carer_entry.html", {"form": form, "household": households.household_from_request(request)}, status=status)


@carer_facing
@never_cache
def carer_code_link(request, code):
    """The QR code's link: opening it is the same as typing the code (a resume code asks first;
    the confirmation posts back here)."""
    response, error, status = _enter_with_code(request, code, ask_before_switching=request.method != "POST")
    if response:
        return response
    form = CodeForm(data={"code": code[:20]})
    form.is_valid()
    form.add_error("code", error)
    return render(request, "schools/carer_entry.html", {"form": form}, status=status if status == 429 else 404)


@carer_facing
@never_cache
def carer_home(request):
    household = households.household_from_request(request)
    if household is None:
        return redirect("schools:carer_entry")
    modules = list(selectors.home_modules_for(household.groep, household))
    for module, translated in localized_pages(modules):
        module.translated = translated  # title and language of the module as the carer will read it
    return render(request, "schools/carer_home.html", {
        "household": household, "groep": household.groep, "modules": modules,
        "started": sum(1 for m in modules if m.started_at), "completed": sum(1 for m in modules if m.completed_at),
        "lesson_tip": any(m.lesson_given and not m.completed_at for m in modules),  # explained once, not per module
    })


def _household_module(request, pk):
    household = households.household_from_request(request)
    if household is None:
        return None, None
    module = get_object_or_404(selectors.home_modules_for(household.groep), pk=pk)
    return household, module


@carer_facing
@never_cache
def module_open(request, pk):
    """Link from the carer's list: note that the household started the module, then show it."""
    household, module = _household_module(request, pk)
    if household is None:
        return redirect("schools:carer_entry")
    services.start_module(household, module)
    return redirect(module.localized.url)  # the module in the carer's language when translated


@carer_facing
@require_POST
def module_progress(request, pk, action):
    """POST "gestart" or "klaar" from the include on a thuismodule page."""
    household, module = _household_module(request, pk)
    if household is None:
        return redirect("schools:carer_entry")
    if action == "klaar":
        services.complete_module(household, module)
        messages.success(request, _("Goed gedaan! Deze thuismodule staat op klaar."))
        # Hook ``schools_module_completed(request, household, module)``: an app may offer a next
        # step (feedback asks three optional questions); the first URL returned wins.
        for hook in hooks.get_hooks("schools_module_completed"):
            if url := hook(request, household, module):
                return redirect(url)
    else:
        services.start_module(household, module)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = reverse("schools:carer_home")
    return redirect(next_url)


@carer_facing
@require_POST
def carer_forget(request):
    response = redirect("schools:carer_entry")
    messages.info(request, _("Dit apparaat is vergeten. Met de code kunt u altijd weer verder."))
    return households.forget(response)


# Public registration -----------------------------------------------------------------------

def register(request):
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.too_many(request, "register", conf.REGISTER_ATTEMPTS, conf.REGISTER_WINDOW_SECONDS):
            form.is_valid()
            form.add_error(None, _("Er zijn vanaf dit adres te veel aanmeldingen verstuurd. Probeer het over een uur opnieuw."))
            return render(request, "schools/register.html", {"form": form}, status=429)
        if form.is_valid():
            if form.is_spam:  # answer like a success, save nothing
                return redirect("schools:register_done")
            data = form.cleaned_data
            try:
                services.register_interest(
                    name=data["name"], brin=data["brin"], contact_name=data["contact_name"], contact_email=data["contact_email"],
                    contact_role=data["contact_role"], message=data["message"],
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                return redirect("schools:register_done")
    return render(request, "schools/register.html", {"form": form})


def register_done(request):
    return render(request, "schools/register_done.html")


"""Rollout per basisschool and per groep: the registration instrument the pilots lacked.

Everything is countable in the database by school year, school, wijk and groep (a national
dashboard later sums these tables). No pupil-level data exists here: a groep is a name, year
levels and a head count; carers are anonymous households identified by a random token.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from home.validators import invisible_character_errors
from lessons.models import ClassLessonPage, HomeModulePage, ProgrammeIndexPage, ProgrammeType

from . import brin, codes, schoolyear
from .fields import YearLevelsField
from .groep_form import GroepAdminForm

brin_validator = brin.brin_validator  # the format lives in schools.brin
vestiging_validator = brin.vestiging_validator


class SchoolYearSelect(forms.Select):
    """School years around today, labelled "2026-2027" (choices computed per form, not per migration)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices=schoolyear.choices(back=5, ahead=2))


class SchoolStatus(models.TextChoices):
    INTEREST = "interesse", _("Interesse")
    INTAKE = "intake", _("Intake")
    PLANNED = "gepland", _("Gepland")
    ACTIVE = "actief", _("Actief")
    FINISHED = "afgerond", _("Afgerond")
    PAUSED = "gepauzeerd", _("Gepauzeerd")


class School(index.Indexed, ClusterableModel):
    """A basisschool (one location: BRIN + vestigingsnummer) and where it is in the rollout."""

    name = models.CharField(_("naam"), max_length=150)
    brin = models.CharField(_("BRIN-code"), max_length=4, validators=[brin_validator], help_text=_("Bijvoorbeeld 12AB."))
    vestigingsnummer = models.CharField(_("vestigingsnummer"), max_length=2, default="00", validators=[vestiging_validator])
    rio_code = models.CharField(_("RIO-code"), max_length=20, blank=True, help_text=_("Code van de onderwijslocatie in RIO (optioneel)."))
    street_address = models.CharField(_("adres"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=80, blank=True)
    wijk = models.CharField(_("wijk"), max_length=80, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=120)
    contact_email = models.EmailField(_("werk-e-mailadres contactpersoon"))
    contact_role = models.CharField(_("functie contactpersoon"), max_length=80, blank=True, help_text=_("Bijvoorbeeld directeur of IB'er."))
    status = models.CharField(_("status"), max_length=12, choices=SchoolStatus.choices, default=SchoolStatus.INTEREST)
    kickoff_date = models.DateField(_("datum kick-off"), null=True, blank=True)
    registration_message = models.TextField(_("bericht bij aanmelding"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldRowPanel([FieldPanel("brin"), FieldPanel("vestigingsnummer"), FieldPanel("rio_code")])],
            heading=_("School"),
        ),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality"), FieldPanel("wijk")])],
            heading=_("Adres"),
        ),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_role")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("kickoff_date"), FieldPanel("registration_message")], heading=_("Uitrol")),
        InlinePanel("plans", heading=_("Implementatieplannen"), label=_("plan")),
        # Teachers and planned dates are edited on the groep itself (a plain many-to-many cannot be
        # saved from an inline form before the groep exists).
        InlinePanel(
            "groepen", heading=_("Groepen"), label=_("groep"),
            panels=[
                FieldRowPanel([FieldPanel("name"), FieldPanel("school_year", widget=SchoolYearSelect)]),
                # A plain select here too (issue 15): a handful of class programmes, no page-chooser drill-down.
                FieldPanel("year_levels"), FieldRowPanel([FieldPanel("pupil_count"), FieldPanel("programme", widget=forms.Select)]),
            ],
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("brin"),
        index.SearchField("municipality"),
        index.SearchField("wijk"),
        index.SearchField("contact_name"),
        index.FilterField("status"),
        index.FilterField("wijk"),
    ]

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["brin", "vestigingsnummer"], name="unique_school_location")]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["wijk"])]

    def __str__(self):
        return f"{self.name} ({self.brin}{self.vestigingsnummer})"

    def clean_fields(self, exclude=None):
        # Normalise before the field validators run: people type "12ab" as often as "12AB".
        self.brin = brin.normalise(self.brin)
        super().clean_fields(exclude=exclude)

    def clean(self):
        errors = invisible_character_errors(self, ["name", "contact_name", "contact_role", "wijk", "municipality"])
        if errors:
            raise ValidationError(errors)

    def status_history(self) -> str:
        """For the admin's inspect view: every status step, newest first."""
        return "\n".join(
            f"{timezone.localtime(change.changed_at):%d-%m-%Y %H:%M}: {change.get_old_status_display() or '–'} → {change.get_new_status_display()}"
            f" ({change.changed_by or _('aanmelding via de site')})"
            for change in self.status_changes.select_related("changed_by")
        )

    status_history.short_description = _("statusgeschiedenis")


class SchoolStatusChange(models.Model):
    """One step in a school's pipeline: who moved it, when, from what to what."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(_("oude status"), max_length=12, choices=SchoolStatus.choices, blank=True)
    new_status = models.CharField(_("nieuwe status"), max_length=12, choices=SchoolStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.school.name}: {self.get_old_status_display() or '-'} → {self.get_new_status_display()}"


class ImplementationPlan(models.Model):
    """The action plan agreed at the kick-off, one per school per school year."""

    school = ParentalKey(School, on_delete=models.CASCADE, related_name="plans")
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), default=schoolyear.current_school_year, help_text=_("Beginjaar: 2026 = schooljaar 2026-2027."))
    groepen = models.CharField(_("groepen"), max_length=200, help_text=_("Welke groepen meedoen, bijvoorbeeld 7A, 7/8B."))
    planned_start = models.DateField(_("geplande start"), null=True, blank=True)
    planned_end = models.DateField(_("gepland einde"), null=True, blank=True)
    responsible_ib = models.CharField(_("verantwoordelijke IB'er"), max_length=120, blank=True)
    notes = models.TextField(_("notities"), blank=True, max_length=2000)

    panels = [
        FieldRowPanel([FieldPanel("school_year", widget=SchoolYearSelect), FieldPanel("groepen")]),
        FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end"), FieldPanel("responsible_ib")]),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("implementatieplan")
        verbose_name_plural = _("implementatieplannen")
        ordering = ["-school_year"]
        constraints = [models.UniqueConstraint(fields=["school", "school_year"], name="unique_plan_per_school_year")]

    def __str__(self):
        return f"{self.school.name} {schoolyear.label(self.school_year)}"

    def clean(self):
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError({"planned_end": _("Het einde ligt voor de start.")})
        first, last = schoolyear.bounds(self.school_year or schoolyear.current_school_year())
        for name in ("planned_start", "planned_end"):
            value = getattr(self, name)
            if value and not first <= value <= last:
                raise ValidationError({name: _("Deze datum valt buiten schooljaar %(year)s.") % {"year": schoolyear.label(self.school_year)}})


def new_groep_code() -> str:
    return codes.generate(codes.GROEP_CODE_LENGTH)


class Groep(index.Indexed, ClusterableModel):
    """A groep in one school year, with a head count only (no pupil data)."""

    school = ParentalKey(School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="groepen")
    school_year = models.PositiveSmallIntegerField(
        _("schooljaar"), default=schoolyear.current_school_year,
        help_text=_("Een schooljaar loopt van 1 augustus tot en met 31 juli."),
    )
    name = models.CharField(_("naam"), max_length=60, help_text=_("Bijvoorbeeld Groep 7B."))
    year_levels = YearLevelsField(_("jaargroepen"), help_text=_("Een of meer: een combinatiegroep heeft er meer."))
    pupil_count = models.PositiveSmallIntegerField(
        _("aantal leerlingen"), validators=[MinValueValidator(1), MaxValueValidator(40)], help_text=_("Alleen het aantal.")
    )
    teachers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("leerkrachten"), blank=True, related_name="groepen")
    programme = models.ForeignKey(
        ProgrammeIndexPage, verbose_name=_("programma"), null=True, on_delete=models.SET_NULL, related_name="groepen",
        limit_choices_to={"programme_type": ProgrammeType.CLASS},
    )
    carer_code = models.CharField(_("code voor ouders/verzorgers"), max_length=16, unique=True, default=new_groep_code, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    panels = [
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("school_year", widget=SchoolYearSelect)]),
        FieldPanel("year_levels"),
        FieldPanel("pupil_count"),
        FieldPanel("programme"),
        FieldPanel("teachers"),
        # Planned dates have one write path: the planning grid (schools.planning), linked from here.
        HelpPanel(template="schools/admin/planning_help_panel.html", heading=_("Planning")),
    ]
    base_form_class = GroepAdminForm
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.RelatedFields("school", [index.SearchField("name"), index.SearchField("wijk")]),
        index.FilterField("school_year"),
    ]

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ["-school_year", "school__name", "name"]
        constraints = [models.UniqueConstraint(fields=["school", "school_year", "name"], name="unique_groep_name_per_year")]
        indexes = [models.Index(fields=["school_year"])]

    def __str__(self):
        return f"{self.name} – {self.school.name} ({self.school_year_label})"

    @property
    def school_year_label(self) -> str:
        return schoolyear.label(self.school_year) if self.school_year else ""

    @property
    def year_levels_label(self) -> str:
        return "/".join(str(level) for level in self.year_levels)

    @property
    def trained_label(self) -> str:
        """"1 van 2" for admin lists annotated by selectors.with_training_and_reach."""
        return _("%(trained)s van %(total)s") % {"trained": getattr(self, "trained_count", 0), "total": getattr(self, "teacher_count", 0)}

    @property
    def carer_code_display(self) -> str:
        return codes.display(self.carer_code)

    def clean(self):
        if errors := invisible_character_errors(self, ["name"]):
            raise ValidationError(errors)
        if not self.year_levels:
            raise ValidationError({"year_levels": _("Kies minstens één jaargroep (1 tot en met 8).")})
        year = schoolyear.current_school_year()
        if self.school_year and not year - 5 <= self.school_year <= year + 2:
            raise ValidationError({"school_year": _("Kies een schooljaar tussen %(first)s en %(last)s.") % {
                "first": schoolyear.label(year - 5), "last": schoolyear.label(year + 2)}})


class PlannedLessonDate(models.Model):
    """Optional: when a groep plans to give a lesson (lessons given on time = fidelity)."""

    groep = ParentalKey(Groep, on_delete=models.CASCADE, related_name="planned_dates")
    lesson = models.ForeignKey(ClassLessonPage, verbose_name=_("les"), on_delete=models.CASCADE, related_name="+")
    planned_date = models.DateField(_("geplande datum"))

    panels = [FieldRowPanel([FieldPanel("lesson"), FieldPanel("planned_date")])]

    class Meta:
        verbose_name = _("geplande les")
        verbose_name_plural = _("geplande lessen")
        ordering = ["planned_date"]
        constraints = [models.UniqueConstraint(fields=["groep", "lesson"], name="unique_planned_lesson")]

    def __str__(self):
        return f"{self.groep.name}: {self.lesson.title} ({self.planned_date:%d-%m-%Y})"

    def clean(self):
        if self.groep_id and self.planned_date:
            first, last = schoolyear.bounds(self.groep.school_year)
            if not first <= self.planned_date <= last:
                raise ValidationError({"planned_date": _("Deze datum valt buiten het schooljaar van de groep.")})


class LessonDelivery(models.Model):
    """The register: a class lesson given to a groep on a day."""

    groep = models.ForeignKey(Groep, verbose_name=_("groep"), on_delete=models.CASCADE, related_name="deliveries")
    lesson = models.ForeignKey(ClassLessonPage, verbose_name=_("les"), on_delete=models.PROTECT, related_name="deliveries")
    date = models.DateField(_("datum"), default=timezone.localdate)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("leerkracht"), null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    pupils_present = models.PositiveSmallIntegerField(_("leerlingen aanwezig"))
    minutes = models.PositiveSmallIntegerField(_("duur in minuten"), validators=[MinValueValidator(1), MaxValueValidator(480)])
    adaptations = models.CharField(_("aanpassingen"), max_length=500, blank=True, help_text=_("Kort: wat deed u anders dan de handleiding? Noem geen namen van leerlingen."))
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    panels = [
        FieldPanel("groep"), FieldPanel("lesson"), FieldPanel("date"), FieldPanel("teacher"),
        FieldRowPanel([FieldPanel("pupils_present"), FieldPanel("minutes")]), FieldPanel("adaptations"),
    ]

    class Meta:
        verbose_name = _("gegeven les")
        verbose_name_plural = _("gegeven lessen")
        ordering = ["-date", "-pk"]
        constraints = [models.UniqueConstraint(fields=["groep", "lesson", "date"], name="unique_delivery_per_day")]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.groep.name}: {self.lesson.title} ({self.date:%d-%m-%Y})"

    def clean(self):
        """The register's rules, checked for teachers and coordinators alike (front end and admin)."""
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("Deze datum ligt in de toekomst. Registreer een les pas als u hem gegeven hebt.")
        if self.groep_id:
            groep = self.groep
            first, last = schoolyear.bounds(groep.school_year)
            if self.date and not first <= self.date <= last and "date" not in errors:
                errors["date"] = _("Deze datum valt buiten schooljaar %(year)s van de groep.") % {"year": groep.school_year_label}
            if self.pupils_present is not None and self.pupils_present > groep.pupil_count:
                errors["pupils_present"] = _("Er kunnen niet meer leerlingen aanwezig zijn dan de groep telt (%(count)s).") % {"count": groep.pupil_count}
            if self.lesson_id and groep.programme_id and not self.lesson.is_descendant_of(groep.programme):
                errors["lesson"] = _("Deze les hoort niet bij het programma van de groep.")
            if self.lesson_id and self.date and (
                LessonDelivery.objects.filter(groep_id=self.groep_id, lesson_id=self.lesson_id, date=self.date).exclude(pk=self.pk).exists()
            ):
                errors["lesson"] = _("Deze les is voor deze groep op deze dag al geregistreerd.")
        if errors:
            raise ValidationError(errors)


class Household(models.Model):
    """An anonymous household of a groep: no name, no e-mail; only a random token and a resume code."""

    groep = models.ForeignKey(Groep, on_delete=models.CASCADE, related_name="households")
    token = models.CharField(max_length=64, unique=True, editable=False)
    resume_code = models.CharField(_("code om verder te gaan"), max_length=16, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # The carer's language, chosen once (code page or switcher) and restored by the resume code
    # on another device; the device cookie alone would forget it there. Blank: never chosen.
    language = models.CharField(_("taal"), max_length=8, blank=True, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self):
        return _("Huishouden %(id)s") % {"id": self.pk}

    @property
    def resume_code_display(self) -> str:
        return codes.display(self.resume_code)


class HouseholdModuleProgress(models.Model):
    """A household started (and maybe finished) a thuismodule. Reach = households with a row here."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey(HomeModulePage, verbose_name=_("thuismodule"), on_delete=models.CASCADE, related_name="household_progress")
    started_at = models.DateTimeField(_("begonnen op"), default=timezone.now)
    completed_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("voortgang thuismodule")
        verbose_name_plural = _("voortgang thuismodules")
        constraints = [models.UniqueConstraint(fields=["household", "module"], name="unique_household_module")]

    def __str__(self):
        return f"{self.household} – {self.module.title}"


class GroepInvitation(models.Model):
    """A teacher invited for a groep: on acceptance the new account joins the groep."""

    groep = models.ForeignKey(Groep, on_delete=models.CASCADE, related_name="invitations")
    invitation = models.ForeignKey("accounts.Invitation", on_delete=models.CASCADE, related_name="groep_links")

    class Meta:
        verbose_name = _("uitnodiging voor een groep")
        verbose_name_plural = _("uitnodigingen voor een groep")
        constraints = [models.UniqueConstraint(fields=["groep", "invitation"], name="unique_groep_invitation")]

    def __str__(self):
        return f"{self.invitation} → {self.groep.name}"


class CalendarFeed(models.Model):
    """A teacher's secret iCalendar address for the planned lessons of their groepen.

    Only a random secret is stored; the address carries an HMAC of it (``schools.calendar``), so
    a database copy alone opens no feed, and a new secret ("nieuwe link") kills every old link."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    secret = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("agendakoppeling")
        verbose_name_plural = _("agendakoppelingen")

    def __str__(self):
        return _("Agenda van %(user)s") % {"user": self.user}

"""H5P activities, their uploaded package versions, and the results learners send back.

An ``H5PActivity`` is the stable identity that pages embed and results belong to; every upload
makes a new ``H5PPackage`` (a version) and points the activity at it, so re-uploading keeps the
embeds and all attempts. Learners are opaque keys ("user:7", "household:3", "anon:<uuid>"):
this app never imports the apps that know who they are.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


def new_token():
    """Unguessable folder name: package files are public (the sandbox sends no cookies)."""
    return secrets.token_urlsafe(24)


class Audience(models.TextChoices):
    """Who sent a result, derived from the learner key's prefix."""

    USER = "user", _("Leerkrachten en medewerkers")
    HOUSEHOLD = "household", _("Ouders/verzorgers (huishouden)")
    ANON = "anon", _("Anoniem")


def audience_of(learner_key):
    prefix = (learner_key or "").split(":", 1)[0]
    return prefix if prefix in Audience.values else Audience.ANON


class GradingMethod(models.TextChoices):
    """Which attempt counts for a learner, as in Moodle's mod_h5pactivity."""

    HIGHEST = "highest", _("Hoogste poging")
    AVERAGE = "average", _("Gemiddelde van de pogingen")
    FIRST = "first", _("Eerste poging")
    LAST = "last", _("Laatste poging")


class H5PActivity(index.Indexed, models.Model):
    """One interactive activity as editors know it; keeps its identity across re-uploads."""

    title = models.CharField(_("titel"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("omschrijving voor redacteuren"), blank=True)
    current_package = models.ForeignKey(
        "h5p.H5PPackage",
        verbose_name=_("huidige versie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    grading_method = models.CharField(
        _("beoordeling"),
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
        help_text=_("Welke poging telt per deelnemer in de rapporten."),
    )
    allow_popups = models.BooleanField(
        _("pop-upvensters toestaan"),
        default=False,
        help_text=_(
            "Alleen aanzetten als de oefening links naar andere websites moet openen. Een pakket kan "
            "via een pop-up antwoorden naar een andere website sturen."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("slug")]

    class Meta:
        verbose_name = _("H5P-activiteit")
        verbose_name_plural = _("H5P-activiteiten")
        ordering = ["title"]

    def __str__(self):
        return self.title


class H5PPackage(models.Model):
    """One uploaded ``.h5p`` file, extracted into the package storage under ``<token>/``
    (``h5p.storage``: never under MEDIA_ROOT)."""

    activity = models.ForeignKey(
        H5PActivity, verbose_name=_("activiteit"), on_delete=models.CASCADE, related_name="packages"
    )
    version = models.PositiveIntegerField(_("versie"))
    token = models.CharField(_("map"), max_length=64, unique=True, default=new_token, editable=False)
    original_filename = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    package_title = models.CharField(_("titel in h5p.json"), max_length=255, blank=True)
    language = models.CharField(_("taal"), max_length=20, blank=True)
    main_library = models.CharField(_("hoofdbibliotheek"), max_length=255)
    main_library_version = models.CharField(_("versie hoofdbibliotheek"), max_length=40)
    libraries = models.JSONField(_("bibliotheken"), default=list)
    h5p_json = models.JSONField(_("h5p.json"), default=dict)
    file_count = models.PositiveIntegerField(_("aantal bestanden"), default=0)
    archive_size = models.PositiveBigIntegerField(_("grootte van het .h5p-bestand"), default=0)
    extracted_size = models.PositiveBigIntegerField(_("uitgepakte grootte"), default=0)
    content_size = models.PositiveBigIntegerField(_("grootte van de inhoud"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("geüpload door"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P-pakketversie")
        verbose_name_plural = _("H5P-pakketversies")
        ordering = ["activity", "-version"]
        constraints = [models.UniqueConstraint(fields=["activity", "version"], name="h5p_package_version_unique")]

    def __str__(self):
        return f"{self.activity} v{self.version}"


class H5PState(models.Model):
    """Resume state ("where was I") per activity and learner, at most ``H5P_MAX_STATE_BYTES``."""

    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="states")
    learner_key = models.CharField(_("deelnemer"), max_length=100)
    data = models.TextField(_("gegevens"))
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("H5P-tussenstand")
        verbose_name_plural = _("H5P-tussenstanden")
        constraints = [models.UniqueConstraint(fields=["activity", "learner_key"], name="h5p_state_unique")]

    def __str__(self):
        return f"{self.activity_id}/{self.learner_key}"


class H5PAttempt(models.Model):
    """One finished go at an activity (Moodle's model). Scores are self-reported by the browser."""

    activity = models.ForeignKey(
        H5PActivity, verbose_name=_("activiteit"), on_delete=models.CASCADE, related_name="attempts"
    )
    package = models.ForeignKey(
        H5PPackage, verbose_name=_("versie"), null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    learner_key = models.CharField(_("deelnemer"), max_length=100, db_index=True)
    audience = models.CharField(_("doelgroep"), max_length=20, choices=Audience.choices, db_index=True)
    verb = models.CharField(_("werkwoord"), max_length=40)
    raw_score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("maximale score"), null=True, blank=True)
    scaled_score = models.FloatField(_("geschaalde score"), null=True, blank=True)
    success = models.BooleanField(_("geslaagd"), null=True, blank=True)
    completion = models.BooleanField(_("afgerond"), null=True, blank=True)
    duration = models.DurationField(_("duur"), null=True, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("H5P-poging")
        verbose_name_plural = _("H5P-pogingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["activity", "created_at"], name="h5p_attempt_activity_time")]

    def __str__(self):
        return f"{self.activity_id}: {self.raw_score}/{self.max_score} ({self.verb})"


class H5PAttemptResult(models.Model):
    """A sub-question's result within an attempt (statements with a parent activity)."""

    attempt = models.ForeignKey(H5PAttempt, on_delete=models.CASCADE, related_name="results")
    object_id = models.CharField(_("vraag-id"), max_length=500)
    question = models.CharField(_("vraag"), max_length=500, blank=True)
    interaction_type = models.CharField(_("soort vraag"), max_length=40, blank=True)
    correct_pattern = models.TextField(_("juiste antwoord"), blank=True)
    response = models.TextField(_("antwoord"), blank=True)
    raw_score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("maximale score"), null=True, blank=True)
    scaled_score = models.FloatField(_("geschaalde score"), null=True, blank=True)
    success = models.BooleanField(_("goed"), null=True, blank=True)
    completion = models.BooleanField(_("afgerond"), null=True, blank=True)

    class Meta:
        verbose_name = _("H5P-vraagresultaat")
        verbose_name_plural = _("H5P-vraagresultaten")

    def __str__(self):
        return self.question or self.object_id


class H5PStatement(models.Model):
    """Every accepted xAPI statement, stored raw (as the browser sent it) for later analysis."""

    activity = models.ForeignKey(H5PActivity, on_delete=models.CASCADE, related_name="statements")
    attempt = models.ForeignKey(
        H5PAttempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    learner_key = models.CharField(_("deelnemer"), max_length=100)
    verb = models.CharField(_("werkwoord"), max_length=40)
    raw = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI-statement")
        verbose_name_plural = _("xAPI-statements")

    def __str__(self):
        return f"{self.verb} ({self.learner_key})"

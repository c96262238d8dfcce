"""Front-end forms for the feedback instruments. Scales are radio buttons (work without JavaScript,
large tap targets); every value outside the scale gets a Dutch message and saves nothing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import OPEN_ANSWER_MAX_LENGTH, YesNoUnsure

AGREE_LABELS = {1: _("helemaal oneens"), 2: _("oneens"), 3: _("neutraal"), 4: _("eens"), 5: _("helemaal eens")}


def choice_field(label, values, *, required=True, labels=None, help_text=""):
    """A radio scale whose answer comes back as an int; "11", "５" or "1e9" are not on it."""
    labels = labels or {}
    return forms.TypedChoiceField(
        label=label, required=required, help_text=help_text, coerce=int, empty_value=None, widget=forms.RadioSelect,
        choices=[(value, f"{value} – {labels[value]}" if value in labels else str(value)) for value in values],
        error_messages={"required": _("Kies een antwoord."), "invalid_choice": _("Kies een van de antwoorden hieronder.")},
    )


def grade_field(label):
    return choice_field(label, range(1, 11), help_text=_("1 is heel slecht, 10 is uitstekend."))


def agree_field(label):
    return choice_field(label, range(1, 6), labels=AGREE_LABELS)


def open_field(label):
    return forms.CharField(
        label=label, required=False, max_length=OPEN_ANSWER_MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": OPEN_ANSWER_MAX_LENGTH}),
        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens (u gebruikte er %(show_value)d).")},
    )


class LessonFeedbackForm(forms.Form):
    """"Hoe ging de les?" after logging a delivery. The lesson's exercises are the checkboxes."""

    grade = grade_field(_("Welk rapportcijfer geeft u deze les?"))
    pupils_engaged = agree_field(_("De leerlingen waren betrokken."))
    fits_groep = agree_field(_("De les paste bij mijn groep."))
    preparation_feasible = agree_field(_("De voorbereiding was haalbaar."))
    time_sufficient = agree_field(_("De tijd was voldoende."))
    skipped = forms.MultipleChoiceField(label=_("Welke oefeningen hebt u overgeslagen?"), required=False, widget=forms.CheckboxSelectMultiple,
                                        error_messages={"invalid_choice": _("Kies alleen oefeningen uit deze les.")})
    changed = forms.MultipleChoiceField(label=_("Welke oefeningen hebt u aangepast?"), required=False, widget=forms.CheckboxSelectMultiple,
                                        error_messages={"invalid_choice": _("Kies alleen oefeningen uit deze les.")})
    what_worked = open_field(_("Wat werkte goed?"))
    what_to_change = open_field(_("Wat zou u veranderen?"))

    def __init__(self, *args, exercises, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(part["block_id"], part["title"]) for part in exercises]
        self.fields["skipped"].choices = choices
        self.fields["changed"].choices = choices
        for name in ("what_worked", "what_to_change"):
            self.fields[name].help_text = _("Noem geen namen van leerlingen.")

    def clean(self):
        data = super().clean()
        both = set(data.get("skipped") or ()) & set(data.get("changed") or ())
        if both:
            self.add_error("changed", _("Een oefening is óf overgeslagen óf aangepast, niet allebei."))
        return data


class ModuleFeedbackForm(forms.Form):
    """The carer's short answer after a thuismodule. ``website`` is a honeypot for bots."""

    grade = grade_field(_("Welk rapportcijfer geeft u deze thuismodule?"))
    useful = choice_field(_("Was dit nuttig voor u?"), range(1, 6), labels={1: _("helemaal niet"), 2: _("een beetje"), 3: _("redelijk"),
                                                                           4: _("nuttig"), 5: _("heel nuttig")})
    recommend = forms.ChoiceField(label=_("Zou u dit andere ouders aanraden?"), choices=YesNoUnsure.choices, widget=forms.RadioSelect,
                                  error_messages={"required": _("Kies een antwoord."), "invalid_choice": _("Kies een van de antwoorden hieronder.")})
    comment = open_field(_("Wilt u nog iets zeggen? (mag leeg blijven)"))
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class CourseFeedbackForm(forms.Form):
    preparedness = choice_field(_("Hoe goed voorbereid voelt u zich om de lessen te geven?"), range(1, 6),
                                labels={1: _("helemaal niet"), 2: _("een beetje"), 3: _("redelijk"), 4: pgettext_lazy("schaal", "goed"), 5: _("heel goed")})
    what_would_help = open_field(_("Wat zou u helpen?"))


class YearSurveyForm(forms.Form):
    continue_next_year = forms.ChoiceField(label=_("Gaat uw school volgend schooljaar door met BOUNCE?"), choices=YesNoUnsure.choices,
                                           widget=forms.RadioSelect, error_messages={"required": _("Kies een antwoord.")})
    extend_to_other_groepen = forms.ChoiceField(label=_("Wilt u BOUNCE uitbreiden naar andere groepen?"), choices=YesNoUnsure.choices,
                                                widget=forms.RadioSelect, error_messages={"required": _("Kies een antwoord.")})
    recommend_score = choice_field(_("Hoe waarschijnlijk is het dat u BOUNCE aanbeveelt aan andere scholen?"), range(0, 11),
                                   help_text=_("0 is zeer onwaarschijnlijk, 10 is zeer waarschijnlijk."))
    obstacle_time = forms.BooleanField(label=_("Tijd"), required=False)
    obstacle_curriculum = forms.BooleanField(label=_("Past niet goed in ons lesprogramma"), required=False)
    obstacle_training = forms.BooleanField(label=_("Training van de leerkrachten"), required=False)
    obstacle_parents = forms.BooleanField(label=_("Ouders bereiken"), required=False)
    obstacle_other = forms.BooleanField(label=_("Iets anders"), required=False)
    obstacle_other_text = forms.CharField(label=_("Wat anders?"), required=False, max_length=300)
    comment = open_field(_("Wat wilt u ons nog meegeven?"))

    OBSTACLES = ("obstacle_time", "obstacle_curriculum", "obstacle_training", "obstacle_parents", "obstacle_other")

    def clean(self):
        data = super().clean()
        if data.get("obstacle_other_text") and not data.get("obstacle_other"):
            data["obstacle_other"] = True
        return data

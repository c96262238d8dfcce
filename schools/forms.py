"""Front-end forms (teachers, carers, the public registration). Labels and errors in Dutch."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.validators import parse_id, reject_invisible_characters
from lessons.models import ClassLessonPage

from . import brin
from .models import LessonDelivery


class LessonChoiceField(forms.ModelChoiceField):
    """A lesson by id; an id that is no bounded integer is "not in the programme", not a 500
    (SQLite raises OverflowError for ids beyond 64 bits)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_id(value if isinstance(value, str) else str(value)) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class DeliveryForm(forms.ModelForm):
    """Log or change a given lesson. The model's clean() holds the register's rules."""

    class Meta:
        model = LessonDelivery
        fields = ["lesson", "date", "pupils_present", "minutes", "adaptations"]
        field_classes = {"lesson": LessonChoiceField}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "adaptations": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        }
        error_messages = {
            "lesson": {"required": _("Kies de les die u gaf."), "invalid_choice": _("Deze les hoort niet bij het programma van de groep.")},
            "date": {"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in (dd-mm-jjjj).")},
            "pupils_present": {"required": _("Vul het aantal aanwezige leerlingen in."), "invalid": _("Vul een heel getal in.")},
            "minutes": {"required": _("Vul in hoeveel minuten de les duurde."), "invalid": _("Vul een heel getal in.")},
        }

    def __init__(self, *args, groep, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.groep = groep
        lessons = ClassLessonPage.objects.live().order_by("number", "pk")
        self.fields["lesson"].queryset = lessons.descendant_of(groep.programme) if groep.programme_id else lessons.none()
        self.fields["lesson"].label_from_instance = lambda lesson: f"{lesson.number}. {lesson.title}"
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["pupils_present"].widget.attrs.update({"min": 0, "max": groep.pupil_count})


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=20,
        help_text=_("De code staat in de brief van school (8 tekens), of is uw code om verder te gaan (10 tekens)."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text"}),
        error_messages={"required": _("Vul de code in.")},
        validators=[reject_invisible_characters],
    )


class RegistrationForm(forms.Form):
    """Public "Aanmelden" form. ``website`` is a honeypot: hidden from people, filled by bots."""

    name = forms.CharField(label=_("Naam van de school"), max_length=150, error_messages={"required": _("Vul de naam van de school in.")})
    brin = forms.CharField(
        label=_("BRIN-code"), max_length=8, help_text=_("Twee cijfers en twee letters, eventueel met vestigingsnummer: 12AB of 12AB00."),
        error_messages={"required": _("Vul de BRIN-code in.")},
    )
    contact_name = forms.CharField(label=_("Uw naam"), max_length=120, error_messages={"required": _("Vul uw naam in.")},
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))
    contact_email = forms.EmailField(label=_("Uw e-mailadres op het werk"), error_messages={
        "required": _("Vul uw e-mailadres in."), "invalid": _("Vul een geldig e-mailadres in.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    contact_role = forms.CharField(label=_("Uw functie"), max_length=80, required=False, help_text=_("Bijvoorbeeld directeur of IB'er."))
    message = forms.CharField(label=_("Bericht (optioneel)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4}))
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False,
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def clean_brin(self):
        code, vestiging = brin.parse(self.cleaned_data["brin"])
        return code + vestiging

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "contact_name", "contact_role"):
            if cleaned.get(name):
                try:
                    reject_invisible_characters(cleaned[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

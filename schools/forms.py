"""Front-end forms (teachers, carers, the public registration). Labels and errors in Dutch."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lessons.models import ClassLessonPage

from .models import LessonDelivery


class DeliveryForm(forms.ModelForm):
    """Log or change a given lesson. The model's clean() holds the register's rules."""

    class Meta:
        model = LessonDelivery
        fields = ["lesson", "date", "pupils_present", "minutes", "adaptations"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "adaptations": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        }
        error_messages = {
            "lesson": {"required": _("Kies de les die u gaf."), "invalid_choice": _("Deze les hoort niet bij het programma van de groep.")},
            "date": {"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in (dd-mm-jjjj).")},
            "pupils_present": {"required": _("Vul het aantal aanwezige leerlingen in.")},
            "minutes": {"required": _("Vul in hoeveel minuten de les duurde.")},
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
        value = re.sub(r"\s", "", self.cleaned_data["brin"]).upper()
        if not re.fullmatch(r"\d{2}[A-Z]{2}(\d{2})?", value):
            raise forms.ValidationError(_("Een BRIN-code bestaat uit twee cijfers en twee letters, bijvoorbeeld 12AB (of 12AB00 met vestigingsnummer)."))
        return value

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

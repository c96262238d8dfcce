"""The dashboard's filters: a school year and, for the report, which schools to rank.

Anything else (text, a huge number, a year far away) is refused with a Dutch message and the
page falls back to the current school year: a filter can never cause an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from schools import schoolyear

SCOPES = [("pipeline", _("Scholen in de pijplijn (interesse, intake, gepland)")), ("all", _("Alle scholen"))]


def year_choices():
    return schoolyear.choices(back=5, ahead=1)


class YearForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Schooljaar"), coerce=int, choices=year_choices, required=False)

    def year(self) -> int:
        if self.is_valid() and self.cleaned_data.get("jaar"):
            return self.cleaned_data["jaar"]
        return schoolyear.current_school_year()


class ReportForm(YearForm):
    scope = forms.ChoiceField(label=_("Scholen"), choices=SCOPES, required=False)

    def ranking_scope(self) -> str:
        return (self.cleaned_data.get("scope") if self.is_valid() else "") or "pipeline"

"""The class lesson's admin form: only the aspects in the page's own language, as checkboxes.

Aspects are translatable snippets (seven per language); a Dutch lesson linked to an English
aspect would show English on a Dutch page, so the choice is limited in the form (checked on
save as well, not only hidden)."""

from django import forms

from .forms import ProgrammePartForm


class ClassLessonForm(ProgrammePartForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("aspects")
        if field is None:
            return
        locale_id = self.instance.locale_id or getattr(getattr(self, "parent_page", None), "locale_id", None)
        if locale_id:
            field.queryset = field.queryset.filter(locale_id=locale_id)
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)

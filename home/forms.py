"""Admin forms of the kernel's models."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class FooterSettingsForm(WagtailAdminModelForm):
    """Refuses two footer texts in one language with a Dutch message (instead of a database error)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("texts")
        if formset is not None:
            languages = [
                form.cleaned_data.get("language")
                for form in formset.forms
                if form.is_valid() and form.cleaned_data and not formset._should_delete_form(form)
            ]
            if len(languages) != len(set(languages)):
                self.add_error(None, _("Elke taal kan maar één voettekst hebben: verwijder de dubbele taal."))
        return cleaned

"""The admin form of programme parts: a number may occur only once within its programme."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ProgrammePartForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number is not None and self.parent_page is not None:
            model = type(self.instance)
            clash = (model.objects.child_of(self.parent_page).filter(number=number)
                     .exclude(pk=self.instance.pk).only("title").first())
            if clash:
                self.add_error("number", _("In dit programma heeft ‘%(title)s’ al nummer %(number)s. Kies een ander nummer.")
                               % {"title": clash.title, "number": number})
        return cleaned_data

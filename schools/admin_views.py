"""Admin view: invite a teacher for one groep (or add an existing account to it at once)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import Groep


class GroepInviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Werk-e-mailadres"))
    first_name = forms.CharField(label=gettext_lazy("Voornaam"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Achternaam"), max_length=150)


def invite_for_groep(request, pk):
    if not (request.user.has_perm("accounts.add_invitation") and request.user.has_perm("schools.change_groep")):
        raise PermissionDenied
    groep = get_object_or_404(Groep.objects.select_related("school"), pk=pk)
    form = GroepInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.invite_teacher_for_groep(groep, invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            from wagtail.admin import messages

            email = form.cleaned_data["email"]
            if outcome == "added":
                messages.success(request, _("%(email)s heeft al een account en is aan %(groep)s toegevoegd.") % {"email": email, "groep": groep.name})
            else:
                messages.success(request, _("Uitnodiging verstuurd naar %(email)s; na het aanmaken van het account hoort deze leerkracht bij %(groep)s.")
                                 % {"email": email, "groep": groep.name})
            return redirect("groepen:index")
    return TemplateResponse(request, "schools/admin/groep_invite.html", {"form": form, "groep": groep})

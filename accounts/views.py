"""Invitation acceptance: a teacher sets a name and password and lands on "Mijn groepen"."""

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import InvitationAcceptForm

# Where a new teacher lands; the schools app provides "Mijn groepen" (a name, not an import).
ACCEPTED_URL = getattr(settings, "INVITATION_ACCEPTED_URL", "schools:my_groepen")


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request, token):
    invitation = services.find_invitation(token)
    try:
        services.check_usable(invitation)
    except ValidationError as error:
        return render(request, "accounts/invitation_invalid.html", {"error": error.messages[0]}, status=410 if invitation else 404)

    form = InvitationAcceptForm(
        request.POST or None, email=invitation.email,
        initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                invitation, password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"], last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            return render(request, "accounts/invitation_invalid.html", {"error": error.messages[0]}, status=410)
        login(request, user, backend="accounts.backends.UserBackend")
        return redirect(resolve_url(ACCEPTED_URL))
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})

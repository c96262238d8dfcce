from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from home.validators import reject_invisible_characters

from .login_names import normalise_login


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, labelled for an e-mail address and with browser autofill hints."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw."),
    }

    def clean_username(self):
        return normalise_login(self.cleaned_data["username"])


class InvitationAcceptForm(forms.Form):
    """Name and a new password (checked by the site's password validators)."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150, validators=[reject_invisible_characters],
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, validators=[reject_invisible_characters],
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"), strip=False, help_text=_("Minstens 10 tekens; niet alleen cijfers en niet te gewoon."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Herhaal het wachtwoord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email="", **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        from django.contrib.auth import password_validation

        from .models import User

        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif password1:
            probe = User(email=self.email, first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", ""))
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

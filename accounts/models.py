"""The project's user model: adults only (teachers and coordinators), identified by work e-mail.

Custom from the first migration so that later changes (e.g. invitations, roles) need no
swap of ``AUTH_USER_MODEL``. Carers never get an account: they stay anonymous.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError(_("Een e-mailadres is verplicht."))
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A teacher or coordinator. Logs in with their work e-mail address."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class Invitation(models.Model):
    """A single-use link that lets a teacher create their account (valid for 7 days).

    Only a SHA-256 hash of the token is stored: a database leak reveals no usable links.
    """

    email = models.EmailField(_("e-mailadres"))
    first_name = models.CharField(_("voornaam"), max_length=150)
    last_name = models.CharField(_("achternaam"), max_length=150)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        "accounts.User", verbose_name=_("uitgenodigd door"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    user = models.ForeignKey(
        "accounts.User", verbose_name=_("account"), null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    def clean(self):
        if self.email and not self.pk and User.objects.filter(email__iexact=self.email.strip()).exists():
            from django.core.exceptions import ValidationError

            raise ValidationError({"email": _("Er bestaat al een account met dit e-mailadres.")})

    @property
    def is_expired(self) -> bool:
        from django.utils import timezone

        return timezone.now() >= self.expires_at

    @property
    def status_label(self) -> str:
        if self.accepted_at:
            return _("Geaccepteerd")
        return _("Verlopen") if self.is_expired else _("Open")

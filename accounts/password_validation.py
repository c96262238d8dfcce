"""Django's password validators with the site's own Dutch messages.

Django's Dutch catalogue lags behind its English source (5.2 reworded "This password is too
short…", so teachers accepting an invitation saw English). The rules stay Django's; only the
messages are ours, as Dutch source strings translated like the rest of the site. Every
validator in ``AUTH_PASSWORD_VALIDATORS`` comes from here (a test walks the setting).
"""

from django.contrib.auth import password_validation as django_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort: gebruik minstens %d teken.",
            "Dit wachtwoord is te kort: gebruik minstens %d tekens.",
            self.min_length,
        ) % self.min_length

    def get_help_text(self):
        return ngettext(
            "Uw wachtwoord moet minstens %(min_length)d teken lang zijn.",
            "Uw wachtwoord moet minstens %(min_length)d tekens lang zijn.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(django_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("Dit wachtwoord lijkt te veel op uw %(verbose_name)s. Kies een wachtwoord dat daar niet op lijkt.")

    def get_help_text(self):
        return _("Uw wachtwoord mag niet op uw naam of e-mailadres lijken.")


class CommonPasswordValidator(django_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord wordt te vaak gebruikt en is daardoor makkelijk te raden.")

    def get_help_text(self):
        return _("Uw wachtwoord mag geen veelgebruikt wachtwoord zijn.")


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord bestaat alleen uit cijfers. Gebruik ook letters.")

    def get_help_text(self):
        return _("Uw wachtwoord mag niet alleen uit cijfers bestaan.")

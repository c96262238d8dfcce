"""The household's language: chosen once, remembered for the household, not only the device.

Carers have no account, so the language used to live only in the device's language cookie; on
a second device (where the carer types the resume code) it was forgotten. The household keeps
it now. What counts as a choice:

- the code page opened under a language prefix (``/ar/ouders/``: the carer picked it from the
  list there, or the QR letter in that language led there), or a device whose language cookie
  already says so (also for Dutch);
- a language picked in the switcher while the visitor has a household (the switcher link
  carries ``home.languages.CHOICE_PARAM``, the kernel's middleware calls the
  ``carer_language_chosen`` hook registered in ``schools.wagtail_hooks``).

A plain Dutch code page on a fresh device is no choice: the household's language (if any)
then decides where the carer continues.
"""

from django.conf import settings
from django.utils import translation

from .models import Household


def choose(household: Household, language_code: str) -> None:
    """Store ``language_code`` as the household's language (one UPDATE, only when it changes)."""
    if language_code in dict(settings.LANGUAGES) and household.language != language_code:
        household.language = language_code
        Household.objects.filter(pk=household.pk).update(language=language_code)


def explicit_choice(request) -> str:
    """The language this request shows a choice for, or "" (see the module docstring)."""
    current = translation.get_language()
    if current != settings.LANGUAGE_CODE:
        return current
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) == current:
        return current
    return ""


def language_on_entry(request, household: Household) -> str:
    """The language the carer continues in after entering a code, stored on the household.

    An explicit choice on this device wins and is remembered; otherwise the household's own
    language (chosen earlier, maybe on another device); otherwise the code page's language.
    """
    chosen = explicit_choice(request)
    if chosen:
        choose(household, chosen)
        return chosen
    return household.language or translation.get_language()

"""App defaults; override in settings when needed."""

from django.conf import settings

# Carer code / resume code entry: wrong codes per IP address per window (right codes do not count).
CODE_ATTEMPTS = getattr(settings, "SCHOOLS_CODE_ATTEMPTS", 10)
CODE_WINDOW_SECONDS = getattr(settings, "SCHOOLS_CODE_WINDOW_SECONDS", 15 * 60)
# Public "Aanmelden" form: registrations per IP address per window.
REGISTER_ATTEMPTS = getattr(settings, "SCHOOLS_REGISTER_ATTEMPTS", 3)
REGISTER_WINDOW_SECONDS = getattr(settings, "SCHOOLS_REGISTER_WINDOW_SECONDS", 60 * 60)
# Teachers may change or remove a registered lesson this many days after logging it.
EDIT_DAYS = getattr(settings, "SCHOOLS_DELIVERY_EDIT_DAYS", 14)
# Household cookie
HOUSEHOLD_COOKIE = getattr(settings, "SCHOOLS_HOUSEHOLD_COOKIE", "bounce_thuis")
HOUSEHOLD_COOKIE_AGE = getattr(settings, "SCHOOLS_HOUSEHOLD_COOKIE_AGE", 60 * 60 * 24 * 365)

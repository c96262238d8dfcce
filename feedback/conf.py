"""App defaults; override in settings when needed (the dashboard reads the same thresholds)."""

from django.conf import settings

# "Aandacht nodig": a lesson needs attention when its mean rapportcijfer is below this ...
ATTENTION_GRADE = getattr(settings, "FEEDBACK_ATTENTION_GRADE", 6.0)
# ... or the mean of one of its 1-5 statements is below this ...
ATTENTION_SCALE = getattr(settings, "FEEDBACK_ATTENTION_SCALE", 3.0)
# ... or this share (0-1) of its responses skipped or changed one and the same exercise.
ATTENTION_SKIP_SHARE = getattr(settings, "FEEDBACK_ATTENTION_SKIP_SHARE", 0.5)
# A figure about carers (and every figure in the analysis) rests on at least this many responses.
MIN_RESPONSES = getattr(settings, "FEEDBACK_MIN_RESPONSES", 5)
# Teachers may change their lesson feedback this many days after giving it.
EDIT_DAYS = getattr(settings, "FEEDBACK_EDIT_DAYS", 14)
# Carer form: submissions per client address per window.
CARER_ATTEMPTS = getattr(settings, "FEEDBACK_CARER_ATTEMPTS", 30)
CARER_WINDOW_SECONDS = getattr(settings, "FEEDBACK_CARER_WINDOW_SECONDS", 60 * 60)

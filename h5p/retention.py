"""Retention of learners' typed answers in the H5P app (see ``manage.py purge_free_text``).

Raw statements may carry typed answers, so old ones are deleted whole; attempts keep their
scores, and their per-question rows keep scores but lose the typed response. Resume states
hold whatever a learner typed into an activity they left unfinished: a state not saved since
the cut-off is deleted (the learner starts that activity afresh).
"""

from .models import H5PAttemptResult, H5PState, H5PStatement


def purge(before, dry_run=False) -> dict[str, int]:
    statements = H5PStatement.objects.filter(created_at__lt=before)
    responses = H5PAttemptResult.objects.filter(attempt__created_at__lt=before).exclude(response="")
    states = H5PState.objects.filter(updated_at__lt=before)
    counts = {
        "ruwe xAPI-statements": statements.count(),
        "getypte antwoorden": responses.count(),
        "H5P-tussenstanden": states.count(),
    }
    if not dry_run:
        responses.update(response="")
        statements.delete()
        states.delete()
    return counts

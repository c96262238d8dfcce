"""Retention of learners' typed answers in the H5P app (see ``manage.py purge_free_text``).

Raw statements may carry typed answers, so old ones are deleted whole; attempts keep their
scores, and their per-question rows keep scores but lose the typed response.
"""

from .models import H5PAttemptResult, H5PStatement


def purge(before, dry_run=False) -> dict[str, int]:
    statements = H5PStatement.objects.filter(created_at__lt=before)
    responses = H5PAttemptResult.objects.filter(attempt__created_at__lt=before).exclude(response="")
    counts = {"ruwe xAPI-statements": statements.count(), "getypte antwoorden": responses.count()}
    if not dry_run:
        responses.update(response="")
        statements.delete()
    return counts

"""Database sessions (``SESSION_ENGINE = "home.sessions"``) that read their row with SQL built once.

The same table, rows and behaviour as ``django.contrib.sessions.backends.db``; only the read
every request with a session cookie makes skips the ORM's query building
(``home.prepared_rows`` says why). Sessions stay in the database and not in Redis: a logout
while Redis is unreachable must not come back when it returns (docs/deploy.md).
"""

from django.contrib.sessions.backends import db
from django.utils import timezone

from .prepared_rows import RowByLookups

LIVE_SESSION = RowByLookups("sessions.Session", "session_key", "expire_date__gt")


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = LIVE_SESSION.get(self.session_key, timezone.now())
        if session is None:
            self._session_key = None
        return session

"""Django's PostgreSQL backend, but the per-request health check reads the socket, not the server.

With ``CONN_HEALTH_CHECKS`` Django asks a reused connection ``SELECT 1`` before the first query
of every request, so that a connection the server dropped (a restart, ``pg_terminate_backend``,
an idle timeout, a proxy) is replaced instead of failing that request with a 500. On an xAPI
post that check is one of four statements: a round trip and a fifth of PostgreSQL's work.

A connection the server has closed has something to read while it sits idle: the server's
``FATAL`` message and the end of the stream (the kernel delivers both at once, also when the
server process is killed). So an idle connection whose socket has nothing to read is usable as
far as ``SELECT 1`` could tell; one that has something to read, is inside a transaction or that
psycopg already knows to be closed or broken gets Django's own check. The cases no check can
tell in advance (the server host vanishing from the network) are the same for both.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != pq.TransactionStatus.IDLE or _has_input(connection.fileno()):
            return super().is_usable()
        return True


def _has_input(fileno) -> bool:
    """Whether the socket has bytes (or the end of the stream) waiting, without waiting itself.
    ``poll``, not ``select``: a worker's descriptors may number more than ``select`` takes."""
    poller = select.poll()
    poller.register(fileno, select.POLLIN)
    return bool(poller.poll(0))

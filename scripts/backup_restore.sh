#!/usr/bin/env bash
# Tested restore: dump a database with pg_dump (custom format), restore it with pg_restore into
# a fresh database, and compare row counts of the tables that matter. Exits non-zero on any
# difference. Defaults to throwaway names on the local PostgreSQL; never touches others' data.
#   SOURCE_URL   database to back up   (default postgres://postgres@127.0.0.1:5432/h_prod_bench,
#                                        the demo database make bench loads)
#   RESTORE_URL  database to restore into; dropped and re-created first
#                                       (default postgres://postgres@127.0.0.1:5432/h_prod_restore)
set -euo pipefail
SOURCE_URL=${SOURCE_URL:-postgres://postgres@127.0.0.1:5432/h_prod_bench}
RESTORE_URL=${RESTORE_URL:-postgres://postgres@127.0.0.1:5432/h_prod_restore}
ADMIN_URL=${RESTORE_URL%/*}/postgres
RESTORE_DB=${RESTORE_URL##*/}
DUMP=$(mktemp --suffix=.dump)
trap 'rm -f "$DUMP"' EXIT

pg_dump --format=custom --no-owner --dbname="$SOURCE_URL" --file="$DUMP"
echo "backup: $(du -h "$DUMP" | cut -f1) in $DUMP"
psql "$ADMIN_URL" -qAtc "DROP DATABASE IF EXISTS \"$RESTORE_DB\"" -c "CREATE DATABASE \"$RESTORE_DB\""
pg_restore --no-owner --exit-on-error --dbname="$RESTORE_URL" "$DUMP"

TABLES="wagtailcore_page wagtailcore_revision accounts_user schools_school schools_groep h5p_h5pactivity h5p_h5pstatement django_migrations"
status=0
for table in $TABLES; do
  source_rows=$(psql "$SOURCE_URL" -qAtc "SELECT count(*) FROM $table")
  restored_rows=$(psql "$RESTORE_URL" -qAtc "SELECT count(*) FROM $table")
  printf '%-24s %8s %8s\n' "$table" "$source_rows" "$restored_rows"
  [ "$source_rows" = "$restored_rows" ] || status=1
done
[ $status = 0 ] && echo "restore OK: every table has the same rows" || echo "RESTORE DIFFERS" >&2
exit $status

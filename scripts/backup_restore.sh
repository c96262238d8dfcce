#!/usr/bin/env bash
# Tested restore: dump a database with pg_dump (custom format), restore it with pg_restore into
# a fresh database, and compare every table (row count and a checksum of the rows' text, so a
# restore that mangles an encoding or a JSON value is caught, not only one that loses rows) and
# every sequence (so new rows after a restore do not collide with restored ones). Exits non-zero
# on any difference. Defaults to throwaway names on the local PostgreSQL; never touches others'
# data. tests/production/test_backup_restore.py runs it on both suite runs.
#   SOURCE_URL   database to back up   (default postgres://postgres@127.0.0.1:5432/h_prod_bench,
#                                        the demo database make bench loads)
#   RESTORE_URL  database to restore into; dropped and re-created first, so it may never be the
#                source         (default postgres://postgres@127.0.0.1:5432/h_prod_restore)
set -euo pipefail
SOURCE_URL=${SOURCE_URL:-postgres://postgres@127.0.0.1:5432/h_prod_bench}
RESTORE_URL=${RESTORE_URL:-postgres://postgres@127.0.0.1:5432/h_prod_restore}
RESTORE_BASE=${RESTORE_URL%%\?*}                      # without ?sslmode=... and the like
RESTORE_QUERY=${RESTORE_URL#"$RESTORE_BASE"}
ADMIN_URL=${RESTORE_BASE%/*}/postgres$RESTORE_QUERY
RESTORE_DB=${RESTORE_BASE##*/}

# The same server (its system identifier) and the same database name: refuse, before dropping.
server_and_db() { psql "$1" -qAtc "SELECT system_identifier || '/' || $2 FROM pg_control_system()" 2>/dev/null; }
source_id=$(server_and_db "$SOURCE_URL" "current_database()") || {
  echo "backup_restore: cannot read the source database ($SOURCE_URL)" >&2; exit 2; }
restore_id=$(server_and_db "$ADMIN_URL" "'$RESTORE_DB'") || {
  echo "backup_restore: cannot reach the restore server ($ADMIN_URL)" >&2; exit 2; }
if [ "$source_id" = "$restore_id" ]; then
  echo "backup_restore: RESTORE_URL names the source database; it would be dropped" >&2
  exit 2
fi

DUMP=$(mktemp --suffix=.dump)
trap 'rm -f "$DUMP"' EXIT

pg_dump --format=custom --no-owner --dbname="$SOURCE_URL" --file="$DUMP"
echo "backup: $(du -h "$DUMP" | cut -f1) in $DUMP"
psql "$ADMIN_URL" -qAt -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$RESTORE_DB\"" -c "CREATE DATABASE \"$RESTORE_DB\""
pg_restore --no-owner --exit-on-error --dbname="$RESTORE_URL" "$DUMP"

# One line per table (name, rows, checksum of the rows' text in a fixed order) and per sequence.
TABLE_FINGERPRINTS="
DO \$\$ DECLARE t text; r record; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
    EXECUTE format('SELECT count(*) AS n, coalesce(md5(string_agg(x::text, E''\\n'' ORDER BY x::text)), ''-'') AS sum FROM %I x', t) INTO r;
    RAISE NOTICE 'table % % %', t, r.n, r.sum;
  END LOOP;
  FOR r IN SELECT sequencename, coalesce(last_value, 0) AS n FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1 LOOP
    RAISE NOTICE 'sequence % %', r.sequencename, r.n;
  END LOOP;
END \$\$;"
fingerprints() { psql "$1" -qAt -c "$TABLE_FINGERPRINTS" 2>&1 | sed -n 's/^NOTICE:  //p'; }
source_prints=$(fingerprints "$SOURCE_URL")
restored_prints=$(fingerprints "$RESTORE_URL")

echo "$source_prints" | awk '{printf "%-9s %-44s %10s\n", $1, $2, $3}'
if [ -n "$source_prints" ] && [ "$source_prints" = "$restored_prints" ]; then
  echo "restore OK: $(echo "$source_prints" | grep -c '^table') tables and $(echo "$source_prints" | grep -c '^sequence') sequences the same"
  exit 0
fi
echo "RESTORE DIFFERS:" >&2
diff <(echo "$source_prints") <(echo "$restored_prints") >&2 || true
exit 1

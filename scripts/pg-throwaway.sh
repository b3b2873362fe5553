#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#
#   scripts/pg-throwaway.sh <command> [args…]
#
# initdb in a fresh temp directory, start it on a free port on 127.0.0.1 (and a socket in that
# directory, so the machine's own PostgreSQL is never touched), export TEST_DATABASE_URL, run the
# command, then stop the cluster and delete the directory whatever happens. The exit code is the
# command's.
#
# Why a cluster of our own: CI and a developer's machine then run the PostgreSQL pass the same
# way, with no service to configure and nothing left behind. Durability is switched off because
# the data lives for one test run.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/pg-throwaway.sh <command> [args…]" >&2
  exit 2
fi

# The newest installed server version; Debian puts each under /usr/lib/postgresql/<major>/bin.
pg_bin=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && pg_bin="$dir"
done
if [ -z "$pg_bin" ]; then
  echo "pg-throwaway: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)" >&2
  exit 3
fi

# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "pg-throwaway: running as root but there is no 'postgres' user to own the cluster" >&2
    exit 3
  fi
  as_owner=(runuser -u postgres --)
fi

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

dir="$(mktemp -d /tmp/civic-pg.XXXXXX)"
chmod 700 "$dir"
[ "${#as_owner[@]}" -gt 0 ] && chown postgres: "$dir"
port="$(free_port)"

cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "pg-throwaway: initdb failed" >&2
  exit 3
}
# Each test file opens its own database with a couple of pools, and two vitest projects run at
# once: allow more connections than the default 100.
options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$options" -w -t 60 start >/dev/null || {
  cat "$dir/server.log" >&2
  echo "pg-throwaway: the server did not start" >&2
  exit 3
}

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "pg-throwaway: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir, removed afterwards)" >&2

status=0
"$@" || status=$?
exit "$status"

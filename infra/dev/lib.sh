# Shared by infra/dev/up, infra/dev/test, infra/keycloak/kc and .ci/run. Source it; it defines functions and
# a few variables and starts nothing by itself.
#
# Decisions, so that nobody has to rediscover them:
# - JDK: the build targets Java 25 (maven.compiler.release), so we look for a JDK >= 25 ourselves instead of
#   trusting the default `java` (17 on these machines); `infra/dev/jdk COMMAND` runs any command with it.
# - PostgreSQL and Redis: a server already listening on 127.0.0.1:5432 / :6379 is used as it is (the
#   service machines start both). Otherwise we start the Debian packages' servers, installing them with
#   apt-get when missing (PostgreSQL then gets trust auth on 127.0.0.1, like the service machines). We chose
#   the distribution packages over an embedded launcher because they are the same servers and versions the
#   service machines run, and they keep data between runs in the usual place (/var/lib/postgresql).

GONGKAI_ROOT=${GONGKAI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
GONGKAI_CACHE=${GONGKAI_CACHE:-$HOME/.cache/gongkai}
GONGKAI_PG_HOST=${GONGKAI_PG_HOST:-127.0.0.1}
GONGKAI_PG_PORT=${GONGKAI_PG_PORT:-5432}
GONGKAI_PG_USER=${GONGKAI_PG_USER:-postgres}
GONGKAI_REDIS_HOST=${GONGKAI_REDIS_HOST:-127.0.0.1}
GONGKAI_REDIS_PORT=${GONGKAI_REDIS_PORT:-6379}
GONGKAI_KEYCLOAK_PORT=${GONGKAI_KEYCLOAK_PORT:-8180}
GONGKAI_KEYCLOAK_URL=http://127.0.0.1:$GONGKAI_KEYCLOAK_PORT
export GONGKAI_ROOT GONGKAI_CACHE GONGKAI_PG_HOST GONGKAI_PG_PORT GONGKAI_PG_USER GONGKAI_REDIS_HOST \
  GONGKAI_REDIS_PORT GONGKAI_KEYCLOAK_PORT GONGKAI_KEYCLOAK_URL

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts a TCP connection there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_http URL SECONDS [PID]: wait for a 2xx answer; give up early when PID (a process we started) died.
wait_http() {
  local url=$1 seconds=$2 pid=${3:-} i
  for ((i = 0; i < seconds; i++)); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 1
  done
  return 1
}

# java_major JAVA_BIN: prints the feature version (17, 21, 25, ...) or nothing.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# find_jdk: sets and exports JAVA_HOME to a JDK >= 25 (the build's release) and puts it first on PATH.
find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
  for c in /usr/lib/jvm/*; do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME=$c
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "no JDK >= 25 found (looked at \$JAVA_HOME, /usr/lib/jvm/temurin-25-jdk-amd64 and /usr/lib/jvm/*).
Install one, e.g. Temurin 25, or set JAVA_HOME to it."
}

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null || die "need to install $* but there is no apt-get here; install it yourself"
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
    apt_updated=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

# ensure_postgres and ensure_redis set GONGKAI_STARTED_PG (the cluster version) and GONGKAI_STARTED_REDIS when
# they had to start a server, so that a caller can stop what it started.
GONGKAI_STARTED_PG=""
GONGKAI_STARTED_REDIS=""

# ensure_postgres: a PostgreSQL on $GONGKAI_PG_HOST:$GONGKAI_PG_PORT that accepts user postgres without password.
ensure_postgres() {
  if port_open "$GONGKAI_PG_HOST" "$GONGKAI_PG_PORT"; then
    log "PostgreSQL: using the server on $GONGKAI_PG_HOST:$GONGKAI_PG_PORT"
    return 0
  fi
  [ "$GONGKAI_PG_HOST" = 127.0.0.1 ] || die "PostgreSQL at $GONGKAI_PG_HOST:$GONGKAI_PG_PORT is not reachable"
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt_install postgresql
  fi
  local ver
  ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  [ -n "$ver" ] || die "PostgreSQL is installed but has no cluster under /etc/postgresql"
  # Trust on loopback, as on the service machines: a developer database, never a production one.
  local hba=/etc/postgresql/$ver/main/pg_hba.conf
  if ! grep -q '^# gongkai: trust loopback' "$hba"; then
    { echo '# gongkai: trust loopback'; echo 'host all all 127.0.0.1/32 trust'; echo 'host all all ::1/128 trust'
      cat "$hba"; } >"$hba.new" && mv "$hba.new" "$hba"
  fi
  if pg_ctlcluster "$ver" main status >/dev/null 2>&1; then
    # Running (the package's install starts it where it can) but not on our port yet: take the new hba.
    pg_ctlcluster "$ver" main reload
  else
    log "PostgreSQL: starting cluster $ver/main"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || pg_ctlcluster "$ver" main start ||
      die "could not start PostgreSQL $ver/main"
    GONGKAI_STARTED_PG=$ver
  fi
  local i
  for ((i = 0; i < 30; i++)); do port_open "$GONGKAI_PG_HOST" "$GONGKAI_PG_PORT" && return 0; sleep 1; done
  die "PostgreSQL $ver/main started but does not listen on $GONGKAI_PG_HOST:$GONGKAI_PG_PORT"
}

psql_admin() {
  command -v psql >/dev/null || apt_install postgresql-client
  psql -X -q -v ON_ERROR_STOP=1 -h "$GONGKAI_PG_HOST" -p "$GONGKAI_PG_PORT" -U "$GONGKAI_PG_USER" -d postgres "$@"
}

# ensure_database NAME: creates it when absent.
ensure_database() {
  local db=$1
  if [ "$(psql_admin -tAc "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    log "PostgreSQL: creating database $db"
    psql_admin -c "create database \"$db\""
  fi
}

drop_database() {
  log "PostgreSQL: dropping database $1"
  psql_admin -c "drop database if exists \"$1\" with (force)"
}

# ensure_redis: a Redis on $GONGKAI_REDIS_HOST:$GONGKAI_REDIS_PORT.
ensure_redis() {
  if port_open "$GONGKAI_REDIS_HOST" "$GONGKAI_REDIS_PORT"; then
    log "Redis: using the server on $GONGKAI_REDIS_HOST:$GONGKAI_REDIS_PORT"
    return 0
  fi
  [ "$GONGKAI_REDIS_HOST" = 127.0.0.1 ] || die "Redis at $GONGKAI_REDIS_HOST:$GONGKAI_REDIS_PORT is not reachable"
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$GONGKAI_CACHE/redis"
  log "Redis: starting redis-server on port $GONGKAI_REDIS_PORT (data in $GONGKAI_CACHE/redis)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$GONGKAI_REDIS_PORT" --dir "$GONGKAI_CACHE/redis" \
    --logfile "$GONGKAI_CACHE/redis/redis.log" --save 60 1 --appendonly no ||
    die "could not start redis-server"
  GONGKAI_STARTED_REDIS=1
  local i
  for ((i = 0; i < 20; i++)); do port_open "$GONGKAI_REDIS_HOST" "$GONGKAI_REDIS_PORT" && return 0; sleep 0.5; done
  die "redis-server started but does not listen on $GONGKAI_REDIS_HOST:$GONGKAI_REDIS_PORT"
}

# ensure_browser: Chromium, ChromeDriver and a CJK font for the browser tests (Debian packages).
ensure_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

#!/usr/bin/env bash
# A real, seeded WordPress for the contract tests, from Debian's packages only.
#
#   scripts/wordpress/setup.sh            install what is missing, (re)seed when the seed changed
#   scripts/wordpress/setup.sh --remove   drop this checkout's database, user and work directory
#
# Idempotent: a second run with nothing changed only checks and returns. Runs as root (apt-get, and
# MariaDB's root account over the unix socket). Serve the result with scripts/wordpress/serve.sh.
#
# Layout: Debian's package keeps code in /usr/share/wordpress and per-host configs in /etc/wordpress. We
# leave both untouched: the site is a copy of /usr/share/wordpress in the work directory with its own
# wp-config.php, its own wp-content (uploads) and its own database, so several checkouts on one machine
# never share state.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK_DIR="${WORDPRESS_WORK_DIR:-$REPO/.wordpress}"
SITE_DIR="$WORK_DIR/site"
# Two themes because they end automatic excerpts differently: twentytwentyone (the seeded site's theme)
# with a "Continue reading" link, twentytwentythree with WordPress's own [&hellip;].
SITE_PACKAGES=(wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentythree php-cli php-mysql php-gd)
# MariaDB normally runs on these machines already; installed here only where it is missing.
PACKAGES=("${SITE_PACKAGES[@]}" mariadb-server)
MARIADB_WAIT_SECONDS=30

log() { printf 'wordpress-setup: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it installs Debian packages and uses MariaDB's root account over the socket)"

mkdir -p "$WORK_DIR"
WORK_DIR="$(cd "$WORK_DIR" && pwd -P)"
SITE_DIR="$WORK_DIR/site"
# One database per work directory: two checkouts on one machine never seed over each other.
DB_NAME="newsroom_wp_$(printf '%s' "$WORK_DIR" | sha1sum | cut -c1-10)"
DB_USER="$DB_NAME"

# Two runs in one checkout (a test run and a manual setup) take turns instead of seeding over each other.
exec 9>"$WORK_DIR/.setup.lock"
flock -w 300 9 || die "another setup in $WORK_DIR held the lock for 5 minutes"

mariadb_root() { mariadb --protocol=socket -uroot --batch --skip-column-names "$@"; }

ensure_mariadb() {
  if mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; then return; fi
  log "starting MariaDB"
  install -d -o mysql -g mysql -m 0755 /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 $((MARIADB_WAIT_SECONDS * 10))); do
    mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1 && return
    sleep 0.1
  done
  die "MariaDB did not answer within ${MARIADB_WAIT_SECONDS}s"
}

if [ "${1:-}" = "--remove" ]; then
  ensure_mariadb
  mariadb_root -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; DROP USER IF EXISTS '$DB_USER'@'localhost';"
  rm -rf "$SITE_DIR" "$WORK_DIR/manifest.json" "$WORK_DIR"/*.log "$WORK_DIR/.db-password" "$WORK_DIR/preview-app-password"
  log "removed database $DB_NAME, its user and $WORK_DIR's site"
  exit 0
fi
[ $# -eq 0 ] || die "unknown argument: $1 (the only option is --remove)"

installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "$@" >"$WORK_DIR/apt-install.log" 2>&1
}

ensure_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do installed "$package" || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  local policy
  policy="$(apt-cache policy "${missing[@]}" 2>/dev/null || true)"
  # Every missing package needs a candidate; a machine that never ran apt-get update has none.
  if [ "$(grep -c 'Candidate: [0-9]' <<<"$policy")" -ne ${#missing[@]} ]; then
    log "no package lists yet: apt-get update"
    apt-get update -qq
  fi
  # The wordpress package pulls in apache2; we serve with PHP's built-in server, so apache2 must not be
  # started by its install script. Docker-style images already forbid that with policy-rc.d.
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local started=$SECONDS status=0
  apt_install "${missing[@]}" || status=$?
  if [ $status -ne 0 ]; then
    # Old package lists name versions the mirror no longer has: refresh them once and try again.
    log "apt-get install failed; refreshing package lists and trying once more"
    apt-get update -qq && status=0 && apt_install "${missing[@]}" || status=$?
  fi
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ $status -eq 0 ] || { tail -n 30 "$WORK_DIR/apt-install.log" >&2; die "apt-get install failed (log: $WORK_DIR/apt-install.log)"; }
  log "installed in $((SECONDS - started))s"
}

# The copy is refreshed whenever an installed package changes, so a Debian security update is tested too.
ensure_site_copy() {
  local version
  version="$(dpkg-query -W -f='${Package}=${Version} ' "${SITE_PACKAGES[@]}" | sed 's/ $//')"
  if [ -f "$SITE_DIR/.package-version" ] && [ "$(cat "$SITE_DIR/.package-version")" = "$version" ]; then return; fi
  log "copying /usr/share/wordpress to $SITE_DIR"
  rm -rf "$SITE_DIR.tmp"
  cp -a /usr/share/wordpress "$SITE_DIR.tmp"
  # Debian's wp-config.php looks up /etc/wordpress/config-<host>.php; ours (written below) replaces it.
  rm -f "$SITE_DIR.tmp/wp-config.php" "$SITE_DIR.tmp/.htaccess"
  mkdir -p "$SITE_DIR.tmp/wp-content/uploads"
  printf '%s' "$version" >"$SITE_DIR.tmp/.package-version"
  rm -rf "$SITE_DIR"
  mv "$SITE_DIR.tmp" "$SITE_DIR"
}

# Must-use plugins: the test switches, and the purge plugin exactly as the repository ships it (it does
# nothing until NEWSROOM_GATEWAY_URL and NEWSROOM_GATEWAY_WEBHOOK_SECRET are set, per server process).
install_mu_plugins() {
  mkdir -p "$SITE_DIR/wp-content/mu-plugins"
  cp "$HERE/test-switches.php" "$SITE_DIR/wp-content/mu-plugins/newsroom-test-switches.php"
  cp "$REPO/integrations/wordpress/newsroom-gateway-purge.php" "$SITE_DIR/wp-content/mu-plugins/newsroom-gateway-purge.php"
}

ensure_database() {
  local password_file="$WORK_DIR/.db-password"
  [ -s "$password_file" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$password_file")
  local password
  password="$(cat "$password_file")"
  mariadb_root -e "
    CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$password';
    ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';"
}

write_wp_config() {
  local socket password
  socket="$(mariadb_root -e 'SELECT @@socket')"
  password="$(cat "$WORK_DIR/.db-password")"
  DB_NAME="$DB_NAME" DB_USER="$DB_USER" DB_PASSWORD="$password" DB_SOCKET="$socket" ERROR_LOG="$WORK_DIR/php-errors.log" \
    php "$HERE/write-wp-config.php" >"$SITE_DIR/wp-config.php.tmp"
  mv "$SITE_DIR/wp-config.php.tmp" "$SITE_DIR/wp-config.php"
}

seed_fingerprint() { cat "$HERE/seed.json" "$HERE/seed.php" "$SITE_DIR/.package-version" | sha1sum | cut -c1-40; }

ensure_seeded() {
  local wanted current
  wanted="$(seed_fingerprint)"
  current="$(mariadb_root "$DB_NAME" -e "SELECT option_value FROM wp_options WHERE option_name = 'newsroom_seed_fingerprint'" 2>/dev/null || true)"
  if [ "$current" = "$wanted" ] && [ -f "$WORK_DIR/manifest.json" ]; then
    log "site already seeded ($DB_NAME)"
    return
  fi
  log "installing WordPress and seeding $DB_NAME"
  # A fresh database every time the seed changes: ids and dates are then the same on every machine.
  mariadb_root -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  rm -rf "$SITE_DIR/wp-content/uploads" && mkdir -p "$SITE_DIR/wp-content/uploads"
  php "$HERE/seed.php" "$SITE_DIR" "$HERE/seed.json" "$wanted" >"$WORK_DIR/manifest.json.tmp"
  mv "$WORK_DIR/manifest.json.tmp" "$WORK_DIR/manifest.json"
}

# The editor's application password for the preview tests: kept while it still works, else made anew.
# Only in the work directory, readable by its owner only; never printed.
ensure_preview_login() {
  (umask 077 && php "$HERE/app-password.php" "$SITE_DIR" "$HERE/seed.json" "$WORK_DIR/preview-app-password")
}

ensure_packages
ensure_mariadb
ensure_site_copy
install_mu_plugins
ensure_database
write_wp_config
ensure_seeded
ensure_preview_login

log "ready: $SITE_DIR (database $DB_NAME, ids in $WORK_DIR/manifest.json, the preview editor's application password in $WORK_DIR/preview-app-password); serve it with scripts/wordpress/serve.sh [port]"

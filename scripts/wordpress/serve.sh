#!/usr/bin/env bash
# Serves the site that setup.sh prepared with PHP's built-in server, on loopback only, in the foreground.
#
#   scripts/wordpress/serve.sh [PORT]     (default 8088) -> http://127.0.0.1:PORT/wp-json/wp/v2/posts
#
# Request log on stderr. WORDPRESS_SERVER_WORKERS (default 4) PHP workers answer in parallel, as a real
# server would when the gateway sends its batches concurrently. WORDPRESS_THEME=<theme> and
# WORDPRESS_PERMALINKS=plain serve the same site under another theme or without pretty permalinks
# (see test-switches.php).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK_DIR="${WORDPRESS_WORK_DIR:-$REPO/.wordpress}"
SITE_DIR="$WORK_DIR/site"
PORT="${1:-8088}"

[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] || { echo "serve.sh: port must be 1 to 65535, got '$PORT'" >&2; exit 2; }
[ -f "$SITE_DIR/wp-config.php" ] || { echo "serve.sh: no site in $SITE_DIR; run scripts/wordpress/setup.sh first" >&2; exit 1; }

if [ -n "${WORDPRESS_THEME:-}" ] && [ ! -d "$SITE_DIR/wp-content/themes/$WORDPRESS_THEME" ]; then
  echo "serve.sh: WORDPRESS_THEME=$WORDPRESS_THEME is not installed in $SITE_DIR/wp-content/themes" >&2
  exit 1
fi

export PHP_CLI_SERVER_WORKERS="${WORDPRESS_SERVER_WORKERS:-4}"
php -S "127.0.0.1:$PORT" -t "$SITE_DIR" "$HERE/router.php" &
php_pid=$!
# PHP's server forks its workers; stopping only the parent would leave them serving as orphans. So a
# stop signal to this script stops the workers (the server's own children) and then the server.
stop() {
  kill -TERM $(pgrep -P "$php_pid") "$php_pid" 2>/dev/null || true
  wait "$php_pid" 2>/dev/null || true
}
trap 'stop; exit 0' TERM INT HUP
wait "$php_pid"

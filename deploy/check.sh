#!/usr/bin/env bash
# Syntax checks of every deployment file in deploy/ with the real tools (run by `make test`):
#   nginx -t        on deploy/nginx/*.conf inside a minimal main configuration, with a throw-away certificate
#   systemd-analyze verify  on deploy/systemd/*.service, with /srv/changmaotong mapped onto this checkout
# Under CI=true a missing tool fails; elsewhere it is reported and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0

missing() {
  if [ "${CI:-}" = "true" ]; then echo "deploy check: $1 is not installed (CI=true: failing)"; exit 1; fi
  echo "deploy check: $1 is not installed: skipped (apt-get install $2)"
}

if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  mkdir -p "$work/ssl" "$work/logs" "$work/conf.d" "$work/static"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=api.example.cn" \
    -keyout "$work/ssl/privkey.pem" -out "$work/ssl/fullchain.pem" >/dev/null 2>&1
  for conf in deploy/nginx/*.conf; do
    sed -e "s#/etc/ssl/changmaotong/#$work/ssl/#g" -e "s#/srv/changmaotong/#$root/#g" "$conf" >"$work/conf.d/$(basename "$conf")"
  done
  cat >"$work/nginx.conf" <<NGINX
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
  access_log $work/logs/access.log;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  include $work/conf.d/*.conf;
}
NGINX
  if "$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf"; then echo "deploy check: nginx -t ok"; else status=1; fi
else
  missing nginx nginx-light
fi

if command -v systemd-analyze >/dev/null 2>&1; then
  [ -x .venv/bin/uvicorn ] && [ -x .venv/bin/celery ] || { echo "deploy check: run 'uv sync' first (.venv missing)"; exit 1; }
  mkdir -p "$work/units"
  for unit in deploy/systemd/*.service; do
    sed -e "s#/srv/changmaotong#$root#g" -e "s#/etc/changmaotong/env#$root/deploy/env.example#g" \
      "$unit" >"$work/units/$(basename "$unit")"
  done
  # verify exits non-zero on errors but only warns about a value it cannot parse ("…, ignoring"); on these
  # self-contained units any message is a defect, so any output fails the check
  out="$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work"/units/*.service 2>&1)" || status=1
  if [ -n "$out" ]; then
    echo "$out" | sed 's/^/  systemd-analyze: /'; status=1
  else
    echo "deploy check: systemd-analyze verify ok"
  fi
else
  missing systemd-analyze systemd
fi

exit $status

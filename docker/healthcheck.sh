#!/usr/bin/env bash
# HTTP health probe for the service images, using bash's /dev/tcp so that the image needs no curl
# or wget. Usage: healthcheck [PATH] (default /readyz, readiness on the API port). Sends GET to
# 127.0.0.1:$SERVER_PORT and succeeds only on an HTTP 200 status line.
set -euo pipefail

path="${1:-/readyz}"
port="${SERVER_PORT:-8080}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status_line <&3
exec 3<&-

status_line="${status_line%$'\r'}"
[[ "$status_line" =~ ^HTTP/1\.[01]\ 200($|\ ) ]] || {
    echo "unhealthy: GET ${path} answered '${status_line}'" >&2
    exit 1
}

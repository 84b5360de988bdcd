#!/usr/bin/env bash
# Installs Debian's postgresql (for the integration tests) and chromium (for the browser tests)
# when they are missing. Safe to run again: it does nothing when both are there.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
echo "== installing ${need[*]} from Debian's packages"
sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

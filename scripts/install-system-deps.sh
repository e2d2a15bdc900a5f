#!/usr/bin/env bash
# Debian packages the project needs: PHP for the local WordPress, Chromium for the end-to-end tests.
set -euo pipefail
packages=(php-cli php-sqlite3 php-xml php-mbstring php-curl php-zip php-gd php-intl)
[[ "${1:-}" == "--no-browser" ]] || packages+=(chromium)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

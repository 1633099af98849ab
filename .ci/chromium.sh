#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the dashboard's browser tests (Playwright drives
# /usr/bin/chromium; its own browser download cannot work offline). The tests skip without them.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null
python3 -c "import playwright.sync_api" || python3 -m pip install -q "playwright>=1.44"

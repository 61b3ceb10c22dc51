#!/usr/bin/env bash
# Install Debian's chromium for the HTML report's browser test (tests/html.rs), unless
# it is already there, with a Chinese font (WenQuanYi Zen Hei, 7.5 MB) so that
# screenshots show the Chinese side as text rather than empty boxes. Needs root (CI
# containers run as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ] && fc-list :lang=zh | grep -q .; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-wqy-zenhei
/usr/bin/chromium --version

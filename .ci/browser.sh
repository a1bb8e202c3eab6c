#!/usr/bin/env bash
# Chromium for the browser test of examples/server (TestBoardPageInBrowser:
# the /board page signed in to, read and photographed in headless Chromium
# through chromedp). Installs Debian's chromium and fonts-liberation when they
# are missing (as root, or with sudo); does nothing when both are there. The
# test itself runs in examples/server's go test, which fails without Chromium
# when CI is set.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-liberation >/dev/null 2>&1; then
  echo "installing chromium and fonts-liberation (apt-get)"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
chromium --version

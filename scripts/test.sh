#!/usr/bin/env bash
# `npm test`: everything CI checks, in order of cost. Installs the Debian packages the tests need when they are
# missing and we run as root (CI does); otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

need_debian() { # package, file that proves it is installed
  [ -e "$2" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Debian package $1 (needed by the tests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "test: $2 is missing; install it with: sudo apt-get install $1" >&2
    exit 1
  fi
}

if [ -z "${CHROMIUM_PATH:-}" ]; then need_debian chromium /usr/bin/chromium; fi
# The default model is re-evaluated on the full Fashion-MNIST test set.
need_debian dataset-fashion-mnist /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz

npm run typecheck
npm run format:check
npm run test:unit
npm run build
npm run test:browser

#!/usr/bin/env bash
# Install translate-toolkit (an independent TMX/TBX implementation) into a virtual
# environment at target/tt-venv, for the interoperability tests in tests/interop.rs.
# Idempotent: an existing venv that already imports translate.storage is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/tt-venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'from translate.storage import tmx, tbx' 2>/dev/null; then
  echo "translate-toolkit already in $venv" >&2
  exit 0
fi
mkdir -p target
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check translate-toolkit
"$venv/bin/python" -c 'from translate.storage import tmx, tbx; import translate; print("translate-toolkit", translate.__version__.sver if hasattr(translate, "__version__") else "")' >&2

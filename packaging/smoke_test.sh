#!/usr/bin/env bash
# CI entry point: build the bundle from this checkout and smoke-test its binary headless
# (see packaging/smoke_test.py). Needs the project venv (.venv) or PYTHON set to a Python with
# Eventline's dependencies; installs the pinned PyInstaller into it when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
exec "$python" packaging/smoke_test.py "$@"

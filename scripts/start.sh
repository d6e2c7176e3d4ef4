#!/usr/bin/env bash
# `npm start`: install what the app needs, then serve it with Vite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npx vite --host 127.0.0.1 "$@"

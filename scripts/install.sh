#!/usr/bin/env bash
# Installs everything the tests and the demo need on a fresh Debian machine (as root):
# each scripts/install.d/*.sh fragment installs the tools of one area (apt, npm), then dotnet restore.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
require_dotnet
for f in scripts/install.d/*.sh; do
  [ -e "$f" ] || continue
  source "$f"
done
dotnet restore Proving.sln --verbosity quiet

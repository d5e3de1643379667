# Shared helpers for the scripts in this folder. Source it; do not run it.

# apt_install PKG...: installs the Debian packages that are not installed yet (needs root).
apt_install() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "[install] apt: ${missing[*]}" >&2
  if [ -z "${PROVING_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    export PROVING_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# enable_nonfree: adds Debian's non-free component (for libnvrtc) to apt's sources, once.
enable_nonfree() {
  local f=/etc/apt/sources.list.d/debian.sources
  if [ -f "$f" ] && ! grep -q 'non-free' "$f"; then
    sed -i -E '/^Components:/{/(^| )non-free( |$)/!s/$/ non-free/}' "$f"
    unset PROVING_APT_UPDATED
  fi
}

# npm_tools: installs the Node.js tools pinned in tools/package-lock.json (anvil, snarkjs, circom2, solc).
npm_tools() {
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ ! -d "$root/tools/node_modules" ] || [ "$root/tools/package-lock.json" -nt "$root/tools/node_modules/.package-lock.json" ]; then
    echo "[install] npm ci in tools/" >&2
    # npm 11 rejects this lock in `npm ci` ("Missing: @foundry-rs/anvil-darwin-amd64") because anvil's
    # other-platform optional packages are not in it; `npm install` resolves the same pinned versions.
    (cd "$root/tools" && { npm ci --no-audit --no-fund --loglevel=error >&2 \
      || npm install --no-audit --no-fund --loglevel=error >&2; })
  fi
}

# require_dotnet: fails with a clear message when the .NET 10 SDK is missing.
require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "error: the .NET 10 SDK is required (dotnet on PATH); see README.md" >&2
    exit 1
  fi
}

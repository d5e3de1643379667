# Groth16 area: util-linux's script(1) (Debian bsdutils, essential but checked anyway) gives the CLI progress test a
# real pseudo-terminal; the SHA-256 fixture (tests/fixtures/cache/sha256_64, git-ignored, kept once made) is built here,
# before the tests start, with circom2 + snarkjs from 10-node-tools and ../shared/peers' ptau-fast (about 2.5 CPU-minutes).
command -v script >/dev/null 2>&1 || apt_install bsdutils
# a failure here must not stop the other areas' installs: the SHA-256 test then tries again and fails with the reason
bash tests/fixtures/generate.sh sha256_64 || echo "[install] warning: the sha256_64 Groth16 fixture was not made" >&2

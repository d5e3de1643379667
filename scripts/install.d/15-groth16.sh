# Groth16 area: util-linux's script(1) (Debian bsdutils, essential but checked anyway) gives the CLI progress test a
# real pseudo-terminal; the SHA-256 fixture (tests/fixtures/cache/sha256_64, git-ignored, kept once made) is built here,
# before the tests start, with circom2 + snarkjs from 10-node-tools and ../shared/peers' ptau-fast (about 2.5 CPU-minutes).
command -v script >/dev/null 2>&1 || apt_install bsdutils
bash tests/fixtures/generate.sh sha256_64

# Groth16 area: util-linux's script(1) (Debian bsdutils, essential but checked anyway) gives the CLI progress test a
# real pseudo-terminal. The fixtures themselves come from tests/fixtures/generate.sh on first use (tools from 10-node-tools).
command -v script >/dev/null 2>&1 || apt_install bsdutils

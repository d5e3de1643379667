# Node.js peers and tools used by the tests: anvil (a real EVM), snarkjs, circom2, solc.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
npm_tools

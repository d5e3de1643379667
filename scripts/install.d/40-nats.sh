# EthProofs pipeline (proving-nats): a real nats-server (JetStream) and anvil (from 10-node-tools) for the tests
# and for scripts/ethproofs-local.sh.
apt_install nats-server
npm_tools

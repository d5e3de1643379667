using System.CommandLine;
using Proving.Nats;
using Proving.Nats.Configuration;

// proving-nats <role>: the EthProofs orchestrator roles over NATS JetStream; settings come from the environment.
var root = new RootCommand("EthProofs pipeline roles on NATS JetStream (settings from environment variables: NATS_URL, INPUT_QUEUE, OUTPUT_QUEUE, CONSUMER_NAME, BINARY, NEXT_BLOCK, L1_RPC, ...)");
foreach (var role in RoleHost.Roles)
{
    var command = new Command(role, RoleDescriptions.Of(role));
    command.SetAction(_ => RoleHost.RunAsync(role, EnvironmentReader.Process));
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();

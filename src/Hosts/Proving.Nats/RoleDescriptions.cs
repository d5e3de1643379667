namespace Proving.Nats;

/// <summary>Help text of the roles.</summary>
public static class RoleDescriptions
{
    /// <summary>One line describing <paramref name="role"/>.</summary>
    public static string Of(string role) => role switch
    {
        "init-stream" => "Create the modularorchestrator stream when absent, then exit",
        "block-collector" => "Publish each new L1 block number (L1_RPC, NEXT_BLOCK) to OUTPUT_QUEUE",
        "dispatcher" => "Run BINARY on each message of INPUT_QUEUE (durable consumer CONSUMER_NAME), publish to OUTPUT_QUEUE",
        "proof-collector" => "Match proofs to blocks and publish each (block, prover) once to OUTPUT_QUEUE (state in STATE_PATH)",
        "collector" => "The demo's collector role: STRATEGY=Block (block collector) or STRATEGY=Proof (proof collector)",
        _ => role,
    };
}

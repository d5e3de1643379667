using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Proving.Ethrex.Protocol;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>Bad input gets a typed exception, never a crash; random well-formed messages round-trip.</summary>
public class MalformedMessageTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"SP1\"}")]      // truncated
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"SP1\"}}}")]   // trailing garbage
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{}")]                                                                         // no variant
    [InlineData("{\"InputRequest\":{},\"ProofSubmit\":{}}")]                                   // two variants
    [InlineData("{\"InputRequest\":{\"commit_hash\":1,\"prover_type\":\"SP1\"}}")]            // wrong type
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"sp1\"}}")]        // case-sensitive type
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"ZisK\"}}")]       // no such type
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"1\"}}")]                                 // missing field
    [InlineData("{\"InputRequest\":[\"1\",\"SP1\"]}")]
    [InlineData("{\"ProofSubmit\":{\"id\":-1,\"proof\":{\"ProofBytes\":{\"prover_type\":\"SP1\",\"proof\":[],\"public_values\":[]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":18446744073709551616,\"proof\":{\"ProofBytes\":{\"prover_type\":\"SP1\",\"proof\":[],\"public_values\":[]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1.5,\"proof\":{\"ProofBytes\":{\"prover_type\":\"SP1\",\"proof\":[],\"public_values\":[]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofBytes\":{\"prover_type\":\"SP1\",\"proof\":[256],\"public_values\":[]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofBytes\":{\"prover_type\":\"SP1\",\"proof\":[-1],\"public_values\":[]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofBytes\":{\"prover_type\":\"SP1\",\"proof\":\"0x00\",\"public_values\":[]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofSnark\":{}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Blob\":[]}]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Address\":\"0x12\"}]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Uint\":\"0x1g\"}]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Uint\":\"12\"}]}}}}")]
    [InlineData("{\"ProofSubmit\":{\"id\":1,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Uint\":\"0x10000000000000000000000000000000000000000000000000000000000000000\"}]}}}}")]
    [InlineData("\"VersionMismatch\"")]                                                       // a response sent as a request
    [InlineData("\"Hello\"")]
    [InlineData("{\"ProverSetup\":{\"prover_type\":\"TDX\",\"payload\":[1000]}}")]
    public void Bad_requests_are_typed_errors(string text)
    {
        var e = Record.Exception(() => new MessageCodec(ProtocolGeneration.G8).DecodeRequest(U(text)));
        Assert.True(e is MalformedMessageException or UnexpectedMessageException, $"{text} -> {e?.GetType().Name ?? "no exception"}");
    }

    [Theory]
    [InlineData("{\"InputResponse\":{\"id\":\"42\"}}")]
    [InlineData("{\"InputResponse\":{\"id\":1,\"format\":\"Plonk\"}}")]
    [InlineData("{\"InputResponse\":{\"id\":1,\"format\":7}}")]
    [InlineData("{\"ProofSubmitACK\":{}}")]
    [InlineData("{\"ProverTypeNotNeeded\":{\"prover_type\":\"Pico\"}}")]
    [InlineData("{\"VersionMismatch\":{\"commit_hash\":\"1\"}}")]
    [InlineData("{\"InputRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"SP1\"}}")]        // a request sent as a response
    public void Bad_responses_are_typed_errors(string text)
    {
        var e = Record.Exception(() => new MessageCodec(ProtocolGeneration.G8).DecodeResponse(U(text)));
        Assert.True(e is MalformedMessageException or UnexpectedMessageException, $"{text} -> {e?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void Deep_nesting_is_a_typed_error()
    {
        var deep = "{\"InputResponse\":{\"id\":1,\"input\":" + new string('[', 100_000) + new string(']', 100_000) + ",\"format\":\"Groth16\"}}";
        Assert.Throws<MalformedMessageException>(() => new MessageCodec(ProtocolGeneration.G8).DecodeResponse(U(deep)));
    }

    [Fact]
    public void Random_bytes_never_escape_as_untyped_errors()
    {
        var codecs = Enum.GetValues<ProtocolGeneration>().Select(g => new MessageCodec(g)).ToArray();
        var golden = U("{\"ProofSubmit\":{\"id\":42,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"Exec\",\"calldata\":[{\"Bytes\":[1]},{\"Uint\":\"0x5\"}]}}}}");
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<int>(), (noise, seed) =>
        {
            // Mutate a valid message (more interesting than pure noise) and also try the noise itself.
            var mutated = (byte[])golden.Clone();
            var rng = new Random(seed);
            for (var i = 0; i < 1 + noise.Length % 4; i++)
                mutated[rng.Next(mutated.Length)] = noise.Length == 0 ? (byte)rng.Next(256) : noise[rng.Next(noise.Length)];
            foreach (var codec in codecs)
                foreach (var bytes in new[] { noise, mutated, mutated[..rng.Next(mutated.Length)] })
                {
                    var e1 = Record.Exception(() => codec.DecodeRequest(bytes));
                    var e2 = Record.Exception(() => codec.DecodeResponse(bytes));
                    if (e1 is not (null or EthrexProtocolException))
                        throw new Xunit.Sdk.XunitException($"{codec.Generation} request {Encoding.UTF8.GetString(bytes)}: {e1}");
                    if (e2 is not (null or EthrexProtocolException))
                        throw new Xunit.Sdk.XunitException($"{codec.Generation} response {Encoding.UTF8.GetString(bytes)}: {e2}");
                }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Random_proofs_round_trip()
    {
        var types = Enum.GetValues<ProverType>();
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<ulong>(), (a, b, n) =>
        {
            var type = types[(int)(n % (ulong)types.Length)];
            var values = new List<CalldataValue> { new CalldataValue.Bytes(a), new CalldataValue.Uint(new System.Numerics.BigInteger(b, isUnsigned: true, isBigEndian: true) % System.Numerics.BigInteger.Pow(2, 256)) };
            if (a.Length >= 20) values.Add(new CalldataValue.Address(a[..20]));
            values.Add(new CalldataValue.Tuple([new CalldataValue.Bool(n % 2 == 0), new CalldataValue.String(Convert.ToBase64String(b))]));
            foreach (BatchProof proof in new BatchProof[] { new ProofCalldata(type, values), new ProofBytes(type, a, b) })
                foreach (var g in new[] { ProtocolGeneration.G7, ProtocolGeneration.G8 })
                {
                    var codec = new MessageCodec(g);
                    var wire = codec.Encode(new ProofSubmit(n, ProofPayload.From(proof)));
                    var back = Assert.IsType<ProofSubmit>(codec.DecodeRequest(wire));
                    if (back.BatchNumber != n || back.Proof.ProverType != type || !back.Proof.Json.AsSpan().SequenceEqual(proof.ToJson()) || !codec.Encode(back).AsSpan().SequenceEqual(wire))
                        return false;
                }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}

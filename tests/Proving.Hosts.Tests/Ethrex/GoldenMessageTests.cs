using System.Text;
using Proving.Ethrex.Protocol;

namespace Proving.Hosts.Tests.Ethrex;

/// <summary>
/// Every message of every generation against the literal JSON of the spec (ethrex-prover-protocol.md §3.2, §3.3,
/// §3.5): the model encodes to exactly those bytes, and those bytes decode to the model.
/// </summary>
public class GoldenMessageTests
{
    // A concrete ProverInputData (spec §6) standing in for the spec's "{…}" placeholders.
    private const string Input = "{\"blocks\":[{\"header\":{\"number\":\"0x2a\"},\"body\":{\"transactions\":[],\"uncles\":[],\"withdrawals\":null}}],\"execution_witness\":{\"codes\":[[96,128]],\"first_block_number\":42},\"elasticity_multiplier\":2,\"blob_commitment\":[1,2],\"blob_proof\":[3,4],\"fee_configs\":[{\"base_fee_vault\":null,\"operator_fee_config\":null,\"l1_fee_config\":null}]}";
    private const string G0Input = "{\"block\":{\"header\":{}},\"parent_block_header\":{\"number\":\"0x6\"},\"db\":{\"accounts\":{},\"block_hashes\":{\"6\":\"0x01\"}}}";
    private const string G0Receipt = "[{\"inner\":{\"Groth16\":{\"seal\":[1,2]}},\"journal\":{\"bytes\":[9]}},[1,2,3,4,5,6,7,8]]";

    private static readonly ProofPayload Sp1Calldata = ProofPayload.From(new ProofCalldata(ProverType.SP1, [new CalldataValue.Bytes([17, 182, 160, 9])]));
    private static readonly ProofPayload Risc0Bytes = ProofPayload.From(new ProofBytes(ProverType.RISC0, [1, 0, 0, 0], [5, 6]));
    private static readonly ProofPayload Exec = ProofPayload.From(BatchProof.ExecPayload);

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static void Request(ProtocolGeneration g, string golden, ProverRequest model)
    {
        var codec = new MessageCodec(g);
        Assert.Equal(golden, Encoding.UTF8.GetString(codec.Encode(model)));
        var decoded = codec.DecodeRequest(U(golden));
        Assert.Equal(golden, Encoding.UTF8.GetString(codec.Encode(decoded)));
        Assert.Equal(model.GetType(), decoded.GetType());
    }

    private static void Response(ProtocolGeneration g, string golden, CoordinatorResponse model)
    {
        var codec = new MessageCodec(g);
        Assert.Equal(golden, Encoding.UTF8.GetString(codec.Encode(model)));
        var decoded = codec.DecodeResponse(U(golden));
        Assert.Equal(golden, Encoding.UTF8.GetString(codec.Encode(decoded)));
        Assert.Equal(model.GetType(), decoded.GetType());
    }

    [Fact]
    public void G7_requests()
    {
        const ProtocolGeneration g = ProtocolGeneration.G7;
        Request(g, "{\"BatchRequest\":{\"commit_hash\":\"9219410\",\"prover_type\":\"SP1\"}}", new InputRequest("9219410", ProverType.SP1));
        Request(g, "{\"ProofSubmit\":{\"batch_number\":42,\"batch_proof\":{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Bytes\":[17,182,160,9]}]}}}}", new ProofSubmit(42, Sp1Calldata));
        Request(g, "{\"ProofSubmit\":{\"batch_number\":42,\"batch_proof\":{\"ProofBytes\":{\"prover_type\":\"RISC0\",\"proof\":[1,0,0,0],\"public_values\":[5,6]}}}}", new ProofSubmit(42, Risc0Bytes));
        Request(g, "{\"ProofSubmit\":{\"batch_number\":42,\"batch_proof\":{\"ProofCalldata\":{\"prover_type\":\"Exec\",\"calldata\":[{\"Bytes\":[]}]}}}}", new ProofSubmit(42, Exec));
        Request(g, "{\"ProverSetup\":{\"prover_type\":\"TDX\",\"payload\":[4,0,2,0]}}", new ProverSetup(ProverType.TDX, [4, 0, 2, 0]));
    }

    [Fact]
    public void G7_responses()
    {
        const ProtocolGeneration g = ProtocolGeneration.G7;
        Response(g, "{\"BatchResponse\":{\"batch_number\":42,\"input\":" + Input + ",\"format\":\"Groth16\"}}", new InputResponse(42, U(Input), ProofFormat.Groth16));
        Response(g, "{\"BatchResponse\":{\"batch_number\":7,\"input\":" + Input + ",\"format\":\"Compressed\"}}", new InputResponse(7, U(Input), ProofFormat.Compressed));
        Response(g, "{\"BatchResponse\":{\"batch_number\":null,\"input\":null,\"format\":null}}", InputResponse.Empty);
        Response(g, "\"VersionMismatch\"", VersionMismatch.Instance);
        Response(g, "{\"ProverTypeNotNeeded\":{\"prover_type\":\"RISC0\"}}", new ProverTypeNotNeeded(ProverType.RISC0));
        Response(g, "{\"ProofSubmitACK\":{\"batch_number\":42}}", new ProofSubmitAck(42));
        Response(g, "\"ProverSetupACK\"", ProverSetupAck.Instance);
    }

    [Fact]
    public void G8_requests()
    {
        const ProtocolGeneration g = ProtocolGeneration.G8;
        Request(g, "{\"InputRequest\":{\"commit_hash\":\"9219410\",\"prover_type\":\"SP1\"}}", new InputRequest("9219410", ProverType.SP1));
        Request(g, "{\"ProofSubmit\":{\"id\":42,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"Exec\",\"calldata\":[{\"Bytes\":[]}]}}}}", new ProofSubmit(42, Exec));
        Request(g, "{\"ProofSubmit\":{\"id\":42,\"proof\":{\"ProofBytes\":{\"prover_type\":\"RISC0\",\"proof\":[1,0,0,0],\"public_values\":[5,6]}}}}", new ProofSubmit(42, Risc0Bytes));
        Request(g, "{\"ProverSetup\":{\"prover_type\":\"TDX\",\"payload\":[4,0,2,0]}}", new ProverSetup(ProverType.TDX, [4, 0, 2, 0]));
    }

    [Fact]
    public void G8_responses()
    {
        const ProtocolGeneration g = ProtocolGeneration.G8;
        Response(g, "{\"InputResponse\":{\"id\":42,\"input\":" + Input + ",\"format\":\"Groth16\"}}", new InputResponse(42, U(Input), ProofFormat.Groth16));
        Response(g, "{\"InputResponse\":{\"id\":null,\"input\":null,\"format\":null}}", InputResponse.Empty);
        Response(g, "{\"ProofSubmitACK\":{\"id\":42}}", new ProofSubmitAck(42));
        Response(g, "\"VersionMismatch\"", VersionMismatch.Instance);
        Response(g, "{\"ProverTypeNotNeeded\":{\"prover_type\":\"RISC0\"}}", new ProverTypeNotNeeded(ProverType.RISC0));
        Response(g, "\"ProverSetupACK\"", ProverSetupAck.Instance);
    }

    [Fact]
    public void G0_messages()
    {
        const ProtocolGeneration g = ProtocolGeneration.G0;
        Request(g, "\"Request\"", new InputRequest(null, null));
        Request(g, "{\"Submit\":{\"block_number\":7,\"receipt\":" + G0Receipt + "}}", new ProofSubmit(7, new ProofPayload(null, U(G0Receipt))));
        Response(g, "{\"Response\":{\"block_number\":7,\"input\":" + G0Input + "}}", new InputResponse(7, U(G0Input), null));
        Response(g, "{\"Response\":{\"block_number\":null,\"input\":null}}", InputResponse.Empty);
        Response(g, "{\"SubmitAck\":{\"block_number\":7}}", new ProofSubmitAck(7));
    }

    [Fact]
    public void Decoded_fields_match_the_literal_examples()
    {
        var r = Assert.IsType<InputRequest>(new MessageCodec(ProtocolGeneration.G8).DecodeRequest(U("{\"InputRequest\":{\"commit_hash\":\"9219410\",\"prover_type\":\"SP1\"}}")));
        Assert.Equal(("9219410", ProverType.SP1), (r.CommitHash, r.ProverType!.Value));
        var s = Assert.IsType<ProofSubmit>(new MessageCodec(ProtocolGeneration.G7).DecodeRequest(U("{\"ProofSubmit\":{\"batch_number\":42,\"batch_proof\":{\"ProofBytes\":{\"prover_type\":\"RISC0\",\"proof\":[1,0,0,0],\"public_values\":[5,6]}}}}")));
        Assert.Equal((42UL, ProverType.RISC0), (s.BatchNumber, s.Proof.ProverType!.Value));
        var proof = Assert.IsType<ProofBytes>(BatchProof.Parse(s.Proof.Json, "proof"));
        Assert.Equal(new byte[] { 1, 0, 0, 0 }, proof.Proof);
        Assert.Equal(new byte[] { 5, 6 }, proof.PublicValues);
        var resp = Assert.IsType<InputResponse>(new MessageCodec(ProtocolGeneration.G8).DecodeResponse(U("{\"InputResponse\":{\"id\":42,\"input\":" + Input + ",\"format\":\"Groth16\"}}")));
        Assert.True(resp.HasWork(ProtocolGeneration.G8));
        Assert.Equal(Input, Encoding.UTF8.GetString(resp.Input!));
        var g0 = Assert.IsType<InputResponse>(new MessageCodec(ProtocolGeneration.G0).DecodeResponse(U("{\"Response\":{\"block_number\":7,\"input\":" + G0Input + "}}")));
        Assert.True(g0.HasWork(ProtocolGeneration.G0));
        Assert.Equal(7UL, g0.BatchNumber);
    }

    [Fact]
    public void Every_calldata_value_variant_round_trips()
    {
        const string golden = "{\"ProofCalldata\":{\"prover_type\":\"SP1\",\"calldata\":[{\"Bytes\":[1,255]},{\"FixedBytes\":[2]},{\"Uint\":\"0x1\"},{\"Int\":\"0xff\"},{\"Uint\":\"0x0\"},"
            + "{\"Address\":\"0x00112233445566778899aabbccddeeff00112233\"},{\"Bool\":true},{\"String\":\"héllo\"},{\"Array\":[{\"Bool\":false}]},{\"Tuple\":[]},{\"FixedArray\":[{\"Uint\":\"0x10000000000000000\"}]}]}}";
        var proof = Assert.IsType<ProofCalldata>(BatchProof.Parse(U(golden), "proof"));
        Assert.Equal(11, proof.Calldata.Count);
        Assert.Equal(golden, Encoding.UTF8.GetString(proof.ToJson()));
    }

    [Fact]
    public void Serde_tolerances_unknown_fields_missing_options_unit_as_object()
    {
        var g7 = new MessageCodec(ProtocolGeneration.G7);
        // Extra fields are ignored.
        Assert.IsType<InputRequest>(g7.DecodeRequest(U("{\"BatchRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"Exec\",\"extra\":[1]}}")));
        // Missing Option fields are None.
        Assert.Equal(InputResponse.Empty, g7.DecodeResponse(U("{\"BatchResponse\":{}}")));
        // A unit variant may also be written as {"Name":null}.
        Assert.IsType<VersionMismatch>(g7.DecodeResponse(U("{\"VersionMismatch\":null}")));
        // Whitespace is tolerated.
        Assert.IsType<ProofSubmitAck>(g7.DecodeResponse(U(" { \"ProofSubmitACK\" : { \"batch_number\" : 1 } }\n")));
    }

    [Fact]
    public void Generations_do_not_mix()
    {
        // A G4-G6 request lacks prover_type: a G7 coordinator cannot parse it (spec §2).
        Assert.Throws<MalformedMessageException>(() => new MessageCodec(ProtocolGeneration.G7).DecodeRequest(U("{\"BatchRequest\":{\"commit_hash\":\"9219410\"}}")));
        // G7 and G8 names are unknown to each other.
        Assert.Throws<UnexpectedMessageException>(() => new MessageCodec(ProtocolGeneration.G8).DecodeRequest(U("{\"BatchRequest\":{\"commit_hash\":\"1\",\"prover_type\":\"SP1\"}}")));
        Assert.Throws<UnexpectedMessageException>(() => new MessageCodec(ProtocolGeneration.G7).DecodeResponse(U("{\"InputResponse\":{\"id\":1}}")));
        // G8 submit field names in a G7 message: batch_number missing.
        Assert.Throws<MalformedMessageException>(() => new MessageCodec(ProtocolGeneration.G7).DecodeRequest(U("{\"ProofSubmit\":{\"id\":42,\"proof\":{\"ProofCalldata\":{\"prover_type\":\"Exec\",\"calldata\":[]}}}}")));
        // G0 has no VersionMismatch.
        Assert.Throws<UnexpectedMessageException>(() => new MessageCodec(ProtocolGeneration.G0).DecodeResponse(U("\"VersionMismatch\"")));
        Assert.Throws<ArgumentException>(() => new MessageCodec(ProtocolGeneration.G0).Encode(VersionMismatch.Instance));
    }
}

using Proving.Nats.Configuration;

namespace Proving.Nats.Roles;

/// <summary>Settings of the prover dispatcher.</summary>
public sealed record DispatcherOptions
{
    /// <summary>Stream holding the input subject (INPUT_STREAM).</summary>
    public string Stream { get; init; } = PipelineStream.Name;
    /// <summary>Subject consumed (INPUT_QUEUE).</summary>
    public string InputSubject { get; init; } = PipelineStream.Blocks;
    /// <summary>Subject the outputs go to (OUTPUT_QUEUE).</summary>
    public string OutputSubject { get; init; } = PipelineStream.BlockProofs;
    /// <summary>Durable consumer (CONSUMER_NAME): shared name = split work, distinct names = every prover sees every block.</summary>
    public string ConsumerName { get; init; } = PipelineStream.DefaultConsumer("dispatcher", PipelineStream.Blocks);
    /// <summary>Where messages go after <see cref="MaxDeliver"/> failed deliveries (DEAD_LETTER_QUEUE).</summary>
    public string DeadLetterSubject { get; init; } = PipelineStream.DeadLetter;
    /// <summary>Deliveries before a failing message is dead-lettered (MAX_DELIVER).</summary>
    public int MaxDeliver { get; init; } = 5;
    /// <summary>Longest prover run (PROVER_TIMEOUT_SECONDS).</summary>
    public TimeSpan ProverTimeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>Consumer ack wait (ACK_WAIT_SECONDS): redelivery delay after a crashed dispatcher.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>First NAK delay (NAK_DELAY_MIN_MILLIS); doubles per delivery.</summary>
    public TimeSpan NakDelayMin { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>Largest NAK delay (NAK_DELAY_MAX_MILLIS).</summary>
    public TimeSpan NakDelayMax { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>Publish each top-level element of an array output as its own message (MULTIPLE_OUTPUT).</summary>
    public bool MultipleOutput { get; init; }
    /// <summary>How long one pull waits for a message.</summary>
    public TimeSpan FetchExpiry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Interval of in-progress acks: a third of the ack wait, at least 200 ms.</summary>
    public TimeSpan InProgressInterval => TimeSpan.FromTicks(Math.Max(AckWait.Ticks / 3, TimeSpan.FromMilliseconds(200).Ticks));

    /// <summary>NAK delay after the <paramref name="delivery"/>-th failed delivery: min·2^(delivery-1), capped at max.</summary>
    public TimeSpan NakDelay(ulong delivery)
    {
        var shift = (int)Math.Min(delivery == 0 ? 0 : delivery - 1, 30);
        var ticks = Math.Min((double)NakDelayMin.Ticks * (1L << shift), NakDelayMax.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Reads the settings from the environment.</summary>
    public static DispatcherOptions FromEnvironment(EnvironmentReader env)
    {
        var input = env.Get("INPUT_QUEUE", PipelineStream.Blocks);
        return new DispatcherOptions
        {
            Stream = env.Get("INPUT_STREAM", PipelineStream.Name),
            InputSubject = input,
            OutputSubject = env.Get("OUTPUT_QUEUE", PipelineStream.BlockProofs),
            ConsumerName = env.Get("CONSUMER_NAME", PipelineStream.DefaultConsumer("dispatcher", input)),
            DeadLetterSubject = env.Get("DEAD_LETTER_QUEUE", PipelineStream.DeadLetter),
            MaxDeliver = env.PositiveInt("MAX_DELIVER", 5),
            ProverTimeout = env.Seconds("PROVER_TIMEOUT_SECONDS", TimeSpan.FromMinutes(30)),
            AckWait = env.Seconds("ACK_WAIT_SECONDS", TimeSpan.FromSeconds(30)),
            NakDelayMin = env.Millis("NAK_DELAY_MIN_MILLIS", TimeSpan.FromMilliseconds(100)),
            NakDelayMax = env.Millis("NAK_DELAY_MAX_MILLIS", TimeSpan.FromMinutes(1)),
            MultipleOutput = env.Flag("MULTIPLE_OUTPUT"),
        };
    }
}

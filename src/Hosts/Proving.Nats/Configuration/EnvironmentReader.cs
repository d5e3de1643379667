using System.Globalization;

namespace Proving.Nats.Configuration;

/// <summary>Reads settings from environment variables (the names of the orchestrator demo: NATS_URL, INPUT_QUEUE, ...).</summary>
public sealed class EnvironmentReader(Func<string, string?> lookup)
{
    /// <summary>Reads the process environment.</summary>
    public static EnvironmentReader Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? Optional(string name)
    {
        var v = lookup(name)?.Trim();
        return string.IsNullOrEmpty(v) ? null : v;
    }

    /// <summary>The value or <paramref name="fallback"/>.</summary>
    public string Get(string name, string fallback) => Optional(name) ?? fallback;

    /// <summary>The value; throws when unset.</summary>
    /// <exception cref="PipelineConfigurationException">Unset.</exception>
    public string Required(string name) => Optional(name) ?? throw new PipelineConfigurationException($"{name} is required");

    /// <summary>An unsigned integer, or null when unset.</summary>
    /// <exception cref="PipelineConfigurationException">Not a non-negative integer.</exception>
    public ulong? OptionalUInt64(string name)
    {
        var v = Optional(name);
        if (v == null) return null;
        return ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new PipelineConfigurationException($"{name}='{v}' is not a non-negative integer");
    }

    /// <summary>A positive integer or <paramref name="fallback"/>.</summary>
    /// <exception cref="PipelineConfigurationException">Not a positive integer.</exception>
    public int PositiveInt(string name, int fallback)
    {
        var v = OptionalUInt64(name);
        if (v == null) return fallback;
        return v is >= 1 and <= int.MaxValue ? (int)v : throw new PipelineConfigurationException($"{name} must be a positive integer");
    }

    /// <summary>A duration given in whole milliseconds, or <paramref name="fallback"/>.</summary>
    public TimeSpan Millis(string name, TimeSpan fallback) => Optional(name) == null ? fallback : TimeSpan.FromMilliseconds(PositiveInt(name, 1));

    /// <summary>A duration given in seconds (decimals allowed), or <paramref name="fallback"/>.</summary>
    /// <exception cref="PipelineConfigurationException">Not a positive number.</exception>
    public TimeSpan Seconds(string name, TimeSpan fallback)
    {
        var v = Optional(name);
        if (v == null) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s < 1e7
            ? TimeSpan.FromSeconds(s) : throw new PipelineConfigurationException($"{name}='{v}' is not a positive number of seconds");
    }

    /// <summary>True for 1/true/yes (any case), false when unset.</summary>
    public bool Flag(string name) => Optional(name)?.ToLowerInvariant() is "1" or "true" or "yes";
}

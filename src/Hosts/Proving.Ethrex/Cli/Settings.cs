using System.CommandLine;
using System.Globalization;

namespace Proving.Ethrex.Cli;

/// <summary>
/// Resolves a setting the way ethrex's clap options do: the flag when given, else the first environment variable
/// that is set (ethrex's names, spec §8), else the default. Bad values throw <see cref="ArgumentException"/> naming
/// the flag or variable.
/// </summary>
internal static class Settings
{
    public static string String(ParseResult p, Option<string?> option, string? fallback, params string[] envs)
    {
        var value = p.GetValue(option);
        if (value != null) return value;
        foreach (var env in envs)
            if (Environment.GetEnvironmentVariable(env) is { Length: > 0 } v)
                return v;
        return fallback ?? throw new ArgumentException($"{option.Name} is required{(envs.Length > 0 ? " (or set " + string.Join(" / ", envs) + ")" : "")}");
    }

    public static long Long(ParseResult p, Option<string?> option, long fallback, params string[] envs)
    {
        var text = String(p, option, fallback.ToString(CultureInfo.InvariantCulture), envs);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            throw new ArgumentException($"{option.Name}: '{text}' is not a non-negative integer");
        return v;
    }

    public static int Int(ParseResult p, Option<string?> option, int fallback, int min, int max, params string[] envs)
    {
        var v = Long(p, option, fallback, envs);
        if (v < min || v > max)
            throw new ArgumentException($"{option.Name}: {v} is outside {min}..{max}");
        return (int)v;
    }

    public static TimeSpan Millis(ParseResult p, Option<string?> option, long fallback, params string[] envs)
    {
        var v = Long(p, option, fallback, envs);
        if (v <= 0) throw new ArgumentException($"{option.Name}: must be a positive number of milliseconds");
        return TimeSpan.FromMilliseconds(v);
    }

    public static bool Flag(ParseResult p, Option<bool> option, params string[] envs)
    {
        if (p.GetValue(option)) return true;
        foreach (var env in envs)
            if (Environment.GetEnvironmentVariable(env) is { Length: > 0 } v)
                return v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1";
        return false;
    }

    public static Option<string?> Option(string name, string description, string helpName = "value") =>
        new(name) { Description = description, HelpName = helpName };
}

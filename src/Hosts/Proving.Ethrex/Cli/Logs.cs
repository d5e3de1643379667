using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Proving.Ethrex.Cli;

/// <summary>Console logging: one line per event with a UTC timestamp; <c>--log.level</c> picks the threshold.</summary>
internal static class Logs
{
    public static readonly Option<string?> Level = Settings.Option("--log.level", "trace|debug|information|warning|error (default information)", "level");

    public static ILoggerFactory Create(ParseResult p)
    {
        var text = p.GetValue(Level) ?? "information";
        if (!Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level))
            throw new ArgumentException($"--log.level: unknown level '{text}'");
        return LoggerFactory.Create(b => b
            .SetMinimumLevel(level)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            }));
    }
}

using System.CommandLine;
using System.Globalization;
using Proving.Ethrex.Coordinator;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Cli;

/// <summary>
/// Operator commands on the coordinator's database (safe while the coordinator runs; SQLite WAL):
/// <c>add-input</c>, <c>mark-sent</c>, <c>status</c>.
/// </summary>
internal static class OperatorCommands
{
    private static readonly Option<string?> Batch = Settings.Option("--batch", "batch number", "number");
    private static readonly Option<string?> Version = Settings.Option("--version", "version (commit hash) the input belongs to", "sha");
    private static readonly Option<string?> Input = Settings.Option("--input", "file holding the batch input JSON (ProverInputData)", "path");

    public static IEnumerable<Command> Create()
    {
        yield return AddInput();
        yield return MarkSent();
        yield return Status();
    }

    private static Command AddInput()
    {
        var command = new Command("add-input", "Store the input of a batch for one version");
        foreach (var o in new Option[] { Common.Database, Batch, Version, Input })
            command.Options.Add(o);
        command.SetAction(p => Run(() =>
        {
            var batch = RequiredBatch(p);
            var version = Settings.String(p, Version, null);
            var path = Settings.String(p, Input, null);
            byte[] compact;
            try
            {
                using var doc = Json.Parse(File.ReadAllBytes(path), path);
                compact = Json.Compact(doc.RootElement);
            }
            catch (MalformedMessageException e)
            {
                throw new ArgumentException(e.Message);
            }
            using var store = OpenStore(p);
            var replaced = store.InTransaction(() => store.PutInput(batch, version, compact));
            Console.WriteLine($"{(replaced ? "replaced" : "added")} input of batch {batch} for version {version} ({compact.Length} bytes)");
        }));
        return command;
    }

    private static Command MarkSent()
    {
        var command = new Command("mark-sent", "Record that the proofs of every batch up to --batch were sent (advances latest sent)");
        foreach (var o in new Option[] { Common.Database, Batch })
            command.Options.Add(o);
        command.SetAction(p => Run(() =>
        {
            var batch = RequiredBatch(p);
            using var store = OpenStore(p);
            store.InTransaction(() =>
            {
                var current = store.LatestSent;
                if (batch < current)
                    throw new ArgumentException($"latest sent is already {current}; it only moves forward");
                store.SetLatestSent(batch);
                store.DeleteLeasesBelow(batch + 1);
                return 0;
            });
            Console.WriteLine($"latest sent batch: {batch}");
        }));
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Show latest sent batch, stored inputs, proofs and leases");
        command.Options.Add(Common.Database);
        command.SetAction(p => Run(() =>
        {
            using var store = OpenStore(p);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Console.WriteLine($"latest sent: {store.LatestSent}");
            foreach (var (b, v, n) in store.Inputs())
                Console.WriteLine($"input  batch {b} version {v} ({n} bytes)");
            foreach (var (b, t, n) in store.Proofs())
                Console.WriteLine($"proof  batch {b} type {ProverTypes.Name(t)} ({n} bytes)");
            foreach (var (b, t, e) in store.Leases())
                Console.WriteLine($"lease  batch {b} type {ProverTypes.Name(t)} {(e > now ? "expires in " + ((e - now) / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s" : "expired")}");
        }));
        return command;
    }

    private static ulong RequiredBatch(ParseResult p)
    {
        if (p.GetValue(Batch) is null) throw new ArgumentException("--batch is required");
        var batch = Settings.Long(p, Batch, 0);
        return batch >= 1 ? (ulong)batch : throw new ArgumentException("--batch: batches start at 1");
    }

    private static CoordinatorStore OpenStore(ParseResult p) =>
        new(Settings.String(p, Common.Database, "ethrex-coordinator.db", "PROVING_ETHREX_DB"));

    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}

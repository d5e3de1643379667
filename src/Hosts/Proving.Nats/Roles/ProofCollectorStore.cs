using Microsoft.Data.Sqlite;

namespace Proving.Nats.Roles;

/// <summary>
/// The proof collector's persistent state in SQLite: dispatched blocks, proofs waiting for their block, and the
/// (block, prover) pairs already emitted. Block numbers are stored as their 64-bit pattern in a signed INTEGER.
/// </summary>
public sealed class ProofCollectorStore : IDisposable
{
    private readonly SqliteConnection _db;

    /// <summary>Opens (and creates when absent) the database at <paramref name="path"/>.</summary>
    public ProofCollectorStore(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir != null) Directory.CreateDirectory(dir);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;" +
             "CREATE TABLE IF NOT EXISTS blocks (block INTEGER PRIMARY KEY);" +
             "CREATE TABLE IF NOT EXISTS pending (block INTEGER NOT NULL, prover TEXT NOT NULL, payload BLOB NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (block, prover));" +
             "CREATE TABLE IF NOT EXISTS completed (block INTEGER NOT NULL, prover TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (block, prover));");
    }

    /// <summary>Records a dispatched block; false when it was known.</summary>
    public bool AddBlock(ulong block) => Exec("INSERT OR IGNORE INTO blocks (block) VALUES ($b)", ("$b", (long)block)) == 1;

    /// <summary>True when the block was dispatched.</summary>
    public bool HasBlock(ulong block) => Scalar("SELECT COUNT(*) FROM blocks WHERE block = $b", ("$b", (long)block)) > 0;

    /// <summary>True when (block, prover) was emitted already.</summary>
    public bool IsCompleted(ulong block, string prover) =>
        Scalar("SELECT COUNT(*) FROM completed WHERE block = $b AND prover = $p", ("$b", (long)block), ("$p", prover)) > 0;

    /// <summary>Marks (block, prover) emitted and drops its pending copy.</summary>
    public void MarkCompleted(ulong block, string prover)
    {
        using var tx = _db.BeginTransaction();
        Exec("INSERT OR IGNORE INTO completed (block, prover, at) VALUES ($b, $p, $t)", ("$b", (long)block), ("$p", prover), ("$t", DateTime.UtcNow.ToString("O")));
        Exec("DELETE FROM pending WHERE block = $b AND prover = $p", ("$b", (long)block), ("$p", prover));
        tx.Commit();
    }

    /// <summary>Keeps a proof whose block has not been seen yet (the first copy per prover wins).</summary>
    public void AddPending(ulong block, string prover, byte[] payload) =>
        Exec("INSERT OR IGNORE INTO pending (block, prover, payload, at) VALUES ($b, $p, $d, $t)",
            ("$b", (long)block), ("$p", prover), ("$d", payload), ("$t", DateTime.UtcNow.Ticks));

    /// <summary>Drops proofs that have waited longer than <paramref name="ttl"/> for their block; returns them as (block, prover).</summary>
    public List<(ulong Block, string Prover)> DropPendingOlderThan(TimeSpan ttl)
    {
        var cutoff = (DateTime.UtcNow - ttl).Ticks;
        var dropped = new List<(ulong, string)>();
        using var tx = _db.BeginTransaction();
        using (var cmd = Command("SELECT block, prover FROM pending WHERE at < $t", ("$t", cutoff)))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) dropped.Add(((ulong)r.GetInt64(0), r.GetString(1)));
        Exec("DELETE FROM pending WHERE at < $t", ("$t", cutoff));
        tx.Commit();
        return dropped;
    }

    /// <summary>Proofs waiting for <paramref name="block"/>.</summary>
    public List<(string Prover, byte[] Payload)> Pending(ulong block)
    {
        using var cmd = Command("SELECT prover, payload FROM pending WHERE block = $b ORDER BY prover", ("$b", (long)block));
        using var r = cmd.ExecuteReader();
        var list = new List<(string, byte[])>();
        while (r.Read()) list.Add((r.GetString(0), (byte[])r.GetValue(1)));
        return list;
    }

    /// <summary>Number of emitted (block, prover) pairs.</summary>
    public long CompletedCount => Scalar("SELECT COUNT(*) FROM completed");

    private int Exec(string sql, params (string, object)[] args)
    {
        using var cmd = Command(sql, args);
        return cmd.ExecuteNonQuery();
    }

    private long Scalar(string sql, params (string, object)[] args)
    {
        using var cmd = Command(sql, args);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return cmd;
    }

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();
}

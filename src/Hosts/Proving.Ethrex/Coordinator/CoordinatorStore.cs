using Microsoft.Data.Sqlite;
using Proving.Ethrex.Protocol;

namespace Proving.Ethrex.Coordinator;

/// <summary>
/// The coordinator's durable state in one SQLite file (WAL, synchronous=FULL), laid out as ethrex's SQL store
/// (spec §5) plus the leases ethrex keeps only in memory:
/// <c>batch_inputs(batch, version)</c>, <c>batch_proofs(batch, prover_type)</c>, <c>latest_sent</c> (one row),
/// <c>leases(batch, prover_type, expires_at_ms)</c>. Batch numbers are stored as SQLite integers, so they must be
/// below 2^63. One connection per instance; callers serialize access (<see cref="CoordinatorService"/> does).
/// </summary>
internal sealed class CoordinatorStore : IDisposable
{
    private readonly SqliteConnection _db;
    private SqliteTransaction? _tx;

    public CoordinatorStore(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Exec("PRAGMA journal_mode=WAL;");
        Exec("PRAGMA synchronous=FULL;");
        Exec("PRAGMA busy_timeout=10000;");
        Exec("""
            CREATE TABLE IF NOT EXISTS batch_inputs (batch INTEGER NOT NULL, version TEXT NOT NULL, input BLOB NOT NULL, PRIMARY KEY (batch, version));
            CREATE TABLE IF NOT EXISTS batch_proofs (batch INTEGER NOT NULL, prover_type INTEGER NOT NULL, proof BLOB NOT NULL, received_at_ms INTEGER NOT NULL, PRIMARY KEY (batch, prover_type));
            CREATE TABLE IF NOT EXISTS latest_sent (id INTEGER PRIMARY KEY CHECK (id = 0), batch INTEGER NOT NULL);
            INSERT OR IGNORE INTO latest_sent (id, batch) VALUES (0, 0);
            CREATE TABLE IF NOT EXISTS leases (batch INTEGER NOT NULL, prover_type INTEGER NOT NULL, expires_at_ms INTEGER NOT NULL, PRIMARY KEY (batch, prover_type));
            """);
    }

    /// <summary>Runs <paramref name="work"/> in one immediate (write-locking) transaction.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        if (_tx != null) return work();
        using var tx = _db.BeginTransaction(deferred: false);
        _tx = tx;
        try
        {
            var result = work();
            tx.Commit();
            return result;
        }
        finally
        {
            _tx = null;
        }
    }

    /// <summary>Adds or replaces the input of (batch, version); returns true when it replaced one.</summary>
    public bool PutInput(ulong batch, string version, byte[] input)
    {
        var existed = Scalar("SELECT COUNT(*) FROM batch_inputs WHERE batch=$b AND version=$v", ("$b", Key(batch)), ("$v", version)) > 0;
        Exec("INSERT INTO batch_inputs (batch, version, input) VALUES ($b, $v, $i) ON CONFLICT(batch, version) DO UPDATE SET input=excluded.input",
            ("$b", Key(batch)), ("$v", version), ("$i", input));
        return existed;
    }

    /// <summary>True when any version of the batch's input is stored (ethrex: <c>contains_batch</c>).</summary>
    public bool BatchExists(ulong batch) =>
        batch <= long.MaxValue && Scalar("SELECT COUNT(*) FROM batch_inputs WHERE batch=$b", ("$b", Key(batch))) > 0;

    public byte[]? GetInput(ulong batch, string version)
    {
        using var cmd = Command("SELECT input FROM batch_inputs WHERE batch=$b AND version=$v", ("$b", Key(batch)), ("$v", version));
        return cmd.ExecuteScalar() as byte[];
    }

    public bool ProofExists(ulong batch, ProverType type) =>
        Scalar("SELECT COUNT(*) FROM batch_proofs WHERE batch=$b AND prover_type=$t", ("$b", Key(batch)), ("$t", (long)type)) > 0;

    public byte[]? GetProof(ulong batch, ProverType type)
    {
        using var cmd = Command("SELECT proof FROM batch_proofs WHERE batch=$b AND prover_type=$t", ("$b", Key(batch)), ("$t", (long)type));
        return cmd.ExecuteScalar() as byte[];
    }

    /// <summary>Stores a proof unless one of the same (batch, type) exists; returns false for a duplicate.</summary>
    public bool TryAddProof(ulong batch, ProverType type, byte[] proof, long nowMs) =>
        Exec("INSERT OR IGNORE INTO batch_proofs (batch, prover_type, proof, received_at_ms) VALUES ($b, $t, $p, $n)",
            ("$b", Key(batch)), ("$t", (long)type), ("$p", proof), ("$n", nowMs)) == 1;

    public ulong LatestSent => (ulong)Scalar("SELECT batch FROM latest_sent WHERE id=0");

    public void SetLatestSent(ulong batch) => Exec("UPDATE latest_sent SET batch=$b WHERE id=0", ("$b", Key(batch)));

    /// <summary>The lease's expiry (Unix ms) or null.</summary>
    public long? LeaseExpiry(ulong batch, ProverType type)
    {
        using var cmd = Command("SELECT expires_at_ms FROM leases WHERE batch=$b AND prover_type=$t", ("$b", Key(batch)), ("$t", (long)type));
        return cmd.ExecuteScalar() is long v ? v : null;
    }

    public void PutLease(ulong batch, ProverType type, long expiresAtMs) =>
        Exec("INSERT INTO leases (batch, prover_type, expires_at_ms) VALUES ($b, $t, $e) ON CONFLICT(batch, prover_type) DO UPDATE SET expires_at_ms=excluded.expires_at_ms",
            ("$b", Key(batch)), ("$t", (long)type), ("$e", expiresAtMs));

    public void DeleteLease(ulong batch, ProverType type) =>
        Exec("DELETE FROM leases WHERE batch=$b AND prover_type=$t", ("$b", Key(batch)), ("$t", (long)type));

    public int DeleteLeasesBelow(ulong batch) => Exec("DELETE FROM leases WHERE batch < $b", ("$b", Key(batch)));

    public IReadOnlyList<(ulong Batch, string Version, long Bytes)> Inputs() =>
        Rows("SELECT batch, version, length(input) FROM batch_inputs ORDER BY batch, version", r => ((ulong)r.GetInt64(0), r.GetString(1), r.GetInt64(2)));

    public IReadOnlyList<(ulong Batch, ProverType Type, long Bytes)> Proofs() =>
        Rows("SELECT batch, prover_type, length(proof) FROM batch_proofs ORDER BY batch, prover_type", r => ((ulong)r.GetInt64(0), (ProverType)r.GetInt64(1), r.GetInt64(2)));

    public IReadOnlyList<(ulong Batch, ProverType Type, long ExpiresAtMs)> Leases() =>
        Rows("SELECT batch, prover_type, expires_at_ms FROM leases ORDER BY batch, prover_type", r => ((ulong)r.GetInt64(0), (ProverType)r.GetInt64(1), r.GetInt64(2)));

    public void Dispose() => _db.Dispose();

    private static long Key(ulong batch) =>
        batch <= long.MaxValue ? (long)batch : throw new ArgumentOutOfRangeException(nameof(batch), batch, "batch numbers above 2^63-1 are not stored");

    private SqliteCommand Command(string sql, params (string Name, object Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private int Exec(string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(sql, args);
        return cmd.ExecuteNonQuery();
    }

    private long Scalar(string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(sql, args);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private IReadOnlyList<T> Rows<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }
}

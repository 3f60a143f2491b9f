using Microsoft.Data.Sqlite;

namespace Dyad.Corpus;

/// <summary>
/// Copies the WAL back into the database on a thread of its own while a long write runs, so the
/// writing thread never stops for a checkpoint: with <c>synchronous = NORMAL</c> the checkpoint is
/// where SQLite reads the WAL, writes the pages and waits for two fsyncs — on a 1 GB ingest about
/// a fifth of the wall time when the writer did it itself. The writer's automatic checkpoints are
/// off while this runs; checkpoints are PASSIVE (they never block the writer or readers), and the
/// last connection to close checkpoints whatever is left, as SQLite always does.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>A checkpoint starts once the WAL holds this much.</summary>
    public const long StartBytes = 32L << 20;
    /// <summary>Past this the writer falls back to checkpointing itself (the background one cannot keep up).</summary>
    public const long LimitBytes = 512L << 20;

    private readonly SqliteConnection _conn;
    private readonly string _walPath;
    private readonly Thread _thread;
    private readonly AutoResetEvent _wake = new(false);
    private volatile bool _stop;

    public WalCheckpointer(string connectionString, string databasePath)
    {
        _walPath = databasePath + "-wal";
        _conn = new SqliteConnection(connectionString);
        _conn.Open();
        _thread = new Thread(Loop) { IsBackground = true, Name = "dyad-checkpoint", Priority = ThreadPriority.BelowNormal };
        _thread.Start();
    }

    /// <summary>Bytes in the WAL file now (0 when it is missing).</summary>
    public long WalBytes
    {
        get
        {
            try { return new FileInfo(_walPath).Length; }
            catch (IOException) { return 0; }
        }
    }

    /// <summary>Called after each commit.</summary>
    public void Committed() => _wake.Set();

    private void Loop()
    {
        while (!_stop)
        {
            _wake.WaitOne(1000);
            if (_stop) break;
            if (WalBytes < StartBytes) continue;
            try
            {
                using var cmd = _conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // busy or locked: the next commit wakes us again
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        _wake.Set();
        _thread.Join();
        _conn.Dispose();
        _wake.Dispose();
    }
}

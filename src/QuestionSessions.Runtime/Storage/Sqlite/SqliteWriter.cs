using Microsoft.Data.Sqlite;

namespace QuestionSessions.Runtime.Storage.Sqlite;

/// <summary>
/// The store's one write connection, with the event insert every append runs prepared once for the
/// connection's life instead of once per append. Used only under the store's write gate.
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IAsyncDisposable
{
    private SqliteCommand? insertEvent;

    public SqliteConnection Connection => connection;

    /// <summary>The event insert (parameters $s $v $t $d $m $r $p $h, in that order), enlisted in <paramref name="transaction"/>.</summary>
    public SqliteCommand InsertEvent(SqliteTransaction transaction)
    {
        insertEvent ??= SqliteRows.Command(connection, null, SqliteAppender.InsertEventSql,
            ("$s", null), ("$v", null), ("$t", null), ("$d", null), ("$m", null), ("$r", null), ("$p", null), ("$h", null));
        insertEvent.Transaction = transaction;
        return insertEvent;
    }

    public async ValueTask DisposeAsync()
    {
        if (insertEvent is not null)
        {
            await insertEvent.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}

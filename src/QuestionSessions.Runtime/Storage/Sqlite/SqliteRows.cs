using Microsoft.Data.Sqlite;

namespace QuestionSessions.Runtime.Storage.Sqlite;

/// <summary>Reading rows and binding parameters, in one place for every SQLite query.</summary>
internal static class SqliteRows
{
    /// <summary>Reads a row selected with <see cref="SqliteSchema.EventColumns"/>.</summary>
    public static StoredEvent ReadEvent(SqliteDataReader reader) => new(
        StreamId: reader.GetString(1),
        Version: reader.GetInt64(2),
        Position: reader.GetInt64(0),
        Type: reader.GetString(3),
        Data: reader.GetString(4),
        Metadata: reader.GetString(5),
        RecordedAt: RecordedTime.FromUnixMicroseconds(reader.GetInt64(6)),
        PrevHash: reader.GetString(7),
        Hash: reader.GetString(8));

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

using Npgsql;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>Reading rows and binding positional parameters, in one place for every PostgreSQL query.</summary>
internal static class PostgresRows
{
    /// <summary>Reads <see cref="PostgresSchema.EventColumns"/> starting at column <paramref name="first"/>.</summary>
    public static StoredEvent ReadEvent(NpgsqlDataReader reader, int first = 0) => new(
        StreamId: reader.GetString(first + 1),
        Version: reader.GetInt64(first + 2),
        Position: reader.GetInt64(first),
        Type: reader.GetString(first + 3),
        Data: reader.GetString(first + 4),
        Metadata: reader.GetString(first + 5),
        RecordedAt: reader.GetFieldValue<DateTimeOffset>(first + 6),
        PrevHash: reader.GetString(first + 7),
        Hash: reader.GetString(first + 8));

    /// <summary>A command whose <c>$1, $2, …</c> are bound to <paramref name="values"/> in order.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}

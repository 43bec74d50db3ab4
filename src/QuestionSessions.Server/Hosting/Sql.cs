using System.Data.Common;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Parameters for the read-model SQL, which is written once for both providers: SQLite and
/// PostgreSQL both accept @name parameters and INSERT … ON CONFLICT … DO UPDATE.
/// </summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

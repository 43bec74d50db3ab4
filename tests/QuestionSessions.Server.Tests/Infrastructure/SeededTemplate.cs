using Microsoft.Data.Sqlite;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>
/// The demo, seeded once per test process by a real node (through the grains, as always) into a SQLite file
/// that is then kept as a template. A SQLite node starting over a file that does not exist yet begins from a
/// copy: the same as a server restarted over a seeded database, whose seeder finds the demo present and skips.
/// Reminders, snapshots and read models are in the file, so they come along. Only for nodes whose seed would be
/// the same: the real clock, no hook into the services, no seed or hashing options of their own.
/// </summary>
internal static class SeededTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>Whether a node started with these arguments over <paramref name="store"/> may begin from the template.</summary>
    public static bool Fits(TestStore store, bool seed, TimeProvider? clock, bool configured, IEnumerable<string> extra) =>
        seed && clock is null && !configured
        && store.Provider == "Sqlite"
        && !File.Exists(new SqliteConnectionStringBuilder(store.ConnectionString).DataSource)
        && !extra.Any(a => a.StartsWith("--Demo:", StringComparison.Ordinal) || a.StartsWith("--PasswordHasher:", StringComparison.Ordinal));

    /// <summary>Copies the template to the store's file, seeding the template first if this process has none yet.</summary>
    public static async Task CopyToAsync(TestStore store, Func<TestStore, Task<TestNode>> startSeeding, CancellationToken cancellationToken)
    {
        var template = await TemplateAsync(startSeeding, cancellationToken);
        File.Copy(template, new SqliteConnectionStringBuilder(store.ConnectionString).DataSource);
    }

    private static async Task<string> TemplateAsync(Func<TestStore, Task<TestNode>> startSeeding, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_template is null)
            {
                var folder = Directory.CreateTempSubdirectory("qs-template-").FullName;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(folder);
                var seeded = Path.Combine(folder, "seeded.db");
                await using (await startSeeding(new TestStore("Sqlite", $"Data Source={seeded}")))
                {
                }

                // One self-contained file (no write-ahead log beside it), written after the node stopped.
                var template = Path.Combine(folder, "template.db");
                await using (var connection = new SqliteConnection($"Data Source={seeded}"))
                {
                    await connection.OpenAsync(cancellationToken);
                    await using var vacuum = connection.CreateCommand();
                    vacuum.CommandText = "VACUUM INTO $path";
                    vacuum.Parameters.AddWithValue("$path", template);
                    await vacuum.ExecuteNonQueryAsync(cancellationToken);
                }

                SqliteConnection.ClearAllPools();
                _template = template;
            }

            return _template;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: it is in the temp folder, and a test process must not fail on its way out.
        }
    }
}

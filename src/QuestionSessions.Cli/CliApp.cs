using QuestionSessions.Cli.Verify;

namespace QuestionSessions.Cli;

/// <summary><c>qs</c>: operator commands over the same store the server uses.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, TextReader? input = null)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : Ok;
        }

        if (args[0] == "export")
        {
            return await ExportAsync(args, output, error, cancellationToken);
        }

        if (args[0] == "admin")
        {
            return await AdminAsync(args, input ?? Console.In, output, error, cancellationToken);
        }

        if (args[0] is "grant" or "revoke")
        {
            return await RoleAsync(args, output, error, cancellationToken);
        }

        if (args[0] is "unseat" or "relieve")
        {
            return await DepartAsync(args, output, error, cancellationToken);
        }

        if (args[0] == "import")
        {
            return await ImportAsync(args, output, error, cancellationToken);
        }

        if (args[0] == "backup")
        {
            return await BackupAsync(args, output, error, cancellationToken);
        }

        if (StoreArguments.Parse(args.AsSpan(1)) is not { } store)
        {
            await error.WriteLineAsync($"qs: could not read the options.\n\n{Help}");
            return Usage;
        }

        return args[0] switch
        {
            "verify" => await VerifyCommand.RunAsync(store, output, error, cancellationToken),
            _ => await UnknownAsync(args[0], error),
        };
    }

    /// <summary><c>qs export commitments [--out FILE] [store options]</c>.</summary>
    private static async Task<int> ExportAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 2 || args[1] != "commitments")
        {
            await error.WriteLineAsync($"qs: export what? Only 'commitments' is exported.\n\n{Help}");
            return Usage;
        }

        var rest = args.Skip(2).ToList();
        string? outPath = null;
        var at = rest.IndexOf("--out");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count)
            {
                await error.WriteLineAsync($"qs: --out needs a file name.\n\n{Help}");
                return Usage;
            }

            outPath = rest[at + 1];
            rest.RemoveRange(at, 2);
        }

        if (StoreArguments.Parse([.. rest]) is not { } store)
        {
            await error.WriteLineAsync($"qs: could not read the options.\n\n{Help}");
            return Usage;
        }

        return await Export.ExportCommand.RunAsync(store, outPath, output, error, cancellationToken);
    }

    /// <summary><c>qs import petitions|units|members|officials FILE.csv [--skip-bad] [--parallel N] [store options]</c>.</summary>
    private static async Task<int> ImportAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 3 || args[1] is not ("petitions" or "units" or "members" or "officials"))
        {
            await error.WriteLineAsync($"qs: import what? 'qs import petitions|units|members|officials FILE.csv'.\n\n{Help}");
            return Usage;
        }

        var rest = args.Skip(3).ToList();
        var skipBad = rest.Remove("--skip-bad");
        var parallelism = 8;
        var at = rest.IndexOf("--parallel");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count || !int.TryParse(rest[at + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parallelism)
                || parallelism is < 1 or > 64)
            {
                await error.WriteLineAsync($"qs: --parallel takes 1 to 64.\n\n{Help}");
                return Usage;
            }

            rest.RemoveRange(at, 2);
        }

        if (StoreArguments.Parse([.. rest]) is not { } store)
        {
            await error.WriteLineAsync($"qs: could not read the options.\n\n{Help}");
            return Usage;
        }

        Import.IFileImport kind = args[1] switch
        {
            "units" => new Import.UnitFileImport(parallelism),
            "members" => new Import.MemberFileImport(parallelism),
            "officials" => new Import.OfficialFileImport(parallelism),
            _ => new Import.PetitionFileImport(parallelism),
        };
        return await Import.ImportCommand.RunAsync(store, args[2], skipBad, kind, output, error, cancellationToken);
    }

    /// <summary><c>qs admin create --username U --name "N" [--password-stdin] [store options]</c>.</summary>
    private static async Task<int> AdminAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rest = args.Skip(2).ToList();
        var fromStdin = rest.Remove("--password-stdin");
        var username = Take(rest, "--username");
        var name = Take(rest, "--name");
        if (args.Length < 2 || args[1] != "create" || username is not { Length: > 1 } || name is not { Length: > 0 }
            || StoreArguments.Parse([.. rest]) is not { } store)
        {
            await error.WriteLineAsync($"qs: 'qs admin create --username U --name \"N\" [--password-stdin]'.\n\n{Help}");
            return Usage;
        }

        return await Admin.AdminCommand.CreateAsync(store, username, name, fromStdin, input, output, error, cancellationToken);
    }

    /// <summary><c>qs grant|revoke --username U --role R --body B [--person P] [--reason "…"] [store options]</c>.</summary>
    private static async Task<int> RoleAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rest = args.Skip(1).ToList();
        var username = Take(rest, "--username");
        var roleText = Take(rest, "--role");
        var body = Take(rest, "--body");
        var person = Take(rest, "--person");
        var reason = Take(rest, "--reason");
        var revoke = args[0] == "revoke";
        if (username is null || body is null || revoke != (reason is not null)
            || roleText is null || !Enum.TryParse<Domain.Role>(roleText, ignoreCase: true, out var role) || roleText.Any(char.IsDigit)
            || StoreArguments.Parse([.. rest]) is not { } store)
        {
            await error.WriteLineAsync($"qs: 'qs {args[0]} --username U --role R --body B [--person P]{(revoke ? " --reason \"…\"" : "")}'.\n\n{Help}");
            return Usage;
        }

        return await Admin.AdminCommand.ChangeRoleAsync(store, username, role, body, person, reason, output, error, cancellationToken);
    }

    /// <summary><c>qs unseat --body B --member M --reason "…" [--on YYYY-MM-DD]</c>, <c>qs relieve --body B --official O --reason "…" [--on …]</c>.</summary>
    private static async Task<int> DepartAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rest = args.Skip(1).ToList();
        var unseat = args[0] == "unseat";
        var body = Take(rest, "--body");
        var person = Take(rest, unseat ? "--member" : "--official");
        var reason = Take(rest, "--reason");
        var onText = Take(rest, "--on");
        DateOnly? on = null;
        if (onText is not null && DateOnly.TryParseExact(onText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var day))
        {
            on = day;
        }

        if (body is null || person is null || reason is null || (onText is not null && on is null) || StoreArguments.Parse([.. rest]) is not { } store)
        {
            await error.WriteLineAsync($"qs: 'qs {args[0]} --body B {(unseat ? "--member M" : "--official O")} --reason \"…\" [--on YYYY-MM-DD]'.\n\n{Help}");
            return Usage;
        }

        return await Admin.AdminCommand.DepartAsync(store, body, (actor, now) => unseat
            ? new Domain.Bodies.UnseatMember(person, reason, on ?? Domain.Calendar.VietnamTime.Today(now), actor, now)
            : new Domain.Bodies.RelieveOfficial(person, reason, on ?? Domain.Calendar.VietnamTime.Today(now), actor, now),
            unseat ? $"member {person}" : $"official {person}", output, error, cancellationToken);
    }

    /// <summary>Removes <paramref name="option"/> and its value from <paramref name="rest"/>; the value, or null when absent or valueless.</summary>
    private static string? Take(List<string> rest, string option)
    {
        var at = rest.IndexOf(option);
        if (at < 0 || at + 1 >= rest.Count)
        {
            return null;
        }

        var value = rest[at + 1];
        rest.RemoveRange(at, 2);
        return value;
    }

    /// <summary><c>qs backup FILE [store options]</c>.</summary>
    private static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"qs: backup to which file? 'qs backup FILE'.\n\n{Help}");
            return Usage;
        }

        if (StoreArguments.Parse(args.AsSpan(2)) is not { } store)
        {
            await error.WriteLineAsync($"qs: could not read the options.\n\n{Help}");
            return Usage;
        }

        return await Backup.BackupCommand.RunAsync(store, args[1], output, error, cancellationToken);
    }

    private static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"qs: unknown command '{command}'.\n\n{Help}");
        return Usage;
    }

    private const string Help = """
        qs — QuestionSessions operator tool

        Usage:
          qs admin create --username U --name "N" [--password-stdin] [--provider …] [--connection …]
              Creates a system administrator on the server's database (the first one of a new deployment).
              The password is typed twice (not shown) or read from the first line of standard input with
              --password-stdin; at least 12 characters, not containing the username. There is no default.
          qs grant --username U --role R --body B [--person P] [--provider …] [--connection …]
          qs revoke --username U --role R --body B [--person P] --reason "…" [--provider …] [--connection …]
              Gives or takes back a role (chair, secretariat, deputy, respondent, agencyOfficer,
              supervisor, admin) in body B (* for every body: admin only), as the admin API does;
              --person names the member, official or agency the role acts for. Recorded as the body's
              event by qs; a signed-in session follows on its next request.
          qs unseat --body B --member M --reason "…" [--on YYYY-MM-DD] [--provider …] [--connection …]
          qs relieve --body B --official O --reason "…" [--on YYYY-MM-DD] [--provider …] [--connection …]
              Records that member M left body B (resigned, removed) or that official O no longer answers to it
              (moved to another post), from the day given (default today), with the public reason. The deputy
              or respondent role held as them is revoked in the same event; questions, sittings and
              commitments that name them keep their name. New sittings cannot name a relieved official.
          qs verify [--provider Sqlite|Postgres] [--connection "<connection string>"]
              Re-computes every stream's SHA-256 hash chain and names the first broken event.
              Defaults: the server's embedded store, Sqlite at data/questionsessions.db.
              Environment: Storage__Provider, Storage__ConnectionString (as for the server).
              Exit code: 0 all chains hold, 1 a chain is broken or the store cannot be read,
              2 usage error.
          qs export commitments [--out FILE] [--provider …] [--connection …]
              Writes the whole commitments ledger as CSV (RFC 4180, UTF-8, the ledger's columns, as
              /api/commitments/export.csv) to FILE, or to standard output; a progress bar on standard
              error. A file is written whole or not at all.
          qs import petitions FILE.csv [--skip-bad] [--parallel N] [--provider …] [--connection …]
              Files a session's aggregated petitions from CSV (UTF-8, header row, RFC 4180):
                ref,body_id,field,title,text,supporters,province_id,commune
              ref is the delegation's reference, unique per body (importing again files nothing twice);
              field is land, environment, health, education, transport, infrastructure,
              socialWelfare, labour, agriculture, justice, economy, administration or other;
              province_id one of the 34 ids (GET /api/places/provinces); commune may be empty.
              Each bad row is reported as FILE:LINE: reason; a file with bad rows imports nothing
              unless --skip-bad is given. N writers at once (default 8).
          qs import units FILE.csv [--skip-bad] [--parallel N] [--provider …] [--connection …]
              Establishes the bodies of the official list of administrative units (docs/samples/units.csv):
                unit_id,kind,name,name_en,parent_id
              kind is na, province or commune; a province's unit_id is one of the 34 ids and its body
              pc-{unit_id}; a commune's parent_id is its province's unit_id (in the file or a body already)
              and its body pc-{parent_id}-{unit_id}. Bad rows, --skip-bad and re-imports as for petitions.
          qs import members FILE.csv [--skip-bad] [--parallel N] [--provider …] [--connection …]
              Seats deputies and delegates (docs/samples/members.csv):
                body_id,member_id,name,role,group
              role is deputy (National Assembly) or delegate (People's Councils); group may be empty.
          qs import officials FILE.csv [--skip-bad] [--parallel N] [--provider …] [--connection …]
              Appoints the officials who answer, with their agencies (docs/samples/officials.csv):
                body_id,official_id,name,office,agency_id,agency_name,agency_name_en
              the agency is registered with the body first when it is not yet.
          qs backup FILE [--provider Sqlite] [--connection …]
              Copies the SQLite store to FILE while the server runs: one consistent snapshot, page by page
              with a progress bar on standard error, checked before it is moved into place. FILE must not
              exist. Restore: stop the server, put FILE where Storage:ConnectionString points (removing the
              old file's -wal and -shm), start it. PostgreSQL is refused: use pg_dump or pg_basebackup.
        """;
}

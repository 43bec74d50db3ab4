using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Administration;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Cli.Admin;

/// <summary>
/// <c>qs admin create --username U --name "N"</c>: the first system administrator, on the server's database. The
/// password is read from the terminal (twice, not echoed) or, with <c>--password-stdin</c>, from the first line of
/// standard input; there is no default and a weak one is refused. The role is a <see cref="RoleGranted"/> on
/// <c>body/*</c> by <c>qs</c>, so the first administrator is in the public history like every later one.
/// </summary>
internal static class AdminCommand
{
    /// <summary>Who acts when qs grants: the operator with access to the server's database.</summary>
    public static readonly Actor Operator = new("qs", "qs (operator on the server's database)", [new Grant(Role.Admin, Grant.AnyBody)]);

    public static async Task<int> CreateAsync(
        StoreArguments arguments, string username, string name, bool passwordFromStdin, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var password = passwordFromStdin ? await input.ReadLineAsync(cancellationToken) : ReadFromTerminal(error);
        if (password is null)
        {
            await error.WriteLineAsync("qs: no password given.");
            return CliApp.Usage;
        }

        if (PasswordRules.Problem(username, password) is { } weak)
        {
            await error.WriteLineAsync($"qs: {weak} Nothing created.");
            return CliApp.Failed;
        }

        return await WithAccountsAsync(arguments, error, async (store, accounts) =>
        {
            if (await accounts.CreateWithoutGrantsAsync(username, name, password, cancellationToken) is not { } account)
            {
                await error.WriteLineAsync($"qs: an account '{username.Trim().ToLowerInvariant()}' exists already; nothing created.");
                return CliApp.Failed;
            }

            var grant = new GrantRole(Grant.AnyBody, account.UserId, account.DisplayName, Role.Admin, null, Operator, DateTimeOffset.UtcNow);
            var (outcome, refused) = await BodyStreamWriter.RunAsync(store, Grant.AnyBody, grant, cancellationToken);
            if (outcome == BodyWriteOutcome.Refused)
            {
                await error.WriteLineAsync($"qs: the account was created but the role was refused: {refused!.Message}");
                return CliApp.Failed;
            }

            await output.WriteLineAsync($"qs: created the administrator '{account.Username}' ({account.DisplayName}); sign in on the web app at /admin.");
            return CliApp.Ok;
        }, cancellationToken);
    }

    /// <summary>
    /// <c>qs grant</c> and <c>qs revoke</c>: a role given to, or taken back from, the account named by its username,
    /// in one body (<c>*</c>: every body, administrators only), decided by the body decider as the API does.
    /// </summary>
    public static async Task<int> ChangeRoleAsync(
        StoreArguments arguments, string username, Role role, string bodyId, string? personId, string? revokeReason, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        return await WithAccountsAsync(arguments, error, async (store, accounts) =>
        {
            if (await accounts.FindAsync(username, cancellationToken) is not { } account)
            {
                await error.WriteLineAsync($"qs: no account '{username}'.");
                return CliApp.Failed;
            }

            BodyCommand command = revokeReason is null
                ? new GrantRole(bodyId, account.UserId, account.DisplayName, role, personId, Operator, DateTimeOffset.UtcNow)
                : new RevokeRole(bodyId, account.UserId, role, personId, revokeReason, Operator, DateTimeOffset.UtcNow);
            var (outcome, refused) = await BodyStreamWriter.RunAsync(store, bodyId, command, cancellationToken);
            if (outcome == BodyWriteOutcome.Refused)
            {
                await error.WriteLineAsync($"qs: refused ({refused!.Code}): {refused.Message}");
                return CliApp.Failed;
            }

            var done = revokeReason is null ? "granted" : "revoked";
            await output.WriteLineAsync(outcome == BodyWriteOutcome.AlreadyThere
                ? $"qs: nothing to change: {account.Username} already holds {role} in {bodyId}."
                : $"qs: {done} {role} in {bodyId} {(revokeReason is null ? "to" : "from")} {account.Username}; a signed-in session has it on its next request.");
            return CliApp.Ok;
        }, cancellationToken);
    }

    /// <summary>
    /// <c>qs unseat</c> and <c>qs relieve</c>: a member leaves the body, or an official their post, decided by the body
    /// decider as the API does (the deputy or respondent grant acting for them is revoked in the same decision).
    /// </summary>
    public static async Task<int> DepartAsync(
        StoreArguments arguments, string bodyId, Func<Actor, DateTimeOffset, BodyCommand> command, string who, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        return await WithAccountsAsync(arguments, error, async (store, _) =>
        {
            var (outcome, refused) = await BodyStreamWriter.RunAsync(store, bodyId, command(Operator, DateTimeOffset.UtcNow), cancellationToken);
            if (outcome == BodyWriteOutcome.Refused)
            {
                await error.WriteLineAsync($"qs: refused ({refused!.Code}): {refused.Message}");
                return CliApp.Failed;
            }

            await output.WriteLineAsync(outcome == BodyWriteOutcome.AlreadyThere
                ? $"qs: nothing to change: {who} had already left {bodyId}."
                : $"qs: recorded that {who} left {bodyId}; a role held as them is revoked, and a running server shows it on its next read.");
            return CliApp.Ok;
        }, cancellationToken);
    }

    /// <summary>Opens the store the arguments name, creates what is missing, and runs <paramref name="body"/> with its accounts.</summary>
    private static async Task<int> WithAccountsAsync(
        StoreArguments arguments, TextWriter error, Func<IEventStore, AccountStore, Task<int>> body, CancellationToken cancellationToken)
    {
        if (await arguments.OpenAsync(error) is not { } store)
        {
            return CliApp.Usage;
        }

        await using (store)
        {
            try
            {
                await new SchemaService(store).StartAsync(cancellationToken);
                // Hashed with the framework's default work factor, as the server verifies it.
                return await body(store, new AccountStore(store, Options.Create(new PasswordHasherOptions())));
            }
            catch (DbException e)
            {
                await error.WriteLineAsync($"qs: cannot write to the {store.Provider} store: {e.Message}");
                return CliApp.Failed;
            }
        }
    }

    /// <summary>The password typed twice without echo; null when the two differ or there is no terminal.</summary>
    private static string? ReadFromTerminal(TextWriter error)
    {
        if (Console.IsInputRedirected)
        {
            error.WriteLine("qs: standard input is not a terminal; give --password-stdin to read the password from it.");
            return null;
        }

        var first = Prompt(error, "Password: ");
        var second = Prompt(error, "Again: ");
        if (first != second)
        {
            error.WriteLine("qs: the two passwords differ.");
            return null;
        }

        return first;
    }

    private static string Prompt(TextWriter error, string label)
    {
        error.Write(label);
        var text = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        error.WriteLine();
        return text.ToString();
    }
}

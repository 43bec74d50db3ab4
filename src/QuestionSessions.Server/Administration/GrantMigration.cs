using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Server.Accounts;

namespace QuestionSessions.Server.Administration;

/// <summary>
/// Issues the grants an older database kept in the accounts' JSON column as <see cref="RoleGranted"/> events, by
/// <c>system</c>, once: each grant is idempotent, and an account's column is emptied only when all of its grants
/// are events. A grant the body refuses (the body is gone, the member never seated) stays in the column, is
/// still honoured, and is logged at every start until an administrator deals with it.
/// </summary>
internal sealed class GrantMigration(AccountStore accounts, IGrainFactory grains, TimeProvider time, ILogger<GrantMigration> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var account in await accounts.WithLegacyGrantsAsync(cancellationToken))
        {
            var issued = true;
            foreach (var grant in account.Grants)
            {
                var command = new GrantRole(grant.BodyId, account.UserId, account.DisplayName, grant.Role, grant.PersonId, Actor.System, time.GetUtcNow());
                var reply = await grains.GetGrain<IBodyGrain>(grant.BodyId).ExecuteAsync(command, CommandOptions.None, cancellationToken);
                if (!reply.Succeeded)
                {
                    issued = false;
                    logger.LogWarning("The stored grant {Role} in {Body} of account {User} could not be issued as an event: {Code}",
                        grant.Role, grant.BodyId, account.Username, reply.Error?.Code ?? reply.Outcome.ToString());
                }
            }

            if (issued)
            {
                await accounts.ClearLegacyGrantsAsync(account.UserId, cancellationToken);
            }
        }
    }
}

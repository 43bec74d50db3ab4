using System.Security.Cryptography;

namespace QuestionSessions.Grains.Commitments;

/// <summary>What a voter can follow in the ledger.</summary>
public enum FollowKind
{
    Commitment,
    Agency,
    Official,
}

/// <summary>One followed item: a commitment by id, or an agency or official of a body by id.</summary>
[GenerateSerializer, Immutable]
public sealed record Followed([property: Id(0)] FollowKind Kind, [property: Id(1)] string Key, [property: Id(2)] string? BodyId);

/// <summary>A voter's follow list as Orleans keeps it (ADO.NET grain storage in the server).</summary>
[GenerateSerializer]
public sealed class FollowListState
{
    [Id(0)]
    public List<Followed> Items { get; set; } = [];

    /// <summary>The secret part of the list's feed addresses; a new one makes old addresses stop working.</summary>
    [Id(1)]
    public string FeedSecret { get; set; } = "";
}

/// <summary>A signed-in voter's follow list, keyed by the account's user id.</summary>
public interface IFollowListGrain : IGrainWithStringKey
{
    /// <summary>The list; its first read creates and stores the feed secret, so it is not read-only.</summary>
    Task<FollowListView> Get();

    /// <summary>Adds an item; false when the list is full. Following twice is one follow.</summary>
    Task<bool> Follow(Followed item);

    Task Unfollow(Followed item);

    /// <summary>The list, if <paramref name="secret"/> is its feed secret (feeds are read without a cookie).</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<FollowListView?> ForFeed(string secret);
}

[GenerateSerializer, Immutable]
public sealed record FollowListView([property: Id(0)] IReadOnlyList<Followed> Items, [property: Id(1)] string FeedSecret);

public sealed class FollowListGrain([PersistentState("follows")] IPersistentState<FollowListState> list) : Grain, IFollowListGrain
{
    /// <summary>Enough for anyone following by hand; a bound so a list cannot be used to fill the store.</summary>
    public const int MaxItems = 200;

    public async Task<FollowListView> Get()
    {
        await EnsureSecretAsync();
        return View();
    }

    public async Task<bool> Follow(Followed item)
    {
        if (list.State.Items.Contains(item))
        {
            return true;
        }

        if (list.State.Items.Count >= MaxItems)
        {
            return false;
        }

        list.State.Items.Add(item);
        await EnsureSecretAsync(write: false);
        await list.WriteStateAsync();
        return true;
    }

    public async Task Unfollow(Followed item)
    {
        if (list.State.Items.Remove(item))
        {
            await list.WriteStateAsync();
        }
    }

    public Task<FollowListView?> ForFeed(string secret) =>
        Task.FromResult(list.State.FeedSecret.Length > 0
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(list.State.FeedSecret))
                ? View()
                : null);

    private FollowListView View() => new([.. list.State.Items], list.State.FeedSecret);

    private async Task EnsureSecretAsync(bool write = true)
    {
        if (list.State.FeedSecret.Length == 0)
        {
            list.State.FeedSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            if (write)
            {
                await list.WriteStateAsync();
            }
        }
    }
}

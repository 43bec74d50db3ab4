using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Search;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Server.Tests.Search;

/// <summary>
/// The search over the index on both databases: Vietnamese typed with or without marks finds the same
/// documents, ranked the same, on SQLite and PostgreSQL.
/// </summary>
public sealed class SearchQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly SearchDocument[] Corpus =
    [
        new(SearchKind.Petition, "p1", "na", "Bồi thường đất đai khi thu hồi đất làm đường", "Cử tri đề nghị giải quyết dứt điểm việc bồi thường.", T0, "hue", "Phường Thuận Hóa", "Land"),
        new(SearchKind.Petition, "p2", "pc-hue", "Ô nhiễm sông Hương", "Nước thải chưa xử lý đổ ra sông; ảnh hưởng đất đai canh tác ven sông.", T0.AddDays(1), "hue", null, "Environment"),
        new(SearchKind.Question, "q1", "na", "Tiến độ cao tốc Bắc – Nam qua Thành phố Hồ Chí Minh", "Đại biểu hỏi Bộ trưởng Bộ Xây dựng.", T0.AddDays(2), null, null, null, "s1"),
        new(SearchKind.Answer, "a1", "na", "Tiến độ cao tốc Bắc – Nam qua Thành phố Hồ Chí Minh", "Bộ trưởng: bảo đảm hoàn thành năm 2027.", T0.AddDays(3), null, null, null, "s1"),
        new(SearchKind.Commitment, "c1", "pc-hue", "Đủ thuốc bảo hiểm y tế tại bệnh viện huyện", "Sở Y tế · Hoàn thành đấu thầu thuốc", T0.AddDays(4), "hue"),
        new(SearchKind.Commitment, "c2", "pc-ho-chi-minh", "Chống ngập đường Nguyễn Hữu Cảnh", "Sở Xây dựng · Hồ Chí Minh", T0.AddDays(5), "ho-chi-minh"),
        new(SearchKind.Explanation, "e1", "pc-hue", "Giải trình quyết định thu hồi đất", "Đề nghị giải trình căn cứ thu hồi đất ở.", T0.AddDays(6), "hue", null, "Land"),
        new(SearchKind.Supervision, "t1", "pc-hue", "Giám sát chuyên đề quản lý đất đai 2026", "Đoàn giám sát Hội đồng nhân dân thành phố.", T0.AddDays(7), "hue"),
        new(SearchKind.Petition, "p3", "na", "Đặt tên đường mới", "Đề nghị đặt tên đường theo danh nhân.", T0.AddDays(8), "ha-noi", null, "Administration"),
        new(SearchKind.Petition, "p4", "na", "ĐƯỜNG ĐIỆN NÔNG THÔN", "Cử tri xã đề nghị kéo điện lưới.", T0.AddDays(9), "lai-chau", "Xã Tân Uyên", "Infrastructure"),
    ];

    private readonly SqliteTestStore _sqliteFile = new();
    private readonly PostgresDatabase _postgres = new();
    private IEventStore _sqlite = null!;
    private IEventStore _pg = null!;

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _sqlite = await OpenAsync("Sqlite", _sqliteFile.Store.ConnectionString);
        _pg = await OpenAsync("Postgres", _postgres.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _pg.DisposeAsync();
        await _postgres.DisposeAsync();
        _sqliteFile.Dispose();
    }

    [Theory]
    [InlineData("dat dai", new[] { "t1", "p1", "p2" })]
    [InlineData("đất đai", new[] { "t1", "p1", "p2" })]
    [InlineData("ĐẤT ĐAI", new[] { "t1", "p1", "p2" })]
    [InlineData("ho chi minh", new[] { "a1", "q1", "c2" })]
    [InlineData("Hồ Chí Minh", new[] { "a1", "q1", "c2" })]
    [InlineData("duong", new[] { "p3", "p4", "c2", "p1" })]
    [InlineData("thu hoi dat", new[] { "e1", "p1" })]
    [InlineData("at", new string[0])]
    [InlineData("y te bao hiem", new[] { "c1" })]
    public async Task Marks_and_case_do_not_matter_and_every_word_must_begin_a_word(string query, string[] expected)
    {
        foreach (var store in new[] { _sqlite, _pg })
        {
            var page = await SearchQuery.RunAsync(store, new SearchFilter(query), 0, 20, TestContext.Current.CancellationToken);
            Assert.Equal(expected, page.Items.Select(i => i.Id));
            Assert.Equal(expected.Length, page.Total);
        }
    }

    [Fact]
    public async Task A_title_hit_ranks_above_a_text_hit_and_the_whole_phrase_above_scattered_words()
    {
        var page = await SearchQuery.RunAsync(_pg, new SearchFilter("dat dai"), 0, 20, TestContext.Current.CancellationToken);
        // t1 and p1 hold "đất đai" in the title; t1 is newer. p2 holds it only in its text.
        Assert.Equal(["t1", "p1", "p2"], page.Items.Select(i => i.Id));
        Assert.True(page.Items[1].Score > page.Items[2].Score);
        Assert.Contains("đất đai", page.Items[2].Excerpt);
    }

    [Fact]
    public async Task Filters_narrow_by_kind_body_province_and_field()
    {
        foreach (var store in new[] { _sqlite, _pg })
        {
            async Task<string[]> Ids(SearchFilter filter) =>
                [.. (await SearchQuery.RunAsync(store, filter, 0, 20, TestContext.Current.CancellationToken)).Items.Select(i => i.Id)];

            // Without marks "dat" is both đất (land) and đặt (to name): p3 is about naming a street.
            Assert.Equal(["p3", "p1", "p2"], await Ids(new SearchFilter("dat", Kind: SearchKind.Petition)));
            Assert.Equal(["p3", "p1"], await Ids(new SearchFilter("dat", BodyId: "na")));
            Assert.Equal(["c2"], await Ids(new SearchFilter("duong", ProvinceId: "ho-chi-minh")));
            Assert.Equal(["e1", "p1"], await Ids(new SearchFilter("dat", Field: "Land")));
            Assert.Empty(await Ids(new SearchFilter("dat", BodyId: "pc-atlantis")));
        }
    }

    [Fact]
    public async Task Pages_follow_one_total_order_the_same_on_both_databases()
    {
        foreach (var query in new[] { "d", "duong", "de nghi", "bo", "s" })
        {
            var whole = await SearchQuery.RunAsync(_sqlite, new SearchFilter(query), 0, 50, TestContext.Current.CancellationToken);
            var pg = await SearchQuery.RunAsync(_pg, new SearchFilter(query), 0, 50, TestContext.Current.CancellationToken);
            Assert.Equal(whole.Items.Select(i => (i.Id, i.Score)), pg.Items.Select(i => (i.Id, i.Score)));

            var paged = new List<string>();
            for (var offset = 0; offset < whole.Total; offset += 3)
            {
                paged.AddRange((await SearchQuery.RunAsync(_pg, new SearchFilter(query), offset, 3, TestContext.Current.CancellationToken)).Items.Select(i => i.Id));
            }

            Assert.Equal(whole.Items.Select(i => i.Id), paged);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%_%")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\u200b\u200b")]
    public async Task A_query_with_nothing_searchable_finds_nothing_and_wildcards_are_not_wildcards(string query)
    {
        var page = await SearchQuery.RunAsync(_pg, new SearchFilter(query), 0, 20, TestContext.Current.CancellationToken);
        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
    }

    private static async Task<IEventStore> OpenAsync(string provider, string connectionString)
    {
        var store = EventStoreFactory.Create(provider, connectionString, TimeProvider.System);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await SearchIndex.CreateTableAsync(connection, null, TestContext.Current.CancellationToken);
        foreach (var document in Corpus)
        {
            var write = SearchIndex.Upsert(document);
            await using var command = Sql.Command(connection, null, write.Sql, [.. write.Parameters]);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return store;
    }
}

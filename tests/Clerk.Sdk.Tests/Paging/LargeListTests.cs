using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>Every user of 100,000, by cursor (starting_after), served page by page by a loopback Kestrel server.</summary>
public class LargeListTests
{
    private const int Total = 100_000;

    [Test]
    public async Task CursorPaging_Over100000Users_SeesEveryUserExactlyOnce()
    {
        var requests = 0;
        await using var app = Loopback.CreateBuilder().Build();
        app.MapGet("/v1/users", async (HttpContext context) =>
        {
            System.Threading.Interlocked.Increment(ref requests);
            var limit = int.Parse(context.Request.Query["limit"]!, CultureInfo.InvariantCulture);
            // Cursor paging: the users after the one named by starting_after (ids are user_ + a zero-padded index); no offset is sent.
            Assert.That(context.Request.Query.ContainsKey("offset"), Is.False, "users page by cursor");
            var after = context.Request.Query["starting_after"].ToString();
            var offset = after.Length == 0 ? 0 : int.Parse(after["user_".Length..], CultureInfo.InvariantCulture) + 1;
            var ids = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, Total - offset)));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[" + string.Join(",", ids.Select(i => $"{{\"id\":\"user_{i:D27}\",\"object\":\"user\",\"created_at\":{1700000000000L + i}}}")) + "]");
        });
        await app.StartAsync();
        var address = Loopback.AddressOf(app);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_LargeListLargeListLarge", ApiUrl = address + "/v1" });

        var seen = new HashSet<string>();
        var duplicates = 0;
        await foreach (var user in clerk.Users.ListAsync().WithPageSize(500))
        {
            if (!seen.Add(user.Id)) duplicates++;
        }

        Assert.That(seen, Has.Count.EqualTo(Total));
        Assert.That(duplicates, Is.Zero);
        Assert.That(requests, Is.EqualTo(Total / 500 + 1), "200 full pages, then one empty page ends it");
    }
}

using System;
using Clerk.Http;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>The page size a list operation sends, its limits and what a wrong hint is told.</summary>
public class PagingInfoTests
{
    [TestCase(null, 500, TestName = "no API maximum: 500")]
    [TestCase(500L, 500, TestName = "an API maximum of 500")]
    [TestCase(499L, 499, TestName = "an API maximum below 500")]
    [TestCase(1000L, 500, TestName = "an API maximum above 500")]
    [TestCase(0L, 1, TestName = "an API maximum of 0 is read as 1")]
    public void TheLargestPageSize_IsTheApisMaximum_AtMost500(long? max, int largest) =>
        Assert.That(new ClerkPagingInfo(ClerkPagingKind.Offset, 10, max, false).LargestPageSize, Is.EqualTo(largest));

    [Test]
    public void AHintOutsideTheLimits_SaysTheLimits_AndNamesTheApisMaximumOnlyWhenItIsLower()
    {
        var full = new ClerkPagingInfo(ClerkPagingKind.Cursor, 10, 500, false);
        var lower = new ClerkPagingInfo(ClerkPagingKind.Cursor, 10, 100, false);
        Assert.Multiple(() =>
        {
            var tooBig = Assert.Throws<ArgumentOutOfRangeException>(() => full.PageSize(501))!;
            Assert.That((tooBig.ParamName, tooBig.Message), Is.EqualTo(("pageSizeHint", $"The page size must be between 1 and 500; the default is 100. (Parameter 'pageSizeHint'){Environment.NewLine}Actual value was 501.")));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => lower.PageSize(0, "pageSize"))!.Message,
                Is.EqualTo($"The page size must be between 1 and 100 (the API's maximum for this operation); the default is 100. (Parameter 'pageSize'){Environment.NewLine}Actual value was 0."));
            Assert.That(full.PageSize(500), Is.EqualTo(500));
            Assert.That(full.PageSize(1), Is.EqualTo(1));
            Assert.That(full.PageSize(null), Is.EqualTo(100));
            Assert.That(new ClerkPagingInfo(ClerkPagingKind.Cursor, 10, 20, false).PageSize(null), Is.EqualTo(20), "the default, capped by the API's maximum");
        });
    }

    [Test]
    public void TheDescription_SaysKindDefaultMaximumAndFlag()
    {
        Assert.That(new ClerkPagingInfo(ClerkPagingKind.Cursor, 10, 500, true).ToString(), Is.EqualTo("Cursor (default 10, max 500, paginated)"));
        Assert.That(new ClerkPagingInfo(ClerkPagingKind.Offset, 20, null, false).ToString(), Is.EqualTo("Offset (default 20)"));
    }
}

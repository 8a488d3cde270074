using System;
using System.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary><see cref="ClerkPage{T}"/> on its own: the continuation token, the list behaviour, construction for mocks.</summary>
[TestFixture]
public class ClerkPageTests
{
    [TestCase("10", true)]
    [TestCase(null, false)]
    public void HasMore_IsWhetherThereIsAContinuationToken(string? token, bool expected)
    {
        var page = new ClerkPage<int>(Enumerable.Range(0, 10).ToArray(), token, totalCount: 25);

        Assert.That(page.HasMore, Is.EqualTo(expected));
        Assert.That(page.ContinuationToken, Is.EqualTo(token));
        Assert.That(page.TotalCount, Is.EqualTo(25));
    }

    [Test]
    public void ThePage_IsAReadOnlyListOfItsItems()
    {
        var page = new ClerkPage<string>(["a", "b", "c"], "9", totalCount: 9);

        Assert.Multiple(() =>
        {
            Assert.That(page.Count, Is.EqualTo(3));
            Assert.That(page[1], Is.EqualTo("b"));
            Assert.That(page, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(page.Items, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(() => page[3], Throws.InstanceOf<ArgumentOutOfRangeException>().Or.InstanceOf<IndexOutOfRangeException>());
            Assert.That(page.ToString(), Is.EqualTo("ClerkPage<String>: 3 items, more follow, of 9"));
            Assert.That(new ClerkPage<string>([], null).ToString(), Is.EqualTo("ClerkPage<String>: 0 items, last page"));
        });
    }

    [Test]
    public void NullItems_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new ClerkPage<string>(null!, null));
    }

    [Test]
    public void AWirePageWithoutItems_IsEmpty()
    {
        var page = ClerkPage<string>.FromWire(null, null, totalCount: 0);

        Assert.That(page, Is.Empty);
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public void AWirePage_CannotBeChangedThroughThePage()
    {
        var wire = new System.Collections.Generic.List<string> { "a" };
        var page = ClerkPage<string>.FromWire(wire, null, totalCount: null);

        Assert.That(page.Items, Is.Not.InstanceOf<System.Collections.Generic.List<string>>());
        Assert.That(((System.Collections.Generic.ICollection<string>)page.Items).IsReadOnly, Is.True);
    }
}

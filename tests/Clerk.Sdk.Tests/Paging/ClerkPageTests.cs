using System;
using System.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary><see cref="ClerkPage{T}"/> on its own: HasMore with and without a total, the list behaviour, construction for mocks.</summary>
[TestFixture]
public class ClerkPageTests
{
    [TestCase(0, 10, 25, true, TestName = "With a total: first page of three")]
    [TestCase(10, 10, 25, true, TestName = "With a total: middle page")]
    [TestCase(20, 5, 25, false, TestName = "With a total: last, short page")]
    [TestCase(15, 10, 25, false, TestName = "With a total: a full page that reaches the total")]
    [TestCase(0, 0, 0, false, TestName = "With a total: nothing at all")]
    [TestCase(30, 0, 25, false, TestName = "With a total: past the end")]
    public void HasMore_WithATotal_IsOffsetPlusCountBelowTheTotal(int offset, int count, int total, bool expected)
    {
        var page = new ClerkPage<int>(Enumerable.Range(offset, count).ToArray(), offset, limit: 10, totalCount: total);

        Assert.That(page.HasMore, Is.EqualTo(expected));
    }

    [TestCase(10, 10, true, TestName = "Without a total: a full page may have a successor")]
    [TestCase(9, 10, false, TestName = "Without a total: a short page is the last")]
    [TestCase(0, 10, false, TestName = "Without a total: an empty page is the last")]
    [TestCase(0, 0, false, TestName = "Without a total: a zero limit never has more")]
    public void HasMore_WithoutATotal_IsAFullPage(int count, int limit, bool expected)
    {
        var page = new ClerkPage<int>(Enumerable.Range(0, count).ToArray(), offset: 0, limit);

        Assert.That(page.HasMore, Is.EqualTo(expected));
        Assert.That(page.TotalCount, Is.Null);
    }

    [Test]
    public void ThePage_IsAReadOnlyListOfItsItems()
    {
        var page = new ClerkPage<string>(["a", "b", "c"], offset: 6, limit: 3, totalCount: 9);

        Assert.Multiple(() =>
        {
            Assert.That(page.Count, Is.EqualTo(3));
            Assert.That(page[1], Is.EqualTo("b"));
            Assert.That(page, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(page.Items, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(page.NextOffset, Is.EqualTo(9));
            Assert.That(() => page[3], Throws.InstanceOf<ArgumentOutOfRangeException>().Or.InstanceOf<IndexOutOfRangeException>());
            Assert.That(page.ToString(), Is.EqualTo("ClerkPage<String>: 3 items from offset 6 (limit 3) of 9"));
        });
    }

    [Test]
    public void NullItems_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new ClerkPage<string>(null!, 0, 10));
    }

    [Test]
    public void AWirePageWithoutItems_IsEmpty()
    {
        var page = ClerkPage<string>.FromWire(null, offset: 0, limit: 10, totalCount: 0);

        Assert.That(page, Is.Empty);
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public void AWirePage_CannotBeChangedThroughThePage()
    {
        var wire = new System.Collections.Generic.List<string> { "a" };
        var page = ClerkPage<string>.FromWire(wire, offset: 0, limit: 10, totalCount: null);

        Assert.That(page.Items, Is.Not.InstanceOf<System.Collections.Generic.List<string>>());
        Assert.That(((System.Collections.Generic.ICollection<string>)page.Items).IsReadOnly, Is.True);
    }
}

namespace Clerk.Sdk.ConformanceTests.Synthesis;

/// <summary>Which arguments a case sends.</summary>
internal enum Variant
{
    /// <summary>Every required parameter and body field, nothing else (an optional body is left out).</summary>
    Required,

    /// <summary>Every parameter and body field the spec defines (read-only fields excepted).</summary>
    All,

    /// <summary>
    /// As <see cref="All"/>, but every body property the spec declares <c>nullable</c> is an explicit JSON null (Prism
    /// validates it against the spec's <c>nullable</c>): the models send an assigned null rather than leaving it out.
    /// </summary>
    Nulls,
}

namespace Clerk.Sdk.ConformanceTests.Synthesis;

/// <summary>Which arguments a case sends.</summary>
internal enum Variant
{
    /// <summary>Every required parameter and body field, nothing else (an optional body is left out).</summary>
    Required,

    /// <summary>Every parameter and body field the spec defines (read-only fields excepted).</summary>
    All,
}

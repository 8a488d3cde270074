namespace Clerk.Sdk.ConformanceTests.Prism;

/// <summary>One violation Prism reported: where (<c>request.body.user_id</c>), how bad (Error, Warning), its code and message.</summary>
internal sealed record PrismViolation(string Location, string Severity, string Code, string Message)
{
    public override string ToString() => $"{Location}: {Message} ({Code})";
}

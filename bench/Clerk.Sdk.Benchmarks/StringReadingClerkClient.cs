using Clerk.BackendApi;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// A <see cref="ClerkClient"/> whose <c>Users</c> client reads every body into a string before deserializing it
/// (NSwag's <c>ReadResponseAsString = true</c>, what the SDK did before it streamed): the "string read" contender,
/// so that the cost of that one setting shows in the same run as the streaming default.
/// </summary>
public sealed class StringReadingClerkClient : ClerkClient
{
    private IUsersClient? _users;

    public StringReadingClerkClient(ClerkClientOptions options)
        : base(options)
    {
    }

    public override IUsersClient Users => _users ??= CreateClient(static (baseUrl, http) => new UsersClient(http) { BaseUrl = baseUrl, ReadResponseAsString = true });
}

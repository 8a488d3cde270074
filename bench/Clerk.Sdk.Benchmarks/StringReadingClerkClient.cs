using Clerk.BackendApi;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// A <see cref="ClerkClient"/> whose <c>Users</c> client reads every body into a string before deserializing it
/// (NSwag's <c>ReadResponseAsString = true</c>, what the SDK did before it streamed): the "string read" contender,
/// so that the cost of that one setting shows in the same run as the streaming default.
/// </summary>
public sealed class StringReadingClerkClient : ClerkClient
{
    public StringReadingClerkClient(ClerkClientOptions options)
        : base(options)
    {
    }

    public override IUsersClient Users
    {
        get
        {
            // The facade's own Users client, switched to reading bodies as strings.
            var users = (UsersClient)base.Users;
            users.ReadResponseAsString = true;
            return users;
        }
    }
}

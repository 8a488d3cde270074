using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.BackendApi;

// A partial of the generated client: a convenience method built on a generated one. The interface gets it too, so
// code that depends on IUsersClient (and mocks of it) sees the new method.
public partial interface IUsersClient
{
    /// <summary>The user with this email address, or null.</summary>
    Task<User?> FindByEmailAsync(string emailAddress, CancellationToken cancellationToken = default);
}

public partial class UsersClient
{
    /// <inheritdoc />
    public async Task<User?> FindByEmailAsync(string emailAddress, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(new UserListOptions { EmailAddress = [emailAddress] }, cancellationToken: cancellationToken).GetPageAsync(pageSizeHint: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.FirstOrDefault();
    }
}

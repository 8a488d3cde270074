using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Clerk;

// With CLERK_SECRET_KEY set, lists the first users of the instance. Without it, shows what the SDK offers
// (read by reflection from the generated clients), so the sample runs anywhere.
var secretKey = Environment.GetEnvironmentVariable("CLERK_SECRET_KEY");
if (string.IsNullOrEmpty(secretKey))
{
    var resources = typeof(ClerkClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsInterface && p.PropertyType.Namespace == "Clerk.BackendApi")
        .Select(p => (p.Name, Operations: p.PropertyType.GetMethods().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal))))
        .OrderBy(r => r.Name)
        .ToList();
    Console.WriteLine($"Clerk.Sdk {ClerkClient.PackageVersion}: {resources.Count} resources, {resources.Sum(r => r.Operations)} ...Async methods (Clerk API {ClerkClientOptions.DefaultApiVersion}).");
    foreach (var (name, operations) in resources)
    {
        Console.WriteLine($"  clerk.{name,-26} {operations,3} methods");
    }
    Console.WriteLine("Set CLERK_SECRET_KEY to list your instance's users.");
    return 0;
}

using var clerk = ClerkClient.FromEnvironment();
try
{
    var users = await clerk.Users.ListAsync(limit: 10);
    foreach (var user in users)
    {
        Console.WriteLine($"{user.Id}  {user.FirstName} {user.LastName}  created {DateTimeOffset.FromUnixTimeMilliseconds(user.CreatedAt):u}");
    }
    return 0;
}
catch (ClerkApiException ex)
{
    Console.Error.WriteLine($"Clerk said {(int)ex.StatusCode} {ex.Code}: {ex.Message}");
    return 1;
}

using System.Linq;

namespace Clerk.BackendApi;

// A partial of a generated model: a computed property. [JsonIgnore] keeps it off the wire (Newtonsoft would
// otherwise serialize a get-only property and send it to Clerk).
public partial class User
{
    /// <summary>"First Last", else the primary email address, else the id.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public string DisplayName =>
        string.Join(" ", new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name
            ? name
            : EmailAddresses?.FirstOrDefault(e => e.Id == PrimaryEmailAddressId)?.EmailAddressValue ?? Id;
}

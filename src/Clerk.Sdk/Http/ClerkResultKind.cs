namespace Clerk.Http;

/// <summary>What an operation returns on success (<see cref="ClerkOperation.ResultKind"/>).</summary>
public enum ClerkResultKind
{
    /// <summary>Nothing: the call completes (<c>Task</c>).</summary>
    None = 0,

    /// <summary>A JSON body read into the model.</summary>
    Json = 1,

    /// <summary>Text that is not JSON (an HTML page), returned as the text.</summary>
    Text = 2,

    /// <summary>A redirect, returned as <see cref="ClerkRedirect"/> instead of followed.</summary>
    Redirect = 3,
}

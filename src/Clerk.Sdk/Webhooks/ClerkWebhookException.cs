namespace Clerk.Webhooks;

/// <summary>A webhook failed verification or parsing. The message never contains the secret, a signature or the body.</summary>
public class ClerkWebhookException : ClerkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the webhook was rejected.</param>
    /// <param name="message">A description without secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ClerkWebhookException(ClerkWebhookFailure reason, string message, System.Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the webhook was rejected.</summary>
    public ClerkWebhookFailure Reason { get; }
}

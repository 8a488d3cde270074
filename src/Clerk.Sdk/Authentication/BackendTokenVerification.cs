using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Clerk.BackendApi;

namespace Clerk.Authentication;

/// <summary>Verifies opaque machine tokens through the Backend API verify endpoints and maps their answers to reasons.</summary>
internal static class BackendTokenVerification
{
    /// <summary>Verifies one opaque token at its verify endpoint.</summary>
    /// <param name="clerk">The client.</param>
    /// <param name="type">The token's kind.</param>
    /// <param name="token">The token.</param>
    /// <param name="machineSecretKey">For an M2M token: the machine secret key to authenticate the verification with, or null for the client's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The verified machine token.</returns>
    public static async Task<ClerkMachineAuth> VerifyAsync(ClerkClient clerk, ClerkTokenType type, string token, string? machineSecretKey, CancellationToken cancellationToken)
    {
        try
        {
            switch (type)
            {
                case ClerkTokenType.ApiKey:
                    {
                        var response = await clerk.ApiKeys.VerifyAsync(new VerifyApiKeyRequest { Secret = token }, cancellationToken: cancellationToken).ConfigureAwait(false);
                        Complete(response.Object, response.Id, response.Subject, type);
                        Check(response.Revoked, response.Expired, type);
                        return MachineTokenResults.FromApiKey(response);
                    }
                case ClerkTokenType.M2MToken:
                    {
                        var response = await clerk.M2M.VerifyTokenAsync(new VerifyM2MTokenRequest { Token = token }, requestOptions: machineSecretKey is null ? null : new ClerkRequestOptions { SecretKey = machineSecretKey }, cancellationToken: cancellationToken).ConfigureAwait(false);
                        Complete(response.Object, response.Id, response.Subject, type);
                        Check(response.Revoked, response.Expired, type);
                        return MachineTokenResults.FromM2M(response);
                    }
                default:
                    {
                        var response = await clerk.OAuthAccessTokens.VerifyAsync(new VerifyOAuthAccessTokenRequest { AccessToken = token }, cancellationToken: cancellationToken).ConfigureAwait(false);
                        Complete(response.Object, response.Id, response.Subject, type);
                        Check(response.Revoked == true, response.Expired == true, type);
                        if (response.Active == false)
                        {
                            throw new ClerkTokenException(ClerkTokenFailureReason.Inactive, $"The {type} is not active.") { TokenType = type };
                        }
                        return MachineTokenResults.FromOAuth(response);
                    }
            }
        }
        catch (ClerkApiException ex)
        {
            var (reason, what) = ex.StatusCode switch
            {
                HttpStatusCode.NotFound => (ClerkTokenFailureReason.TokenNotFound, "Clerk does not know this token"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (ClerkTokenFailureReason.InvalidSecretKey, "the Backend API rejected the secret key"),
                _ => (ClerkTokenFailureReason.VerificationUnavailable, $"the Backend API answered {(int)ex.StatusCode}"),
            };
            throw new ClerkTokenException(reason, $"The {type} was not verified: {what}.", ex) { TokenType = type };
        }
        catch (ClerkTokenException)
        {
            throw;
        }
        catch (ClerkException ex)
        {
            throw new ClerkTokenException(ClerkTokenFailureReason.VerificationUnavailable, $"The {type} was not verified: the Backend API call failed ({ex.GetType().Name}).", ex) { TokenType = type };
        }
    }

    /// <summary>An answer without the token's object, id or subject is no verification (a {} or a proxy's answer).</summary>
    private static void Complete(string? @object, string? id, string? subject, ClerkTokenType type)
    {
        if (string.IsNullOrEmpty(@object) || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(subject))
        {
            var missing = string.IsNullOrEmpty(@object) ? "object" : string.IsNullOrEmpty(id) ? "id" : "subject";
            throw new ClerkTokenException(ClerkTokenFailureReason.VerificationUnavailable, $"The {type} was not verified: the Backend API's answer has no {missing}.") { TokenType = type };
        }
    }

    private static void Check(bool revoked, bool expired, ClerkTokenType type)
    {
        if (revoked)
        {
            throw new ClerkTokenException(ClerkTokenFailureReason.Revoked, $"The {type} was revoked.") { TokenType = type };
        }
        if (expired)
        {
            throw new ClerkTokenException(ClerkTokenFailureReason.Expired, $"The {type} expired.") { TokenType = type };
        }
    }
}

using System;
using System.Threading.Tasks;
using NSwag.Commands;

namespace Clerk.SpecTool;

/// <summary>
/// Runs NSwag in this process on a per-API NSwag document (<c>--nswag-out</c>), with the same variables
/// <c>dotnet-nswag run FILE /variables:...</c> takes: one process launch for every API of a build instead of one
/// NSwag launch per API. NSwag writes its output file itself (only when its content changes).
/// </summary>
public static class NSwagRunner
{
    /// <summary>Loads <paramref name="nswagDocument"/> with <paramref name="variables"/> (<c>Name=value,...</c>) and executes it.</summary>
    public static async Task RunAsync(string nswagDocument, string variables)
    {
        NSwagDocument document;
        try
        {
            document = await NSwagDocument.LoadWithTransformationsAsync(nswagDocument, variables).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SpecToolException)
        {
            throw new SpecToolException($"NSwag could not load {nswagDocument}: {ex.Message}");
        }
        try
        {
            await document.ExecuteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SpecToolException)
        {
            throw new SpecToolException($"NSwag failed on {nswagDocument} ({variables}): {ex.GetType().Name}: {ex.Message}");
        }
    }
}

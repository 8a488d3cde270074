using System;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>An input broke a parser's contract: an exception outside the documented ones, a hang, or a forgery accepted.</summary>
public sealed class FuzzFinding(string message, Exception? cause = null) : Exception(message, cause);

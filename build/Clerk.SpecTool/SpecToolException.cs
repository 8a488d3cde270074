using System;

namespace Clerk.SpecTool;

/// <summary>A failure the tool reports as one clear line (no stack trace).</summary>
public sealed class SpecToolException(string message) : Exception(message);

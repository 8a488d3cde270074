using System;
using System.Collections.Generic;

namespace Clerk.Testing.Errors;

/// <summary>Thrown by a fake endpoint to answer with a Clerk error (status and <c>errors[]</c>).</summary>
internal sealed class FakeErrorException : Exception
{
    public FakeErrorException(int status, IReadOnlyList<FakeError> errors)
        : base(errors.Count > 0 ? errors[0].LongMessage : "error")
    {
        Status = status;
        Errors = errors;
    }

    public FakeErrorException(int status, FakeError error)
        : this(status, [error])
    {
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The errors of the body.</summary>
    public IReadOnlyList<FakeError> Errors { get; }
}

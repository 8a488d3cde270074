using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Errors;

/// <summary>Writes Clerk's error JSON: <c>{"errors":[{"message","long_message","code","meta"}],"clerk_trace_id"}</c>.</summary>
internal static class ErrorBody
{
    public static JObject Create(IReadOnlyList<FakeError> errors)
    {
        var array = new JArray();
        foreach (var error in errors)
        {
            var item = new JObject
            {
                ["message"] = error.Message,
                ["long_message"] = error.LongMessage,
                ["code"] = error.Code,
            };
            if (error.ParamName is not null)
            {
                item["meta"] = new JObject { ["param_name"] = error.ParamName };
            }
            array.Add(item);
        }
        return new JObject { ["errors"] = array, ["clerk_trace_id"] = Guid.NewGuid().ToString("N") };
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Clerk.SpecTool;

/// <summary>Reads YAML (or JSON, which is YAML) into a Newtonsoft tree using the YAML 1.2 core schema for plain scalars.</summary>
public static class YamlJson
{
    public static JObject Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new SpecToolException($"{path} is not valid YAML: {ex.Message}");
        }
        if (stream.Documents.Count == 0 || Convert(stream.Documents[0].RootNode) is not JObject root)
        {
            throw new SpecToolException($"{path} does not hold a YAML mapping");
        }
        return root;
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new SpecToolException($"unsupported YAML node at {node.Start}"),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return JValue.CreateNull();
            case "true" or "True" or "TRUE": return new JValue(true);
            case "false" or "False" or "FALSE": return new JValue(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }
        if ((char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }
        return new JValue(text);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Naming rules over the public API of Clerk.Sdk (public and protected types and members, generated or handwritten):
/// no NSwag fallback names (<c>Body12</c>, <c>Response2</c>, <c>Anonymous6</c>, <c>CommercePlan2</c>), no snake_case
/// leaking from the wire, PascalCase types and members, camelCase parameters.
/// </summary>
[TestFixture]
public class NamingConventionTests
{
    private static readonly string[] ForbiddenTypeNamePrefixes = ["Body", "Response", "Anonymous"];

    [Test]
    public void TypeNames_AreNotNSwagFallbackNames()
    {
        var offenders = new List<string>();
        foreach (var type in SdkReflection.VisibleTypes)
        {
            var name = SdkReflection.SimpleName(type);
            if (char.IsDigit(name[^1]))
            {
                offenders.Add($"{SdkReflection.TypeName(type)}: ends in a digit (a numbered variant; name it in openapi/overlays or merge it in the normalizer)");
            }
            foreach (var prefix in ForbiddenTypeNamePrefixes.Where(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                offenders.Add($"{SdkReflection.TypeName(type)}: starts with '{prefix}' (an NSwag name for an unnamed inline schema)");
            }
        }
        ConventionAssert.NoOffenders(offenders, "public type names");
    }

    [Test]
    public void TypeNames_ArePascalCase()
    {
        var offenders = new List<string>();
        foreach (var type in SdkReflection.VisibleTypes)
        {
            var name = SdkReflection.SimpleName(type);
            if (!char.IsUpper(name[0]))
            {
                offenders.Add($"{SdkReflection.TypeName(type)}: does not start with an upper-case letter");
            }
            if (name.Contains('_', StringComparison.Ordinal))
            {
                offenders.Add($"{SdkReflection.TypeName(type)}: contains an underscore");
            }
        }
        ConventionAssert.NoOffenders(offenders, "public type names");
    }

    [Test]
    public void MemberNames_ArePascalCaseWithoutUnderscores()
    {
        var offenders = new List<string>();
        foreach (var type in SdkReflection.VisibleTypes)
        {
            foreach (var member in SdkReflection.VisibleMembers(type))
            {
                // Constructors, accessors (get_X), operators (op_Equality), event accessors and enum's value__ are named by the compiler.
                if (member is ConstructorInfo || SdkReflection.IsSpecialName(member))
                {
                    continue;
                }
                var kind = Kind(type, member);
                if (member.Name.Contains('_', StringComparison.Ordinal))
                {
                    offenders.Add($"{kind} {SdkReflection.Describe(member)}: contains an underscore{(IsSnakeCase(member.Name) ? " (snake_case)" : "")}");
                }
                if (!char.IsUpper(member.Name[0]))
                {
                    offenders.Add($"{kind} {SdkReflection.Describe(member)}: does not start with an upper-case letter");
                }
            }
        }
        ConventionAssert.NoOffenders(offenders, "public member names");
    }

    [Test]
    public void ParameterNames_AreCamelCaseWithoutUnderscores()
    {
        var offenders = new List<string>();
        foreach (var type in SdkReflection.VisibleTypes)
        {
            var methods = SdkReflection.VisibleMethodsAndConstructors(type)
                .Where(m => !(m.IsSpecialName && m.Name.StartsWith("set_", StringComparison.Ordinal))); // the setter's 'value' is the language's
            foreach (var method in methods)
            {
                foreach (var parameter in method.GetParameters())
                {
                    var name = parameter.Name;
                    if (string.IsNullOrEmpty(name))
                    {
                        offenders.Add($"{SdkReflection.Describe(method)}: parameter {parameter.Position} has no name");
                        continue;
                    }
                    if (name.Contains('_', StringComparison.Ordinal))
                    {
                        offenders.Add($"{SdkReflection.Describe(method)}: parameter '{name}' contains an underscore{(IsSnakeCase(name) ? " (snake_case)" : "")}");
                    }
                    if (!char.IsLower(name[0]))
                    {
                        offenders.Add($"{SdkReflection.Describe(method)}: parameter '{name}' does not start with a lower-case letter");
                    }
                }
            }
        }
        ConventionAssert.NoOffenders(offenders, "public parameter names");
    }

    [Test]
    public void ExtensibleEnumValues_ArePascalCase()
    {
        // The enum template (build/templates/Enum.liquid) emits one static property per known value; its name comes from the
        // wire value (build/Clerk.SpecTool/EnumNaming.cs). Checked on its own so that an offender reads as an enum value.
        var enumStructs = SdkReflection.VisibleTypes.Where(IsExtensibleEnum).ToList();
        Assert.That(enumStructs, Is.Not.Empty, "expected the generated extensible enum structs (build/templates/Enum.liquid)");
        var offenders = new List<string>();
        foreach (var type in enumStructs)
        {
            foreach (var value in type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(p => p.PropertyType == type))
            {
                if (value.Name.Contains('_', StringComparison.Ordinal) || !char.IsUpper(value.Name[0]))
                {
                    offenders.Add($"{SdkReflection.TypeName(type)}.{value.Name}");
                }
            }
        }
        ConventionAssert.NoOffenders(offenders, "extensible enum value names (PascalCase, no underscore)");
    }

    internal static bool IsExtensibleEnum(Type type) =>
        type.IsValueType && !type.IsEnum && type.GetCustomAttributes(false).Any(a => a.GetType().FullName == "Newtonsoft.Json.JsonConverterAttribute")
        && typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type);

    private static string Kind(Type declaringType, MemberInfo member) => member switch
    {
        PropertyInfo p when IsExtensibleEnum(declaringType) && p.GetMethod?.IsStatic == true && p.PropertyType == declaringType => "enum value",
        PropertyInfo => "property",
        MethodInfo => "method",
        FieldInfo f when declaringType.IsEnum => $"enum member{(f.IsLiteral ? "" : " field")}",
        FieldInfo => "field",
        EventInfo => "event",
        _ => member.MemberType.ToString().ToLowerInvariant(),
    };

    private static bool IsSnakeCase(string name) =>
        name.Contains('_', StringComparison.Ordinal) && name.Trim('_').Length > 0 && name.Where(char.IsLetter).All(char.IsLower);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Clerk.Http;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>Reflection helpers over the Clerk.Sdk assembly: what its public API is.</summary>
internal static class SdkReflection
{
    public static Assembly Assembly => typeof(ClerkClient).Assembly;

    private const BindingFlags AllDeclared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type a user of the package can see: public, or public/protected nested in a visible type.</summary>
    public static IReadOnlyList<Type> VisibleTypes { get; } = Assembly.GetTypes()
        .Where(IsVisible)
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The generated resource clients (every class deriving from <see cref="ClerkApiClientBase"/>).</summary>
    public static IReadOnlyList<Type> GeneratedClientClasses { get; } = VisibleTypes
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ClerkApiClientBase).IsAssignableFrom(t))
        .ToArray();

    public static bool IsVisible(Type type) =>
        type.IsPublic || ((type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    /// <summary>Members declared on <paramref name="type"/> that are public or protected (excluding accessors, operators and compiler-generated members).</summary>
    public static IEnumerable<MemberInfo> VisibleMembers(Type type) => type.GetMembers(AllDeclared)
        .Where(m => m is not Type && IsVisible(m) && !m.IsDefined(typeof(CompilerGeneratedAttribute), false));

    /// <summary>Public or protected methods declared on <paramref name="type"/>, accessors and operators included.</summary>
    public static IEnumerable<MethodBase> VisibleMethodsAndConstructors(Type type) => type.GetMethods(AllDeclared).Cast<MethodBase>()
        .Concat(type.GetConstructors(AllDeclared))
        .Where(m => IsVisible(m) && !m.IsDefined(typeof(CompilerGeneratedAttribute), false));

    public static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(true).Any(a => IsVisible(a)),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    public static bool IsSpecialName(MemberInfo member) => member switch
    {
        MethodBase m => m.IsSpecialName,
        FieldInfo f => f.IsSpecialName,
        PropertyInfo p => p.IsSpecialName,
        EventInfo e => e.IsSpecialName,
        _ => false,
    };

    /// <summary>A readable name: <c>Clerk.BackendApi.UsersClient.ListAsync(...)</c>.</summary>
    public static string Describe(MemberInfo member) => member switch
    {
        Type t => TypeName(t),
        ConstructorInfo c => $"{TypeName(c.DeclaringType!)}..ctor({string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name))})",
        MethodInfo m => $"{TypeName(m.DeclaringType!)}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})",
        _ => $"{TypeName(member.DeclaringType!)}.{member.Name}",
    };

    public static string TypeName(Type type) => type.FullName?.Replace('+', '.') ?? type.Name;

    /// <summary>The type name without the generic arity suffix (<c>Foo`1</c> becomes <c>Foo</c>).</summary>
    public static string SimpleName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}

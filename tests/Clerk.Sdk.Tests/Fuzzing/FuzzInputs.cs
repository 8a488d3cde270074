using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>
/// Generators of untrusted input: random bytes, and valid inputs (seeds) with a few bytes replaced, inserted or removed,
/// which reach deeper than random bytes do (a parser refuses most random bytes at its first check).
/// </summary>
internal static class FuzzInputs
{
    /// <summary>Random bytes one time in four, a mutated seed otherwise.</summary>
    public static Gen<byte[]> Around(params string[] seeds) => Around(seeds.Select(Encoding.UTF8.GetBytes).ToArray());

    /// <summary>Random bytes one time in four, a mutated seed otherwise.</summary>
    public static Gen<byte[]> Around(params byte[][] seeds) =>
        Gen.Frequency(
            (1, Gen.Byte.Array[0, 512]),
            (3, Gen.Int[0, seeds.Length - 1].SelectMany(i => Mutated(seeds[i]))));

    /// <summary>1 to 8 edits of <paramref name="seed"/>: a byte replaced, inserted or removed, or a run repeated.</summary>
    public static Gen<byte[]> Mutated(byte[] seed) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8].Select(edits =>
        {
            var bytes = new List<byte>(seed);
            foreach (var (op, at, value) in edits)
            {
                var i = bytes.Count == 0 ? 0 : at % bytes.Count;
                switch (op)
                {
                    case 0 when bytes.Count > 0: bytes[i] = value; break;
                    case 1: bytes.Insert(i, value); break;
                    case 2 when bytes.Count > 0: bytes.RemoveAt(i); break;
                    case 3 when bytes.Count > 0: bytes.InsertRange(i, bytes.Skip(i).Take(1 + (value % 16)).ToList()); break;
                }
            }
            return bytes.ToArray();
        });

    /// <summary>A position in <paramref name="text"/> and a different printable ASCII character to put there.</summary>
    public static Gen<(int Index, char Replacement)> OneCharacterChange(string text) =>
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Char['!', '~']).Where(c => text[c.Item1] != c.Item2);
}

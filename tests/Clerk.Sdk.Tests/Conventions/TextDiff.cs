using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>A small line diff (Myers' O(ND) algorithm) rendered in unified style, for readable snapshot failures.</summary>
internal static class TextDiff
{
    private enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>
    /// A unified-style diff of <paramref name="expected"/> (---) and <paramref name="actual"/> (+++), with
    /// <paramref name="context"/> lines around each change, cut after <paramref name="maxChangedLines"/> changed lines.
    /// </summary>
    public static string Unified(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedName, string actualName, int context = 2, int maxChangedLines = 40)
    {
        var edits = Diff(expected, actual);
        var changed = edits.Count(e => e.Op != Op.Equal);
        var output = new StringBuilder();
        output.Append("--- ").AppendLine(expectedName);
        output.Append("+++ ").AppendLine(actualName);

        var shown = 0;
        var i = 0;
        while (i < edits.Count && shown < maxChangedLines)
        {
            if (edits[i].Op == Op.Equal)
            {
                i++;
                continue;
            }
            // A hunk: changes that are at most 2*context equal lines apart, with context around them.
            var start = Math.Max(0, i - context);
            var end = i;
            var gap = 0;
            while (end < edits.Count && gap <= 2 * context)
            {
                gap = edits[end].Op == Op.Equal ? gap + 1 : 0;
                end++;
            }
            end = Math.Min(edits.Count, end - Math.Max(0, gap - context));
            var first = edits[start];
            var hunk = new StringBuilder();
            int expectedCount = 0, actualCount = 0;
            for (var k = start; k < end; k++)
            {
                var edit = edits[k];
                if (edit.Op != Op.Equal)
                {
                    if (shown == maxChangedLines)
                    {
                        break;
                    }
                    shown++;
                }
                expectedCount += edit.Op == Op.Insert ? 0 : 1;
                actualCount += edit.Op == Op.Delete ? 0 : 1;
                hunk.Append(edit.Op switch { Op.Delete => '-', Op.Insert => '+', _ => ' ' }).AppendLine(edit.Text);
            }
            output.AppendLine($"@@ -{first.ExpectedLine + 1},{expectedCount} +{first.ActualLine + 1},{actualCount} @@");
            output.Append(hunk);
            i = end;
        }
        if (changed > shown)
        {
            output.AppendLine($"... {changed - shown} more changed line(s) not shown");
        }
        output.Append($"{edits.Count(e => e.Op == Op.Delete)} line(s) removed, {edits.Count(e => e.Op == Op.Insert)} line(s) added.");
        return output.ToString();
    }

    private readonly record struct Edit(Op Op, string Text, int ExpectedLine, int ActualLine);

    private static List<Edit> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Common prefix and suffix first: snapshots usually differ in a few places.
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<Edit>(a.Count + b.Count);
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(Op.Equal, a[k], k, k));
        }
        var aMid = a.Skip(prefix).Take(a.Count - prefix - suffix).ToArray();
        var bMid = b.Skip(prefix).Take(b.Count - prefix - suffix).ToArray();
        foreach (var edit in Myers(aMid, bMid))
        {
            edits.Add(edit with { ExpectedLine = edit.ExpectedLine + prefix, ActualLine = edit.ActualLine + prefix });
        }
        for (var k = suffix; k > 0; k--)
        {
            edits.Add(new Edit(Op.Equal, a[a.Count - k], a.Count - k, b.Count - k));
        }
        return edits;
    }

    /// <summary>Beyond this many changed lines the diff falls back to "all removed, all added" (memory is O(D^2)).</summary>
    private const int MaxEditDistance = 2000;

    private static List<Edit> Myers(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var result = new List<Edit>();
        if (max == 0)
        {
            return result;
        }
        var v = new int[2 * max + 2];
        // trace[d] holds the frontier before step d, for diagonals -d-1..d+1 (index k + d + 1).
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= Math.Min(max, MaxEditDistance) && !found; d++)
        {
            var saved = new int[2 * d + 3];
            for (var k = -d - 1; k <= d + 1; k++)
            {
                saved[k + d + 1] = max + k >= 0 && max + k < v.Length ? v[max + k] : 0;
            }
            trace.Add(saved);
            for (var k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }
        if (!found)
        {
            result.AddRange(a.Select((line, i) => new Edit(Op.Delete, line, i, 0)));
            result.AddRange(b.Select((line, i) => new Edit(Op.Insert, line, n, i)));
            return result;
        }

        // Backtrack from (n, m) through the saved frontiers.
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var vd = trace[d];
            int At(int k) => vd[k + d + 1];
            var kk = cx - cy;
            var prevK = kk == -d || (kk != d && At(kk - 1) < At(kk + 1)) ? kk + 1 : kk - 1;
            var prevX = d == 0 ? 0 : At(prevK);
            var prevY = d == 0 ? 0 : prevX - prevK;
            while (cx > prevX && cy > prevY)
            {
                cx--;
                cy--;
                result.Add(new Edit(Op.Equal, a[cx], cx, cy));
            }
            if (d > 0)
            {
                if (cx == prevX)
                {
                    cy--;
                    result.Add(new Edit(Op.Insert, b[cy], cx, cy));
                }
                else
                {
                    cx--;
                    result.Add(new Edit(Op.Delete, a[cx], cx, cy));
                }
            }
        }
        result.Reverse();
        return result;
    }
}

#!/usr/bin/env python3
"""Lists the mutants that survived a Stryker run: one line per mutant, file:line, mutator and the mutated code.

    build/mutation-survivors.py artifacts/mutation/Authentication      (or the report's json file itself)
    build/mutation-survivors.py --check docs/testing.md artifacts/mutation/Authentication

The lines are what docs/testing.md's survivor tables explain (as `Folder/File.cs:12, 30`); with --check, only the
mutants whose file and line the document does not name are listed, and the exit code is 1 when there are any.
"""
import json
import os
import re
import sys


def report_path(arg):
    if os.path.isfile(arg):
        return arg
    for folder, _, files in os.walk(arg):
        if "mutation-report.json" in files:
            return os.path.join(folder, "mutation-report.json")
    sys.exit(f"mutation-survivors: no mutation-report.json under {arg}")


def explained(document):
    """(file, line) pairs a document names, as `Folder/File.cs:12, 30`."""
    pairs = set()
    for match in re.finditer(r"([\w./]+\.cs):(\d+(?:\s*,\s*\d+)*)", open(document).read()):
        for line in re.findall(r"\d+", match.group(2)):
            pairs.add((match.group(1), int(line)))
    return pairs


def main():
    args = sys.argv[1:]
    check = None
    if len(args) == 3 and args[0] == "--check":
        check, args = explained(args[1]), args[2:]
    if len(args) != 1:
        sys.exit(__doc__)
    report = json.load(open(report_path(args[0])))
    root = os.path.commonpath(list(report["files"])) if report["files"] else ""
    count = 0
    for path, entry in sorted(report["files"].items()):
        lines = entry["source"].splitlines()
        for m in sorted(entry["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
            if m["status"] not in ("Survived", "NoCoverage"):
                continue
            start = m["location"]["start"]
            if check is not None and (os.path.relpath(path, root), start["line"]) in check:
                continue
            count += 1
            code = lines[start["line"] - 1].strip() if start["line"] <= len(lines) else ""
            replacement = " ".join(m.get("replacement", "").split())
            status = "no coverage" if m["status"] == "NoCoverage" else "survived"
            print(f"{os.path.relpath(path, root)}:{start['line']}  [{status}] {m['mutatorName']}: {replacement[:100]}")
            print(f"    {code[:160]}")
    print(f"{count} mutants not killed" + (" or explained" if check is not None else ""))
    if check is not None and count:
        sys.exit(1)


if __name__ == "__main__":
    main()

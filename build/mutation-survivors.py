#!/usr/bin/env python3
"""Lists the mutants that survived a Stryker run: one line per mutant, file:line, mutator and the mutated code.

    build/mutation-survivors.py artifacts/mutation/Authentication      (or the report's json file itself)

The lines are what docs/testing.md's survivor tables explain; a mutant listed here and not there is not yet explained.
"""
import json
import os
import sys


def report_path(arg):
    if os.path.isfile(arg):
        return arg
    for folder, _, files in os.walk(arg):
        if "mutation-report.json" in files:
            return os.path.join(folder, "mutation-report.json")
    sys.exit(f"mutation-survivors: no mutation-report.json under {arg}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    report = json.load(open(report_path(sys.argv[1])))
    root = os.path.commonpath(list(report["files"])) if report["files"] else ""
    count = 0
    for path, entry in sorted(report["files"].items()):
        lines = entry["source"].splitlines()
        for m in sorted(entry["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
            if m["status"] not in ("Survived", "NoCoverage"):
                continue
            count += 1
            start = m["location"]["start"]
            code = lines[start["line"] - 1].strip() if start["line"] <= len(lines) else ""
            replacement = " ".join(m.get("replacement", "").split())
            status = "no coverage" if m["status"] == "NoCoverage" else "survived"
            print(f"{os.path.relpath(path, root)}:{start['line']}  [{status}] {m['mutatorName']}: {replacement[:100]}")
            print(f"    {code[:160]}")
    print(f"{count} mutants not killed")


if __name__ == "__main__":
    main()

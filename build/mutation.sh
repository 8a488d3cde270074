#!/usr/bin/env bash
# Mutation testing with Stryker.NET (pinned in .config/dotnet-tools.json) over the handwritten code of src/Clerk.Sdk and
# src/Clerk.Sdk.AspNetCore, one folder at a time, against the unit tests that cover it.
#
#   build/mutation.sh                      every folder (Authentication Webhooks Http Errors Paging Metadata AspNetCore)
#   build/mutation.sh Webhooks Errors      those folders
#   build/mutation.sh --ci                 the fixed CI slice: src/Clerk.Sdk/Webhooks/ClerkWebhookVerifier.cs
#
# Each folder's report goes to artifacts/mutation/<folder>/ (html and json); the script prints one line per folder,
# "mutation (<folder>): K/N mutants killed (P%)", where killed counts mutants a test failed on or that timed out, and N
# leaves out mutants that do not compile. It exits non-zero when Stryker fails, or when a folder's score is below its
# break threshold (CLERK_MUTATION_BREAK, default 0; the CI slice's is fixed in this file).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ci_slice_file="Webhooks/ClerkWebhookVerifier.cs"
ci_slice_break=90
all=(Authentication Webhooks Http Errors Paging Metadata AspNetCore)

ci=0
folders=()
for arg in "$@"; do
  case "$arg" in
    --ci) ci=1 ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) folders+=("$arg") ;;
  esac
done
[ "$ci" = 1 ] || [ "${#folders[@]}" -gt 0 ] || folders=("${all[@]}")

dotnet tool restore > /dev/null || { echo "mutation: dotnet tool restore failed"; exit 1; }
# Stryker builds the projects itself; code generation runs in that build (and is skipped in its design-time analysis).
dotnet build tests/Clerk.Sdk.Tests -c Release -nologo -v q > /dev/null || { echo "mutation: build failed"; exit 1; }

# run <name> <project dir> <test project> <mutate glob> <break threshold>
run() {
  local name="$1" project_dir="$2" test_project="$3" mutate="$4" threshold="$5"
  local out="$root/artifacts/mutation/$name"
  rm -rf "$out"; mkdir -p "$out"
  local started=$SECONDS
  ( cd "$project_dir" && dotnet stryker \
      --test-project "$root/$test_project" \
      --mutate "$mutate" \
      --configuration Release \
      --target-framework net10.0 \
      --concurrency 2 \
      --reporter json --reporter html --reporter cleartext \
      --output "$out" \
      --break-at "$threshold" \
      --config-file "$root/build/stryker-config.json" ) > "$out/stryker.log" 2>&1
  local code=$?
  local report
  report=$(find "$out" -name mutation-report.json | head -1)
  if [ -z "$report" ]; then
    tail -n 30 "$out/stryker.log"; echo "mutation ($name): Stryker produced no report ($out/stryker.log)"; return 1
  fi
  python3 - "$report" "$name" "$((SECONDS - started))" <<'PY'
import json, sys
report, name, seconds = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
counts = {}
for f in report["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
total = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
pct = 100.0 * killed / total if total else 100.0
label = "CI slice" if name == "ci-slice" else name
print(f"mutation ({label}): {killed}/{total} mutants killed ({pct:.1f}%; {counts.get('Survived', 0)} survived, {counts.get('NoCoverage', 0)} without coverage; {seconds} s)")
PY
  return $code
}

status=0
if [ "$ci" = 1 ]; then
  run ci-slice src/Clerk.Sdk tests/Clerk.Sdk.Tests/Clerk.Sdk.Tests.csproj "$ci_slice_file" "$ci_slice_break" || status=1
fi
for folder in "${folders[@]}"; do
  threshold="${CLERK_MUTATION_BREAK:-0}"
  case "$folder" in
    AspNetCore) run AspNetCore src/Clerk.Sdk.AspNetCore tests/Clerk.Sdk.AspNetCore.Tests/Clerk.Sdk.AspNetCore.Tests.csproj "**/*.cs" "$threshold" || status=1 ;;
    Authentication|Webhooks|Http|Errors|Paging|Metadata) run "$folder" src/Clerk.Sdk tests/Clerk.Sdk.Tests/Clerk.Sdk.Tests.csproj "$folder/**/*.cs" "$threshold" || status=1 ;;
    *) echo "mutation: unknown folder '$folder' (${all[*]})"; status=1 ;;
  esac
done
exit $status

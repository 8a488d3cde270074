#!/usr/bin/env bash
# Moves the pinned Backend API spec to another version found in the spec source, regenerates, rebuilds and writes a
# report (operations and public API added/removed/changed, breaking changes, overlays that no longer apply).
#   build/bump-spec.sh 2026-05-12 [--api bapi] [--report FILE]
# The spec source is $CLERK_OPENAPI_DIR, else ../shared/openapi/clerk. Generated code is never edited: the lock file
# is the only file the bump changes (plus api/Clerk.Sdk.approved.txt when you approve the new listing yourself).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="${1:?usage: build/bump-spec.sh <version> [--api bapi] [--report FILE]}"; shift
api=bapi; report="artifacts/spec-bump-$version.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --api) api="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source_dir="${CLERK_OPENAPI_DIR:-$root/../shared/openapi/clerk}"
spec="$api/$version.yml"
[ -f "$source_dir/$spec" ] || { echo "bump-spec: $source_dir/$spec not found (versions there: $(ls "$source_dir/$api" 2>/dev/null | tr '\n' ' '))" >&2; exit 2; }
mkdir -p "$(dirname "$report")" artifacts/bump
# The normalized Backend API document, as the build names it (Clerk.Sdk's GetClerkCodeGenOutputs target).
normalized=$(dotnet msbuild src/Clerk.Sdk/Clerk.Sdk.csproj -nologo -p:Configuration=Release -getTargetResult:GetClerkCodeGenOutputs | grep -o '"[^"]*BackendApi.normalized.json"' | head -1 | tr -d '"')
tool=build/Clerk.SpecTool/bin/Release/net10.0/Clerk.SpecTool.dll

# 0. Does the bump only add public API? (a scratch copy; prints "public API: N added, N changed, N removed")
[ "$api" = bapi ] && bash build/spec-evolution.sh "$version" --no-synthetic | grep -E "^public API:"

# 1. The current state: normalized spec and public API before the bump.
dotnet build src/Clerk.Sdk -c Release -nologo -v q >/dev/null || { echo "bump-spec: the build fails before the bump; fix that first" >&2; exit 1; }
cp "$normalized" artifacts/bump/before.json
old_entry=$(dotnet "$tool" lock get --lock openapi/specs.lock.json --spec "$api" --field path)

# 2. Move the lock file.
sha=$(sha256sum "$source_dir/$spec" | cut -d' ' -f1)
dotnet "$tool" lock set --lock openapi/specs.lock.json --spec "$api" --path "$spec" --sha256 "$sha"

# 3. Regenerate and rebuild; an overlay that no longer applies fails here, loudly.
build_log=artifacts/bump/build.log
if ! dotnet build src/Clerk.Sdk -c Release -nologo > "$build_log" 2>&1; then
  {
    echo "# Spec bump $api: $old_entry → $spec: BUILD FAILED"
    echo; echo "The regenerated SDK does not build. Errors:"; echo; echo '```'
    grep -E "error" "$build_log" | sed 's/ \[.*//' | sort -u | head -40
    echo '```'
  } > "$report"
  cat "$report"; exit 1
fi

# 4. Public API: let the snapshot test write the received listing.
dotnet test tests/Clerk.Sdk.Tests -c Release --filter "FullyQualifiedName~PublicApi_MatchesApprovedListing" -nologo > artifacts/bump/api-test.log 2>&1
received=api/Clerk.Sdk.received.txt
{
  echo "# Spec bump $api: $old_entry → $spec"
  echo
  echo "Build: regenerated and compiled with no hand edits ($(grep -Eo '[0-9]+ Warning\(s\)' "$build_log" | tail -1))."
  grep -E "Clerk.SpecTool: $api" "$build_log" | sed 's/^ *//' | head -1
  echo
  echo "## Operations"
  dotnet "$tool" diff artifacts/bump/before.json "$normalized"
  echo "## Public API of Clerk.Sdk"
  if [ -f "$received" ]; then
    added=$(diff api/Clerk.Sdk.approved.txt "$received" | grep -c '^>')
    removed=$(diff api/Clerk.Sdk.approved.txt "$received" | grep -c '^<')
    echo "$added line(s) added, $removed line(s) removed or changed. Removed/changed lines are breaking for callers."
    echo
    echo "### Removed or changed (breaking, first 60)"; echo '```'
    diff api/Clerk.Sdk.approved.txt "$received" | grep '^<' | head -60
    echo '```'
    echo "### Added (first 60)"; echo '```'
    diff api/Clerk.Sdk.approved.txt "$received" | grep '^>' | head -60
    echo '```'
    echo "Approve with: cp $received api/Clerk.Sdk.approved.txt (after review)."
  else
    echo "No change."
  fi
} > "$report"
cat "$report"

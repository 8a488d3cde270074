#!/usr/bin/env bash
# Spec-evolution check: does a newer spec only ADD public API? Regenerates Clerk.Sdk in a scratch copy of the repo
# from a newer Backend API spec (default 2026-05-12, from the spec source) plus, unless --no-synthetic, the overlay
# tests/spec-evolution/synthetic-additions.yaml (a new query parameter on an operation that has none, one on a list
# operation, a new body field), builds it, and compares its public API with the current build's
# (tests/Clerk.Sdk.Tests, SpecEvolutionTests). Prints one line:
#   public API: N added, N changed, N removed
# and exits non-zero when anything existing changed or was removed. The repo itself is not touched.
#   build/spec-evolution.sh [version] [--no-synthetic]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="${1:-2026-05-12}"; synthetic=1
[ "${2:-}" = "--no-synthetic" ] && synthetic=0
source_dir="${CLERK_OPENAPI_DIR:-$root/../shared/openapi/clerk}"
spec="bapi/$version.yml"
[ -f "$source_dir/$spec" ] || { echo "spec-evolution: $source_dir/$spec not found"; echo "public API: check not run"; exit 2; }

scratch="$(mktemp -d)/repo"
mkdir -p "$scratch/src" "$scratch/generated"
cp Directory.Build.props Directory.Packages.props global.json nswag.json "$scratch/"
cp -r openapi build "$scratch/"
cp generated/README.md generated/.gitignore "$scratch/generated/" 2>/dev/null || true
cp -r src/Clerk.Sdk "$scratch/src/"
rm -rf "$scratch/src/Clerk.Sdk/bin" "$scratch/src/Clerk.Sdk/obj" "$scratch/build/Clerk.SpecTool/bin" "$scratch/build/Clerk.SpecTool/obj"
[ "$synthetic" = 1 ] && cp tests/spec-evolution/synthetic-additions.yaml "$scratch/openapi/overlays/bapi/99-synthetic-additions.yaml"
sha=$(sha256sum "$source_dir/$spec" | cut -d' ' -f1)
# The lock file's one reader and writer is the spec tool (built from this repository, not the scratch copy).
dotnet build build/Clerk.SpecTool -c Release -nologo -v q > /dev/null || { echo "spec-evolution: the spec tool does not build"; echo "public API: check not run"; exit 1; }
dotnet build/Clerk.SpecTool/bin/Release/net10.0/Clerk.SpecTool.dll lock set --lock "$scratch/openapi/specs.lock.json" --spec bapi --path "$spec" --sha256 "$sha"

mkdir -p artifacts
log=artifacts/spec-evolution-build.log
if ! CLERK_OPENAPI_DIR="$source_dir" dotnet build "$scratch/src/Clerk.Sdk/Clerk.Sdk.csproj" -c Release -p:TargetFramework=net10.0 -nologo > "$log" 2>&1; then
  grep -E "error" "$log" | sed 's/ \[.*//' | sort -u | head -20
  echo "public API: check failed (the SDK does not build from $spec; see $log)"
  exit 1
fi
evolved="$scratch/src/Clerk.Sdk/bin/Release/net10.0/Clerk.Sdk.dll"
summary="$root/TestResults/spec-evolution-summary.txt"
rm -f "$summary"
CLERK_EVOLVED_SDK="$evolved" CLERK_EVOLVED_SPEC="$spec$([ "$synthetic" = 1 ] && echo ' + synthetic additions')" \
  dotnet test tests/Clerk.Sdk.Tests -c Release --filter "FullyQualifiedName~SpecEvolutionTests" -nologo 2>&1 | tee artifacts/spec-evolution-test.log | grep -E "Passed!|Failed!|error" 
status=${PIPESTATUS[0]}
if [ -f "$summary" ]; then cat "$summary"; else echo "public API: check did not run (see artifacts/spec-evolution-test.log)"; status=1; fi
rm -rf "$(dirname "$scratch")"
exit "$status"

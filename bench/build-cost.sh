#!/usr/bin/env bash
# Build cost of the SDK (issue #10, item 4): wall time of `dotnet build src/Clerk.Sdk`
#  1. no-op: nothing changed; the code generation target is skipped by its stamp;
#  2. an input of the generation touched (an overlay): the spec tool and NSwag rerun; their output is the same bytes,
#     written only when it differs, so the C# compiler is skipped;
#  3. the generated code deleted (as on a fresh clone, or after a change that alters it): generation, then the C#
#     compile of Clerk.Sdk;
#  4. one API's overlay touched (the Frontend API's): only that API's spec tool and NSwag run (one stamp per API);
#  5. everything deleted (generated/*.g.cs and obj/clerk-codegen): all three APIs regenerate, then the compile.
# Each is run RUNS times (default 3); the median is reported, with the time MSBuild spent in the generation target
# and in the C# compiler (from its target performance summary).
# Usage: bench/build-cost.sh [Configuration (default Release)] ; RUNS=5 bench/build-cost.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
config="${1:-Release}"
runs="${RUNS:-3}"
input="openapi/overlays/bapi/10-operation-names.yaml"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# One build; prints "wall codegen compile" in seconds (codegen/compile from MSBuild's target performance summary).
build() {
  local start end
  start=$(date +%s.%N)
  dotnet build src/Clerk.Sdk -c "$config" -nologo -clp:PerformanceSummary >"$log" 2>&1 || { cat "$log"; exit 1; }
  end=$(date +%s.%N)
  local codegen compile
  codegen=$(awk '/Target Performance Summary/{f=1} f && $3=="ClerkRunCodeGen"{print $1/1000; exit}' "$log")
  compile=$(awk '/Target Performance Summary/{f=1} f && $3=="CoreCompile"{print $1/1000; exit}' "$log")
  printf '%.2f %.2f %.2f\n' "$(echo "$end - $start" | bc)" "${codegen:-0}" "${compile:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "warming up (restore, first build)..." >&2
build >/dev/null

fapi_input="openapi/overlays/fapi/20-names.yaml"
noop=(); regen=(); full=(); oneapi=(); all=()
for i in $(seq "$runs"); do
  noop+=("$(build)")
  touch "$input"
  regen+=("$(build)")
  grep -q "regenerated BackendApi" "$log" || { echo "touching $input did not regenerate" >&2; exit 1; }
  rm -f generated/BackendApi.g.cs
  full+=("$(build)")
  grep -q "regenerated BackendApi" "$log" || { echo "deleting the generated code did not regenerate" >&2; exit 1; }
  touch "$fapi_input"
  oneapi+=("$(build)")
  grep -q "regenerated FrontendApi" "$log" && ! grep -q "regenerated BackendApi" "$log" || { grep -i "regenerated" "$log" >&2; echo "touching $fapi_input did not regenerate the Frontend API alone" >&2; exit 1; }
  rm -rf generated/*.g.cs src/Clerk.Sdk/obj/clerk-codegen
  all+=("$(build)")
done

column() { local idx=$1; shift; for row in "$@"; do echo "$row" | awk -v i="$idx" '{print $i}'; done | median; }
echo "| build (dotnet build src/Clerk.Sdk -c $config, median of $runs) | wall | code generation target | C# compile |"
echo "| --- | ---: | ---: | ---: |"
echo "| no-op (nothing changed) | $(column 1 "${noop[@]}") s | $(column 2 "${noop[@]}") s | $(column 3 "${noop[@]}") s |"
echo "| after touching $input (regenerates, same output) | $(column 1 "${regen[@]}") s | $(column 2 "${regen[@]}") s | $(column 3 "${regen[@]}") s |"
echo "| after deleting generated/BackendApi.g.cs (regenerates and recompiles) | $(column 1 "${full[@]}") s | $(column 2 "${full[@]}") s | $(column 3 "${full[@]}") s |"
echo "| after touching $fapi_input (the Frontend API alone regenerates) | $(column 1 "${oneapi[@]}") s | $(column 2 "${oneapi[@]}") s | $(column 3 "${oneapi[@]}") s |"
echo "| after deleting generated/*.g.cs and obj/clerk-codegen (all three APIs regenerate, then compile) | $(column 1 "${all[@]}") s | $(column 2 "${all[@]}") s | $(column 3 "${all[@]}") s |"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

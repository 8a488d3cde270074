#!/usr/bin/env bash
# Build cost of the SDK (issues #10 and #21): wall time of `dotnet build src/Clerk.Sdk -c Release` (net8.0 + net10.0)
#  1. no-op: nothing changed (and the same with --no-restore);
#  2. a handwritten file touched (what extending a partial class costs): the C# compile, no code generation;
#  3. the Backend API's overlay touched: its spec tool and NSwag rerun (and the Webhooks', which share its models);
#     their output is the same bytes, written only when it differs, so the C# compiler is skipped;
#  4. the Frontend API's overlay touched: that API alone regenerates;
#  5. everything deleted (generated/*.g.cs and obj/clerk-codegen): all three APIs regenerate, then the compile (the
#     regenerating build, as on a fresh clone or after a spec bump).
# Each row runs RUNS times (default 3) and the median is reported, with the time MSBuild spent in the code generation
# target and in the C# compiler task (summed over both target frameworks, which compile at the same time).
# With --baseline REV the same rows are measured on a worktree of REV in the same run, interleaved row by row, so the
# "before" and "after" columns share the machine's load.
# Usage: bench/build-cost.sh [--baseline REV] [Configuration (default Release)] ; RUNS=5 bench/build-cost.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
baseline=""
if [ "${1:-}" = "--baseline" ]; then baseline="$2"; shift 2; fi
config="${1:-Release}"
runs="${RUNS:-3}"
scratch="$(mktemp -d)"
log="$scratch/build.log"
cleanup() {
  if [ -n "$baseline" ]; then git -C "$root" worktree remove --force "$scratch/baseline" >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

trees=("$root")
if [ -n "$baseline" ]; then
  git -C "$root" worktree add --detach "$scratch/baseline" "$baseline" >/dev/null 2>&1
  # The worktree has no ../shared beside it: the specs are read from this clone's.
  export CLERK_OPENAPI_DIR="${CLERK_OPENAPI_DIR:-$(cd "$root/.." && pwd)/shared/openapi/clerk}"
  trees=("$scratch/baseline" "$root")
fi

# One build in tree $1 (extra arguments follow); prints "wall codegen compile" in seconds.
build() {
  local tree=$1; shift
  local start end
  start=$(date +%s.%N)
  (cd "$tree" && dotnet build src/Clerk.Sdk -c "$config" -nologo -clp:PerformanceSummary "$@") >"$log" 2>&1 || { cat "$log"; exit 1; }
  end=$(date +%s.%N)
  local codegen compile
  codegen=$(awk '/Target Performance Summary/{f=1} /Task Performance Summary/{f=0} f && $3=="ClerkRunCodeGen"{print $1/1000; exit}' "$log")
  compile=$(awk '/Task Performance Summary/{f=1} f && $3=="Csc"{print $1/1000; exit}' "$log")
  printf '%.2f %.2f %.2f\n' "$(echo "$end - $start" | bc)" "${codegen:-0}" "${compile:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rows=(noop noop-norestore partial backend frontend all)
declare -A label=(
  [noop]="no-op (nothing changed)"
  [noop-norestore]="no-op, \`--no-restore\`"
  [partial]="a handwritten file touched (\`src/Clerk.Sdk/ClerkClient.cs\`): compile only"
  [backend]="the Backend API's overlay touched (regenerates; same output, not rewritten, no compile)"
  [frontend]="the Frontend API's overlay touched (that API alone regenerates)"
  [all]="**everything deleted** (\`generated/*.g.cs\`, \`obj/clerk-codegen\`): all three APIs regenerate, then the compile"
)
declare -A results

# Prepares tree $1 for row $2, builds, records the result.
measure() {
  local tree=$1 row=$2 args=()
  case "$row" in
    noop) ;;
    noop-norestore) args=(--no-restore) ;;
    partial) touch "$tree/src/Clerk.Sdk/ClerkClient.cs" ;;
    backend) touch "$tree/openapi/overlays/bapi/10-operation-names.yaml" ;;
    frontend) touch "$tree/openapi/overlays/fapi/20-names.yaml" ;;
    all) rm -rf "$tree"/generated/*.g.cs "$tree/src/Clerk.Sdk/obj/clerk-codegen" ;;
  esac
  local result
  result=$(build "$tree" "${args[@]}")
  case "$row" in
    backend) grep -q "regenerated BackendApi" "$log" || { echo "touching the Backend API's overlay did not regenerate it" >&2; exit 1; } ;;
    frontend) grep -q "regenerated FrontendApi" "$log" && ! grep -q "regenerated BackendApi" "$log" || { echo "touching the Frontend API's overlay did not regenerate it alone" >&2; exit 1; } ;;
    all) grep -q "regenerated BackendApi" "$log" || { echo "deleting the generated code did not regenerate" >&2; exit 1; } ;;
  esac
  results["$tree|$row"]+="$result"$'\n'
}

echo "warming up (restore, first build of each tree)..." >&2
for tree in "${trees[@]}"; do build "$tree" >/dev/null; done
for i in $(seq "$runs"); do
  for row in "${rows[@]}"; do
    for tree in "${trees[@]}"; do measure "$tree" "$row"; done
  done
done

column() { printf '%s' "$1" | awk -v i="$2" 'NF {print $i}' | median; }
cell() { local r="${results["$1|$2"]}"; printf '%s s | %s s | %s s' "$(column "$r" 1)" "$(column "$r" 2)" "$(column "$r" 3)"; }
if [ -n "$baseline" ]; then
  echo "| build (\`dotnet build src/Clerk.Sdk -c $config\`, net8.0 + net10.0, median of $runs) | before ($baseline): wall | code generation | C# compile | after ($(git -C "$root" rev-parse --short HEAD)): wall | code generation | C# compile |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for row in "${rows[@]}"; do echo "| ${label[$row]} | $(cell "${trees[0]}" "$row") | $(cell "$root" "$row") |"; done
else
  echo "| build (\`dotnet build src/Clerk.Sdk -c $config\`, net8.0 + net10.0, median of $runs) | wall | code generation | C# compile |"
  echo "| --- | ---: | ---: | ---: |"
  for row in "${rows[@]}"; do echo "| ${label[$row]} | $(cell "$root" "$row") |"; done
fi
echo "C# compile: the compiler task's time summed over the two target frameworks, which compile in parallel."
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

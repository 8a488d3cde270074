#!/usr/bin/env bash
# CI smoke of the benchmarks: proves they build and start, asserts nothing about speed. A few minutes on 2 cores.
# Every BenchmarkDotNet suite with `--job short` (1 launch, 3 warm-up and 3 measured iterations), then the ListAll
# measurement over 10,000 users (one pass), then one round of the start-up measurement (new processes). The full runs
# and their results: bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/Clerk.Sdk.Benchmarks -- --filter '*' --job short "$@"
dotnet run -c Release --no-build --project bench/Clerk.Sdk.Benchmarks -- --listall 10000 --passes 1
dotnet run -c Release --no-build --project bench/Clerk.Sdk.Benchmarks -- --startup 1

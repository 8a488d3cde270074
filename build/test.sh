#!/usr/bin/env bash
# Runs every test of the repo and ends with one line: "N passed, N failed" (summed over all test projects).
# Works on a fresh machine with the .NET SDK and ../shared beside the repo (or CLERK_OPENAPI_DIR set).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# npm peers (Prism, @clerk/backend, svix) for the suites that use them, pinned by package-lock.json.
if [ -f tests/package-lock.json ]; then
  (cd tests && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp)"
# The conformance suite (tests/Clerk.Sdk.ConformanceTests) writes its summary here; dotnet test hides test output.
summary="TestResults/conformance-summary.txt"
# tests/Clerk.Sdk.Testing.Tests writes how many responses of the fake were validated against the spec here.
fake_summary="TestResults/fake-validation-summary.txt"
# tests/Clerk.Sdk.Tests writes the agreement of request authentication with @clerk/backend here.
auth_summary="TestResults/authenticate-request-summary.txt"
# tests/Clerk.Sdk.Tests/Fuzzing writes how many inputs its fuzz harnesses and properties ran here.
fuzz_summary="TestResults/fuzz-summary.txt"
rm -f "$summary" "$fake_summary" "$auth_summary" "$fuzz_summary"
start=$SECONDS
dotnet test Clerk.Generated.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
echo "dotnet test: $((SECONDS - start)) s"
# Read now: the mutation slice below runs tests again (under Stryker, a subset) and would rewrite the file.
if [ -f "$fuzz_summary" ]; then fuzz_line=$(cut -d'(' -f1 "$fuzz_summary" | sed 's/ *$//'); else fuzz_line="fuzz: did not run"; status=1; fi

# Spec evolution (issue #15): the SDK regenerated from the newer Backend API spec (2026-05-12) plus synthetic
# additions must only add public API. Prints "public API: N added, N changed, N removed"; its test counts in the total.
evolution_line="public API: check not run"
if bash build/spec-evolution.sh > artifacts-spec-evolution.log 2>&1; then :; else status=1; fi
grep -E "Passed!|Failed!" artifacts-spec-evolution.log >> "$log"
evolution_line=$(grep -E "^public API:" artifacts-spec-evolution.log | head -1)
[ -n "$evolution_line" ] || { evolution_line="public API: check failed"; tail -n 20 artifacts-spec-evolution.log; }
rm -f artifacts-spec-evolution.log

# The packages as users get them: pack all three with a unique version into a folder feed, then restore them from
# there in tests/PackageConsumer: compiled for net8.0 (no .NET 8 runtime here), run on net10.0. Its PackageChecks
# test reads the nuspecs, pdbs and the net8.0 dependency graph and writes the "packages:" line.
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)-ci.$(date +%s)"
packages_summary="TestResults/packages-summary.txt"
rm -rf artifacts/packages "$packages_summary"
packed=1
for package in Clerk.Sdk Clerk.Sdk.AspNetCore Clerk.Sdk.Testing; do
  dotnet pack "src/$package" -c Release -o artifacts/packages -p:Version="$version" -nologo >> "$log" 2>&1 || { echo "dotnet pack $package failed"; packed=0; status=1; }
done
if [ "$packed" = 1 ]; then
  if dotnet build tests/PackageConsumer -c Release -f net8.0 -p:ClerkPackageVersion="$version" -nologo > artifacts-consumer-net8.log 2>&1; then
    echo "package consumer: compiled for net8.0"
  else
    grep -E "error" artifacts-consumer-net8.log | sort -u | head -20; echo "package consumer: net8.0 build failed"; status=1
  fi
  rm -f artifacts-consumer-net8.log
  dotnet test tests/PackageConsumer -c Release -f net10.0 -p:ClerkPackageVersion="$version" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi
# samples/QuickStart (the README's main command) on the in-process fake: it must get through its steps and clean up.
mkdir -p artifacts
if env -u CLERK_SECRET_KEY dotnet run --project samples/QuickStart -c Release > artifacts/quickstart.log 2>&1 && grep -q "Cleaned up" artifacts/quickstart.log; then
  echo "samples/QuickStart: $(grep -c '^[0-9]\.' artifacts/quickstart.log) steps on the fake, cleaned up (artifacts/quickstart.log)"
else
  tail -n 20 artifacts/quickstart.log; echo "samples/QuickStart failed"; status=1
fi
# samples/PageApp walks a browser through Clerk's handshake against the fake (loopback): it must end signed in.
mkdir -p artifacts
if dotnet run --project samples/PageApp -c Release > artifacts/pageapp.log 2>&1 && grep -q "Signed in as" artifacts/pageapp.log; then
  echo "samples/PageApp: signed in through the handshake ($(grep -c ' GET ' artifacts/pageapp.log) requests; artifacts/pageapp.log)"
else
  tail -n 20 artifacts/pageapp.log; echo "samples/PageApp failed"; status=1
fi
# samples/WebApi on the fake: start, one signed-in request (/me), stop.
if dotnet run --project samples/WebApi -c Release -- --smoke > artifacts/webapi.log 2>&1 && grep -q "GET /me -> 200" artifacts/webapi.log; then
  echo "samples/WebApi: $(grep -o 'GET /me -> 200' artifacts/webapi.log) on the fake (artifacts/webapi.log)"
else
  tail -n 20 artifacts/webapi.log; echo "samples/WebApi failed"; status=1
fi
if [ -f "$summary" ]; then
  head -n 40 "$summary"
  lines=$(wc -l < "$summary")
  [ "$lines" -gt 40 ] && echo "... $((lines - 40)) more lines in $summary"
fi
[ -f "$fake_summary" ] && head -n 1 "$fake_summary"
[ -f "$auth_summary" ] && cat "$auth_summary"
if [ -f "$packages_summary" ]; then cat "$packages_summary"; else echo "packages: check did not run"; status=1; fi
echo "$evolution_line"

# Mutation testing (issue #20): Stryker.NET over a small fixed slice (the webhook verifier), so the script that runs
# it per folder (build/mutation.sh) cannot rot; it fails below its threshold. CLERK_SKIP_MUTATION=1 leaves it out.
mutation_line="mutation (CI slice): not run"
if [ "${CLERK_SKIP_MUTATION:-0}" != "1" ]; then
  if bash build/mutation.sh --ci > artifacts/mutation-ci.log 2>&1; then :; else status=1; tail -n 20 artifacts/mutation-ci.log; fi
  mutation_line=$(grep -E "^mutation \(CI slice\):" artifacts/mutation-ci.log | head -1)
  [ -n "$mutation_line" ] || mutation_line="mutation (CI slice): failed (artifacts/mutation-ci.log)"
fi
echo "$mutation_line"
echo "$fuzz_line"

# Benchmarks smoke (issue #10): proves bench/ builds and every suite starts and finishes with `--job short`; asserts
# nothing about speed. Its full output goes to artifacts/bench-smoke.log. CLERK_SKIP_BENCH_SMOKE=1 leaves it out.
if [ "${CLERK_SKIP_BENCH_SMOKE:-0}" != "1" ]; then
  mkdir -p artifacts
  bench_start=$SECONDS
  if bash bench/smoke.sh > artifacts/bench-smoke.log 2>&1; then
    echo "bench smoke: every suite ran (--job short) in $((SECONDS - bench_start)) s; output in artifacts/bench-smoke.log"
  else
    tail -n 30 artifacts/bench-smoke.log
    echo "bench smoke failed (artifacts/bench-smoke.log)"; status=1
  fi
fi

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the runner failed before any test could report
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ]

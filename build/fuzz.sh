#!/usr/bin/env bash
# Fuzzing of the parsers that read untrusted input (tests/Clerk.Sdk.Tests/Fuzzing/FuzzTargets.cs), with a longer
# budget than the test command gives them:
#
#   build/fuzz.sh                       CsCheck, CLERK_FUZZ_ITERATIONS (default 100000) inputs per target, then
#                                       AFL++ (coverage-guided, through SharpFuzz) for 60 s per target
#   build/fuzz.sh --seconds 600 jwks    AFL++ on one target for 10 minutes (after the CsCheck pass)
#   build/fuzz.sh --no-afl              the CsCheck pass only
#
# AFL++ comes from Debian's packages (installed when missing, as root); SharpFuzz's instrumenter is pinned in
# .config/dotnet-tools.json. Everything goes to artifacts/fuzz/<target>/ (AFL++'s queue and crashes); a crash is
# replayed and printed. The script prints "fuzz (AFL++ <target>): N executions, N crashes" per target and exits
# non-zero when an input broke a contract.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

seconds=60
afl=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --no-afl) afl=0; shift ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done

status=0
export CLERK_FUZZ_ITERATIONS="${CLERK_FUZZ_ITERATIONS:-100000}"
dotnet build tests/Clerk.Sdk.Fuzzer -c Release -nologo -v q > /dev/null || { echo "fuzz: build failed"; exit 1; }
if dotnet test tests/Clerk.Sdk.Tests -c Release --no-build --filter "FullyQualifiedName~Clerk.Sdk.Tests.Fuzzing" > artifacts-fuzz-cscheck.log 2>&1; then :; else status=1; grep -E "Failed |Error Message" -A4 artifacts-fuzz-cscheck.log | head -40; fi
rm -f artifacts-fuzz-cscheck.log
[ -f TestResults/fuzz-summary.txt ] && sed 's/^fuzz:/fuzz (CsCheck):/' TestResults/fuzz-summary.txt
[ "$afl" = 1 ] || exit $status

if ! command -v afl-fuzz > /dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq afl++ > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq afl++ > /dev/null; }; fi
  command -v afl-fuzz > /dev/null || { echo "fuzz: afl-fuzz not found (apt-get install afl++)"; exit 1; }
fi
dotnet tool restore > /dev/null || { echo "fuzz: dotnet tool restore failed"; exit 1; }

# A copy of the harness whose Clerk.Sdk.dll SharpFuzz instruments (the build output stays as it was).
bin="$root/artifacts/fuzz/bin"
rm -rf "$bin"; mkdir -p "$bin"
cp -r tests/Clerk.Sdk.Fuzzer/bin/Release/net10.0/. "$bin/"
dotnet sharpfuzz "$bin/Clerk.Sdk.dll" > /dev/null || { echo "fuzz: SharpFuzz could not instrument Clerk.Sdk.dll"; exit 1; }
# The uninstrumented build lists the targets, writes their seeds and replays crashes (instrumented code runs only
# under AFL++'s runner).
plain="$root/tests/Clerk.Sdk.Fuzzer/bin/Release/net10.0/Clerk.Sdk.Fuzzer.dll"
[ "${#targets[@]}" -gt 0 ] || mapfile -t targets < <(dotnet "$plain" list)

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
for target in "${targets[@]}"; do
  out="$root/artifacts/fuzz/$target"
  rm -rf "$out"; mkdir -p "$out"
  dotnet "$plain" seeds "$target" "$out/seeds" || { status=1; continue; }
  timeout $((seconds + 60)) afl-fuzz -i "$out/seeds" -o "$out/findings" -t 10000 -m none -V "$seconds" -- dotnet "$bin/Clerk.Sdk.Fuzzer.dll" fuzz "$target" > "$out/afl.log" 2>&1
  stats=$(find "$out/findings" -name fuzzer_stats | head -1)
  execs=$( [ -n "$stats" ] && awk -F: '/^execs_done/ {gsub(/ /, "", $2); print $2}' "$stats" || echo 0)
  crashes=$(find "$out/findings" -path '*/crashes/id*' -type f 2>/dev/null | wc -l)
  hangs=$(find "$out/findings" -path '*/hangs/id*' -type f 2>/dev/null | wc -l)
  if [ -z "$stats" ]; then tail -n 15 "$out/afl.log"; echo "fuzz (AFL++ $target): afl-fuzz did not start ($out/afl.log)"; status=1; continue; fi
  echo "fuzz (AFL++ $target): ${execs:-0} executions in $seconds s, $crashes crashes, $hangs hangs"
  if [ "$crashes" -gt 0 ]; then
    status=1
    find "$out/findings" -path '*/crashes/id*' -type f -print0 | head -z -n 5 | xargs -0 dotnet "$plain" replay "$target"
  fi
done
exit $status

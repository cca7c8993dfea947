#!/usr/bin/env bash
# Builds the module, the floor module and the benchmarks in Release, then runs every measurement in one go
# and prints each figure with its target and PASS/FAIL. ~2-3 minutes on 2 cores (plus the first build).
#   tests/TencentOrg.Benchmarks/run-bench.sh                 everything
#   tests/TencentOrg.Benchmarks/run-bench.sh --quick         fewer repetitions (harness smoke check)
#   tests/TencentOrg.Benchmarks/run-bench.sh --only import,signing,client,sdk,bulk,memory,throttle,sync
#   TENCENT_SDK_DLL=/work/sdk-build/bin/Release/netstandard2.0/TencentCloudSdk.Org.dll run-bench.sh --only sdk
#                                                            module vs the official SDK (built outside the repo: docs/performance.md)
#   BENCH_JIT=1 tests/TencentOrg.Benchmarks/run-bench.sh     skip the ReadyToRun publish (engine JIT-compiled)
# The bench runs from a ReadyToRun publish (artifacts/bench/r2r): a pwsh release ships its engine
# precompiled, while the System.Management.Automation NuGet package is IL-only, and JIT-compiling the engine
# triples a cold Import-Module. The cold import is also measured with the JIT build, for reference.
# The markdown table lands in artifacts/bench/results.md; the machine summary in artifacts/bench/machine.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1

mkdir -p artifacts/bench
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  if command -v lscpu >/dev/null; then
    lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|CPU max MHz|Hypervisor vendor)' | sed 's/  */ /g'
  fi
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo 2>/dev/null)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  dotnet --info | grep -E '^ (Version|OS Name|OS Version|RID):|Microsoft.NETCore.App ' | head -6 | sed 's/^ *//'
} | tee artifacts/bench/machine.txt

sdk=(${TENCENT_SDK_DLL:+"-p:TencentSdkDll=$TENCENT_SDK_DLL"})
dotnet build -c Release tests/TencentOrg.Benchmarks -nologo -v q "${sdk[@]}"
jit_dll="$here/bin/Release/net10.0/TencentOrg.Benchmarks.dll"
dll="$jit_dll"
if [ -z "${BENCH_JIT:-}" ]; then
  rid="$(dotnet --info | awk '/^ RID:/ {print $2; exit}')"
  if dotnet publish tests/TencentOrg.Benchmarks/TencentOrg.Benchmarks.csproj -c Release -r "${rid:-linux-x64}" --self-contained false \
       -p:PublishReadyToRun=true -o artifacts/bench/r2r -nologo -v q "${sdk[@]}"; then
    dll="$root/artifacts/bench/r2r/TencentOrg.Benchmarks.dll"
    export TENCENTORG_BENCH_JIT_CHILD="$jit_dll"
  else
    echo "ReadyToRun publish failed: running with the JIT-compiled engine (cold import figures will be higher)." >&2
  fi
fi
exec dotnet "$dll" --out artifacts/bench/results.md "$@"

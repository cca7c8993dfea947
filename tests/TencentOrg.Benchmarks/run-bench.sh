#!/usr/bin/env bash
# Builds the module, the floor module and the benchmarks in Release, then runs every measurement in one go
# and prints each figure with its target and PASS/FAIL. ~4-5 minutes on 2 cores.
#   tests/TencentOrg.Benchmarks/run-bench.sh                 everything
#   tests/TencentOrg.Benchmarks/run-bench.sh --quick         fewer repetitions (harness smoke check)
#   tests/TencentOrg.Benchmarks/run-bench.sh --only import,signing,client,bulk,memory
# The markdown table also lands in artifacts/bench/results.md; the machine summary in artifacts/bench/machine.txt.
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

dotnet build -c Release tests/TencentOrg.Benchmarks -nologo -v q
dll="$here/bin/Release/net10.0/TencentOrg.Benchmarks.dll"
exec dotnet "$dll" --out artifacts/bench/results.md "$@"

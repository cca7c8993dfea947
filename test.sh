#!/usr/bin/env bash
# The README's test command: needs only the .NET SDK. Restores the pinned pwsh (dotnet-tools.json), then runs
# build.ps1 -Task Test in it: build, xunit suite, Pester suite, one closing "N passed, N failed" line.
# Extra arguments go to build.ps1, e.g. ./test.sh -Suite Pester -PesterPath tests/Pester/Views.Tests.ps1
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off
dotnet tool restore
exec dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 -Task Test "$@"

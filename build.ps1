<#
.SYNOPSIS
Builds, tests, packages and demonstrates the TencentOrg module.

.DESCRIPTION
Runs in the repository's pinned pwsh: `dotnet tool restore` then `dotnet pwsh ./build.ps1 ...`, or ./test.sh,
which does both for the Test task. Release builds assemble out/TencentOrg (the folder users import and the
package is made from); any other configuration assembles out/<Configuration>/TencentOrg.

.EXAMPLE
./build.ps1                 # Build: assemble out/TencentOrg (Release)
.EXAMPLE
./build.ps1 -Task Test      # xunit suite and Pester suite, one combined "N passed, N failed" line
.EXAMPLE
./build.ps1 -Task Test -Suite Pester -PesterPath tests/Pester/Views.Tests.ps1   # one Pester file
.EXAMPLE
./build.ps1 -Task Package   # artifacts/TencentOrg.<version>.nupkg made by PSResourceGet from the manifest
.EXAMPLE
./build.ps1 -Task Demo      # examples/onboard.ps1 against the emulator on a free port, in this pwsh
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean', 'Demo')]
    [string]$Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',
    # Test only: which suites to run.
    [ValidateSet('All', 'Xunit', 'Pester')]
    [string]$Suite = 'All',
    # Test only: a `dotnet test --filter` expression for the xunit suite.
    [string]$XunitFilter,
    # Test only: Pester files or folders (default tests/Pester).
    [string[]]$PesterPath,
    # Test only: where xunit.trx, pester.xml and the counts go (default artifacts/test-results).
    [string]$ResultsDir = (Join-Path $PSScriptRoot 'artifacts/test-results'),
    # Package, Demo, Test: use what the last build left (out/, bin/) instead of building first.
    [switch]$NoBuild,
    # Demo only: a seed file for the emulator (see src/TencentOrg.Emulator/README.md) instead of its defaults.
    [string]$EmulatorSeed
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$PesterVersion = '5.7.1'   # keep in step with tests/Pester/Pester.Restore.csproj

# Output goes to the host, so functions that call dotnet return only what they mean to.
function Invoke-Dotnet {
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# Mirrors Directory.Build.targets: only Release owns out/TencentOrg.
function Get-ModuleDir([string]$Config) {
    if ($Config -eq 'Release') { Join-Path $root 'out/TencentOrg' } else { Join-Path $root "out/$Config/TencentOrg" }
}

function Build-Module {
    if (-not $NoBuild) { Invoke-Dotnet build (Join-Path $root 'src/TencentOrg/TencentOrg.csproj') -c $Configuration }
    $manifest = Join-Path (Get-ModuleDir $Configuration) 'TencentOrg.psd1'
    Test-ModuleManifest -Path $manifest | Out-Null
    $manifest
}

# The command that starts another pwsh like this one: `dotnet <PSHOME>/pwsh.dll` under the dotnet tool, else this executable.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
}

function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-String 'global-packages:\s*(.+)$' | Select-Object -First 1
    if (-not $line) { throw 'Cannot find the NuGet global packages folder (dotnet nuget locals global-packages --list).' }
    $line.Matches[0].Groups[1].Value.Trim()
}

# Pester pinned and restored from NuGet like any other package: its module sits under tools/ of the package.
function Get-PesterManifest {
    Invoke-Dotnet restore (Join-Path $root 'tests/Pester/Pester.Restore.csproj') --verbosity quiet
    $manifest = Join-Path (Get-NuGetPackagesFolder) "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion was restored but $manifest is missing." }
    $manifest
}

function Invoke-XunitSuite([string]$ResultsDir) {
    $arguments = @('test', (Join-Path $root 'tests/TencentOrg.Tests'), '-c', $Configuration, '--no-build',
        '--logger', 'trx;LogFileName=xunit.trx', '--logger', 'console;verbosity=normal', '--results-directory', $ResultsDir)
    if ($XunitFilter) { $arguments += @('--filter', $XunitFilter) }
    & dotnet @arguments | Out-Host
    $exitCode = $LASTEXITCODE
    $trx = Join-Path $ResultsDir 'xunit.trx'
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Suite = 'xunit'; Passed = 0; Failed = 1; Skipped = 0; Note = "no results (exit code $exitCode)" } }
    $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    # A crashed test host can exit non-zero with every counted test passed: count that as a failure.
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Suite = 'xunit'; Passed = [int]$counters.passed; Failed = $failed; Skipped = [int]$counters.notExecuted; Note = '' }
}

function Invoke-PesterSuite([string]$ResultsDir) {
    $pester = Get-PesterManifest
    $paths = if ($PesterPath) { @($PesterPath | ForEach-Object { (Resolve-Path $_).Path }) } else { @(Join-Path $root 'tests/Pester') }
    $summary = Join-Path $ResultsDir 'pester.json'
    $pwsh = @(Get-PwshCommand)
    # A fresh, non-interactive pwsh: the suite imports the module itself and prompts must never block.
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1') `
        -PesterManifest $pester -Path $paths -SummaryFile $summary -ResultsDir $ResultsDir | Out-Host
    $exitCode = $LASTEXITCODE
    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Suite = 'Pester'; Passed = 0; Failed = 1; Skipped = 0; Note = "no results (exit code $exitCode)" } }
    $counts = Get-Content -Raw $summary | ConvertFrom-Json
    [pscustomobject]@{ Suite = 'Pester'; Passed = [int]$counts.Passed; Failed = [int]$counts.Failed; Skipped = [int]$counts.Skipped; Note = '' }
}

function Invoke-TestTask {
    $resultsDir = $ResultsDir
    Remove-Item $resultsDir -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $resultsDir -Force | Out-Null

    # Builds the module (out/TencentOrg for Release), the emulator and the tests; then the Pester suite's emulator host.
    if (-not $NoBuild) {
        Invoke-Dotnet build (Join-Path $root 'tests/TencentOrg.Tests') -c $Configuration
        if ($Suite -ne 'Xunit') { Invoke-Dotnet build (Join-Path $root 'tests/Pester/EmulatorHost') -c $Configuration }
    }

    $results = @()
    if ($Suite -ne 'Pester') { $results += Invoke-XunitSuite $resultsDir }
    if ($Suite -ne 'Xunit') { $results += Invoke-PesterSuite $resultsDir }

    Write-Host ''
    foreach ($r in $results) {
        Write-Host ("{0}: {1} passed, {2} failed, {3} skipped {4}" -f $r.Suite, $r.Passed, $r.Failed, $r.Skipped, $r.Note)
    }
    $passed = ($results | Measure-Object Passed -Sum).Sum
    $failed = ($results | Measure-Object Failed -Sum).Sum
    $skipped = ($results | Measure-Object Skipped -Sum).Sum
    # The one closing line CI reads.
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

# Starts the command-line emulator on a free port and returns its process and the endpoint it announced.
function Start-DemoEmulator {
    if (-not $NoBuild) { Invoke-Dotnet build (Join-Path $root 'src/TencentOrg.Emulator') -c $Configuration }
    $dll = Join-Path $root "src/TencentOrg.Emulator/bin/$Configuration/net10.0/TencentOrg.Emulator.dll"
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $dll, '--port', '0') { $info.ArgumentList.Add($a) }
    if ($EmulatorSeed) { foreach ($a in '--seed', (Resolve-Path $EmulatorSeed -ErrorAction Stop).Path) { $info.ArgumentList.Add($a) } }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardInput = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds(60)) -or $null -eq $read.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The emulator did not start (exit code $(if ($process.HasExited) { $process.ExitCode } else { 'none, killed after 60 s' }))."
    }
    if ($read.Result -notmatch 'listening on (http://127\.0\.0\.1:\d+/)') {
        $process.Kill()
        throw "The emulator did not announce its endpoint; it printed: $($read.Result)"
    }
    [pscustomobject]@{ Process = $process; Endpoint = $Matches[1] }
}

switch ($Task) {
    'Build' {
        $manifest = Build-Module
        Write-Host "Module assembled in $(Split-Path $manifest)"
    }
    'Test' {
        Invoke-TestTask
    }
    'Package' {
        # PSResourceGet makes the package from the manifest itself: the nuspec can never drift from TencentOrg.psd1.
        $manifest = Build-Module
        $artifacts = Join-Path $root 'artifacts'
        New-Item -ItemType Directory -Path $artifacts -Force | Out-Null
        $version = (Import-PowerShellDataFile $manifest).ModuleVersion
        $nupkg = Join-Path $artifacts "TencentOrg.$version.nupkg"
        Remove-Item $nupkg -ErrorAction SilentlyContinue
        Compress-PSResource -Path (Split-Path $manifest) -DestinationPath $artifacts
        if (-not (Test-Path $nupkg)) { throw "Compress-PSResource did not write $nupkg." }
        Write-Host "Package: $nupkg"
        Write-Host "Publish: Publish-PSResource -NupkgPath '$nupkg' -Repository PSGallery -ApiKey <key>"
    }
    'Clean' {
        foreach ($path in 'out', 'artifacts') { Remove-Item (Join-Path $root $path) -Recurse -Force -ErrorAction SilentlyContinue }
        Get-ChildItem $root -Recurse -Directory -Include 'bin', 'obj' | Remove-Item -Recurse -Force
    }
    'Demo' {
        # Same scenario as `dotnet run --project src/TencentOrg.Demo`, but in this pwsh with its full formatting.
        $manifest = Build-Module
        $emulator = Start-DemoEmulator
        try {
            Write-Host "Emulator (process $($emulator.Process.Id)) listening on $($emulator.Endpoint)"
            Import-Module $manifest -Force
            $key = ConvertTo-SecureString 'EmulatorDemoSecretKey0000000000000' -AsPlainText -Force
            & (Join-Path $root 'examples/onboard.ps1') -Endpoint $emulator.Endpoint -SecretId 'AKIDEMULATORDEMO0000000000000000000' -SecretKey $key
            if ($emulator.Process.HasExited) { throw "The emulator exited (code $($emulator.Process.ExitCode)) during the demo." }
        }
        finally {
            if (-not $emulator.Process.HasExited) { $emulator.Process.Kill() }
            $emulator.Process.WaitForExit()
        }
    }
}

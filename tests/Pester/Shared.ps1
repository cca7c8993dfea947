# Shared set-up for every *.Tests.ps1 file here. Dot-source it in the file's top-level BeforeAll:
#
#   BeforeAll {
#       . $PSScriptRoot/Shared.ps1
#       $emulator = Start-TestEmulator          # emulator host on a free loopback port
#       Import-TestedModule                     # out/TencentOrg/TencentOrg.psd1, as a user imports it
#       Connect-TestEmulator $emulator          # Connect-TcOrg to it with the demo key
#   }
#   AfterAll { Stop-TestEmulator $emulator }
#
# Get-EmulatorRequest / Clear-EmulatorRequest / Get-EmulatorState read the emulator's own request log and state.

Set-StrictMode -Version Latest
$PSStyle.OutputRendering = 'PlainText'

$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
# Release owns out/TencentOrg (Directory.Build.targets); build.ps1 -Task Test builds it before the suite runs.
$ModuleDir = Join-Path $RepoRoot 'out/TencentOrg'
$ModuleManifest = Join-Path $ModuleDir 'TencentOrg.psd1'
$EmulatorHostDll = Join-Path $RepoRoot 'tests/Pester/EmulatorHost/bin/Release/net10.0/TencentOrg.EmulatorHost.dll'
$DemoSecretId = 'AKIDEMULATORDEMO0000000000000000000'
$DemoSecretKey = 'EmulatorDemoSecretKey0000000000000'

function Import-TestedModule {
    if (-not (Test-Path $ModuleManifest)) { throw "Build first: ./build.ps1 (expected $ModuleManifest)." }
    Import-Module $ModuleManifest -Force -ErrorAction Stop
}

# Starts tests/Pester/EmulatorHost on a free port (it binds port 0 and announces the endpoint on its first line).
function Start-TestEmulator {
    param([int]$Members = 50, [int]$TaskPolls = 1, [double]$RateLimit = 0)
    if (-not (Test-Path $EmulatorHostDll)) { throw "Build first: dotnet build tests/Pester/EmulatorHost -c Release (expected $EmulatorHostDll)." }
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $EmulatorHostDll, '--members', $Members, '--task-polls', $TaskPolls, '--rate-limit', $RateLimit) { $info.ArgumentList.Add([string]$a) }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $first = $process.StandardOutput.ReadLineAsync()
    if (-not $first.Wait([TimeSpan]::FromSeconds(60)) -or -not $first.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        throw 'The emulator host did not start.'
    }
    $announced = $first.Result | ConvertFrom-Json
    [pscustomobject]@{
        Process  = $process
        Endpoint = $announced.Endpoint
        Port     = ([uri]$announced.Endpoint).Port
        SecretId = $announced.SecretId
        ZoneId   = $announced.ZoneId
        HostUin  = $announced.HostUin
    }
}

function Stop-TestEmulator([Parameter(Mandatory)] $Emulator) {
    if ($null -eq $Emulator -or $Emulator.Process.HasExited) { return }
    try { $Emulator.Process.StandardInput.WriteLine('quit') } catch { }
    if (-not $Emulator.Process.WaitForExit(10000)) { $Emulator.Process.Kill() }
}

# One line command to the host, one JSON line back.
function Invoke-EmulatorCommand([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string]$Command) {
    $Emulator.Process.StandardInput.WriteLine($Command)
    $Emulator.Process.StandardInput.Flush()
    $answer = $Emulator.Process.StandardOutput.ReadLine()
    if ($null -eq $answer) { throw "The emulator host exited (command: $Command)." }
    $value = $answer | ConvertFrom-Json -NoEnumerate
    if ($value -isnot [array] -and $value.PSObject.Properties['Error']) { throw "Emulator host: $($value.Error)" }
    , $value
}

# Every request the emulator received, in order: Action, Body (JSON text), StatusCode, ErrorCode, Handled.
function Get-EmulatorRequest([Parameter(Mandatory)] $Emulator, [string]$Action) {
    $all = Invoke-EmulatorCommand $Emulator 'requests'
    @($all | Where-Object { -not $Action -or $_.Action -eq $Action })
}

function Clear-EmulatorRequest([Parameter(Mandatory)] $Emulator) { $null = Invoke-EmulatorCommand $Emulator 'clear' }

# Organization, Zone, Members, PresetPolicies, Identities, MemberAuthIdentities, Users, Groups,
# RoleConfigurations, RoleAssignments, Provisionings, Tasks: the emulator's state, not what the module says.
function Get-EmulatorState([Parameter(Mandatory)] $Emulator) { Invoke-EmulatorCommand $Emulator 'state' }

# Makes matching tasks fail, e.g. Add-EmulatorTaskFailure $e @{ TaskType = 'ProvisionRoleConfiguration'; FailureReason = '...' }.
function Add-EmulatorTaskFailure([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable]$Rule) {
    $null = Invoke-EmulatorCommand $Emulator ('fail-task ' + ($Rule | ConvertTo-Json -Compress))
}

function Connect-TestEmulator([Parameter(Mandatory)] $Emulator) {
    Connect-TcOrg -Endpoint $Emulator.Endpoint -SecretId $DemoSecretId -SecretKey (ConvertTo-SecureString $DemoSecretKey -AsPlainText -Force) -ErrorAction Stop
}

# The command that starts a new pwsh like this one: `dotnet <PSHOME>/pwsh.dll` under the dotnet tool, else this executable.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
}

# Runs a script in a fresh, non-interactive pwsh process (-File, so an uncaught error exits 1); returns its exit code,
# stdout and stderr. -Environment adds or overrides variables for that process only (e.g. an isolated HOME).
function Invoke-FreshPwsh {
    param(
        [Parameter(Mandatory)] [string]$Script,
        [hashtable]$Environment = @{},
        [string]$WorkingDirectory = $RepoRoot,
        [int]$TimeoutSeconds = 300
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("tcorg-" + [guid]::NewGuid().ToString('n') + '.ps1')
    Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`n`$PSStyle.OutputRendering = 'PlainText'`n" + $Script) -Encoding utf8
    try {
        $pwsh = @(Get-PwshCommand)
        $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $info.WorkingDirectory = $WorkingDirectory
        foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
        $process = [Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "pwsh did not finish in $TimeoutSeconds s."
        }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

# The text a console of the given width shows for the objects (table headers included), without ANSI styling.
function Get-ConsoleText([Parameter(Mandatory)] [int]$Width, [Parameter(ValueFromPipeline)] $InputObject) {
    begin { $items = [Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end { ($items | Out-String -Width $Width) -split "`r?`n" }
}

# Parses tables as Format-Table printed them (plain text): each table's labels (read from the line above the
# dashes), the line above the labels (blank, or a group header, unless a header wrapped) and its rows, with the
# wrapped continuation lines of a row joined back onto its cells.
function ConvertFrom-ConsoleTable([Parameter(Mandatory)] [AllowEmptyString()] [string[]]$Lines) {
    for ($i = 1; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i] -notmatch '^-[- ]*$') { continue }
        $starts = @([regex]::Matches($Lines[$i], '-+') | ForEach-Object Index)
        $cellsOf = {
            param([string]$line)
            for ($c = 0; $c -lt $starts.Count; $c++) {
                $start = $starts[$c]
                $end = if ($c + 1 -lt $starts.Count) { [Math]::Min($starts[$c + 1], $line.Length) } else { $line.Length }
                if ($start -ge $line.Length) { '' } else { $line.Substring($start, $end - $start) }
            }
        }
        $labels = @(& $cellsOf $Lines[$i - 1] | ForEach-Object Trim)
        $rows = [Collections.Generic.List[object]]::new()
        for ($j = $i + 1; $j -lt $Lines.Count -and $Lines[$j].Trim(); $j++) {
            $cells = @(& $cellsOf $Lines[$j])
            if ($cells[0].Trim() -or $rows.Count -eq 0) {
                $row = [ordered]@{}
                for ($c = 0; $c -lt $labels.Count; $c++) { $row[$labels[$c]] = $cells[$c] }
                $rows.Add($row)
            }
            else {
                for ($c = 0; $c -lt $labels.Count; $c++) { $rows[-1][$labels[$c]] += $cells[$c] }
            }
        }
        [pscustomobject]@{
            Labels    = $labels
            LineAbove = if ($i -ge 2) { $Lines[$i - 2] } else { '' }
            # Format-Table -GroupBy and grouped views print "   Name: value" and a blank line above the labels.
            Group     = if ($i -ge 3 -and -not $Lines[$i - 2].Trim() -and $Lines[$i - 3] -match '^\s+(\w+: .*)$') { $Matches[1].Trim() } else { '' }
            Rows      = $rows.ToArray()
        }
    }
}

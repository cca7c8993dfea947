# Runs the Pester suite for build.ps1 -Task Test in a fresh pwsh and writes the counts it combines with xunit's.
param(
    [Parameter(Mandatory)] [string]$PesterManifest,
    [Parameter(Mandatory)] [string[]]$Path,
    [Parameter(Mandatory)] [string]$SummaryFile,
    [Parameter(Mandatory)] [string]$ResultsDir
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultsDir 'pester.xml'
$result = Invoke-Pester -Configuration $config

# A block whose BeforeAll threw, or a file that did not parse, fails its tests too: count them.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $SummaryFile -Encoding utf8
exit ([Math]::Min($failed, 1))

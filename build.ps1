<#
.SYNOPSIS
Builds, tests, packages and demonstrates the TencentOrg module. Every task calls dotnet, so the same
build runs on machines without pwsh (see README.md).

.EXAMPLE
./build.ps1                 # Build: assemble out/TencentOrg
.EXAMPLE
./build.ps1 -Task Test      # xunit suite hosting the PowerShell 7.6 engine
.EXAMPLE
./build.ps1 -Task Package   # out/TencentOrg plus artifacts/TencentOrg.<version>.nupkg (Publish-PSResource -NupkgPath ...)
.EXAMPLE
./build.ps1 -Task Demo      # examples/onboard.ps1 against the embedded emulator, in this pwsh
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean', 'Demo')]
    [string]$Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet build (Join-Path $root 'src/TencentOrg/TencentOrg.csproj') -c $Configuration
        Test-ModuleManifest -Path (Join-Path $root 'out/TencentOrg/TencentOrg.psd1') | Out-Null
        Write-Host "Module assembled in $(Join-Path $root 'out/TencentOrg')"
    }
    'Test' {
        # The README's test command; the suite imports out/TencentOrg in a hosted engine.
        Invoke-Dotnet test (Join-Path $root 'tests/TencentOrg.Tests')
    }
    'Package' {
        Invoke-Dotnet pack (Join-Path $root 'src/TencentOrg.Package') -c $Configuration
        $nupkg = Get-ChildItem (Join-Path $root 'artifacts') -Filter 'TencentOrg.*.nupkg' | Sort-Object LastWriteTime | Select-Object -Last 1
        Write-Host "Package: $($nupkg.FullName)"
        Write-Host "Publish: Publish-PSResource -NupkgPath '$($nupkg.FullName)' -Repository PSGallery -ApiKey <key>"
    }
    'Clean' {
        foreach ($path in 'out', 'artifacts') { Remove-Item (Join-Path $root $path) -Recurse -Force -ErrorAction SilentlyContinue }
        Get-ChildItem $root -Recurse -Directory -Include 'bin', 'obj' | Remove-Item -Recurse -Force
    }
    'Demo' {
        # Same scenario as `dotnet run --project src/TencentOrg.Demo`, but in this pwsh with its full formatting.
        Invoke-Dotnet build (Join-Path $root 'src/TencentOrg.Emulator') -c $Configuration
        $emulatorDll = Join-Path $root "src/TencentOrg.Emulator/bin/$Configuration/net10.0/TencentOrg.Emulator.dll"
        $emulator = Start-Process dotnet -ArgumentList $emulatorDll, '--port', '18080' -PassThru -NoNewWindow
        try {
            Start-Sleep -Seconds 2
            Import-Module (Join-Path $root 'out/TencentOrg/TencentOrg.psd1') -Force
            $key = ConvertTo-SecureString 'EmulatorDemoSecretKey0000000000000' -AsPlainText -Force
            & (Join-Path $root 'examples/onboard.ps1') -Endpoint 'http://127.0.0.1:18080/' -SecretId 'AKIDEMULATORDEMO0000000000000000000' -SecretKey $key
        }
        finally {
            Stop-Process -Id $emulator.Id -ErrorAction SilentlyContinue
        }
    }
}

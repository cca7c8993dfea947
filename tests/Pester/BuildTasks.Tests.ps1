# Every build.ps1 task, each in a fresh non-interactive pwsh as a user runs it. Build, Package and Demo run in
# the repository (incremental, and they only add to out/ and artifacts/); Clean runs in a copy so it cannot
# remove what this suite is using; Test runs itself on a small sample suite, not recursively on this one.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $manifestData = Import-PowerShellDataFile $ModuleManifest

    # build.ps1 ends with `exit 1` when tests fail; pass that on as the process's exit code.
    function Invoke-BuildTask([string]$Arguments, [string]$Root = $RepoRoot) {
        Invoke-FreshPwsh -WorkingDirectory $Root -TimeoutSeconds 600 -Script "& '$Root/build.ps1' $Arguments; exit `$LASTEXITCODE"
    }

    # AssemblyConfiguration of each dll, read in a fresh pwsh: this one has the Release copy loaded already.
    function Get-AssemblyConfiguration([string[]]$Path) {
        $list = ($Path | ForEach-Object { "'$_'" }) -join ','
        $run = Invoke-FreshPwsh -Script "foreach (`$p in $list) { [Reflection.Assembly]::LoadFile(`$p).GetCustomAttributes([Reflection.AssemblyConfigurationAttribute], `$false).Configuration }"
        $run.ExitCode | Should -Be 0 -Because $run.Error
        @($run.Output -split "`r?`n" | Where-Object { $_ })
    }
}

Describe 'build.ps1 -Task Build' {
    It 'assembles out/TencentOrg from a Release build; other configurations assemble elsewhere' {
        $release = Invoke-BuildTask '-Task Build'
        $release.ExitCode | Should -Be 0 -Because $release.Error
        $release.Output | Should -Match ([regex]::Escape("Module assembled in $ModuleDir"))
        Get-AssemblyConfiguration (Join-Path $ModuleDir 'TencentOrg.dll') | Should -Be 'Release'

        # Where each configuration assembles the module, as MSBuild evaluates it (a Debug build itself would cost CI a minute).
        $project = Join-Path $RepoRoot 'src/TencentOrg/TencentOrg.csproj'
        foreach ($case in @(@{ Configuration = 'Debug'; Dir = 'out/Debug/TencentOrg' }, @{ Configuration = 'Release'; Dir = 'out/TencentOrg' })) {
            $dir = & dotnet msbuild $project -getProperty:ModuleOutDir "-p:Configuration=$($case.Configuration)"
            $LASTEXITCODE | Should -Be 0
            [IO.Path]::GetFullPath($dir.Trim()) | Should -Be ([IO.Path]::GetFullPath((Join-Path $RepoRoot $case.Dir) + '/'))
        }
    }
}

Describe 'build.ps1 -Task Package' {
    It 'makes the nupkg with PSResourceGet, its metadata taken from TencentOrg.psd1' {
        $run = Invoke-BuildTask '-Task Package -NoBuild'
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $nupkg = Join-Path $RepoRoot "artifacts/TencentOrg.$($manifestData.ModuleVersion).nupkg"
        $nupkg | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($nupkg)
        try {
            $entries = $zip.Entries.FullName
            $reader = [IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'TencentOrg.nuspec').Open())
            [xml]$nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        foreach ($file in 'TencentOrg.psd1', 'TencentOrg.dll', 'TencentOrg.Core.dll', 'TencentOrg.format.ps1xml', 'TencentOrg.dll-Help.xml', 'en-US/about_TencentOrg.help.txt') {
            $entries | Should -Contain $file
        }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'TencentOrg'
        $metadata.version | Should -Be $manifestData.ModuleVersion
        $metadata.description | Should -Be $manifestData.Description
        $metadata.authors | Should -Be $manifestData.Author
        $metadata.copyright | Should -Be $manifestData.Copyright
        $metadata.projectUrl | Should -Be $manifestData.PrivateData.PSData.ProjectUri
        $metadata.licenseUrl | Should -Be $manifestData.PrivateData.PSData.LicenseUri
        $metadata.releaseNotes | Should -Be $manifestData.PrivateData.PSData.ReleaseNotes
        foreach ($tag in $manifestData.PrivateData.PSData.Tags) { $metadata.tags -split ' ' | Should -Contain $tag }
    }
}

Describe 'build.ps1 -Task Demo' {
    It 'runs the onboarding scenario against an emulator on a free port, even with the old fixed port taken' {
        # Whatever listens on 18080 (the port the demo used to assume) must never be talked to.
        $squatter = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 18080)
        try { $squatter.Start() } catch { $squatter = $null }
        try {
            $run = Invoke-BuildTask '-Task Demo -NoBuild'
            $run.ExitCode | Should -Be 0 -Because $run.Error
            $run.Output -match 'listening on http://127\.0\.0\.1:(\d+)/' | Should -BeTrue
            [int]$Matches[1] | Should -Not -Be 18080
            $run.Output | Should -Match '== 5\. Wait for'
            $run.Output | Should -Match 'Success'
            if ($squatter) { $squatter.Pending() | Should -BeFalse }
        }
        finally { if ($squatter) { $squatter.Stop() } }
    }

    It 'fails loudly, without running the scenario, when the emulator does not start' {
        $badSeed = Join-Path $TestDrive 'broken-seed.json'
        Set-Content $badSeed '{ this is not JSON'
        $run = Invoke-BuildTask "-Task Demo -NoBuild -EmulatorSeed '$badSeed'"
        $run.ExitCode | Should -Not -Be 0
        ($run.Output + $run.Error) | Should -Match 'The emulator did not start'
        $run.Output | Should -Not -Match '== 1\.'
    }
}

Describe 'build.ps1 -Task Clean' {
    It 'removes out, artifacts, bin and obj, and nothing else' {
        $copy = Join-Path $TestDrive 'clean-copy'
        foreach ($folder in 'out/TencentOrg', 'artifacts', 'src/Lib/bin/Release', 'src/Lib/obj', 'tests/Suite/bin', 'docs') {
            New-Item -ItemType Directory -Path (Join-Path $copy $folder) -Force | Out-Null
        }
        Copy-Item (Join-Path $RepoRoot 'build.ps1') $copy
        Set-Content (Join-Path $copy 'out/TencentOrg/TencentOrg.psd1') '@{}'
        Set-Content (Join-Path $copy 'src/Lib/Lib.cs') '// source'
        Set-Content (Join-Path $copy 'docs/page.md') '# page'

        $run = Invoke-BuildTask '-Task Clean' -Root $copy
        $run.ExitCode | Should -Be 0 -Because $run.Error
        foreach ($gone in 'out', 'artifacts', 'src/Lib/bin', 'src/Lib/obj', 'tests/Suite/bin') { Join-Path $copy $gone | Should -Not -Exist }
        foreach ($kept in 'build.ps1', 'src/Lib/Lib.cs', 'docs/page.md') { Join-Path $copy $kept | Should -Exist }
    }
}

Describe 'build.ps1 -Task Test (the runner)' {
    It 'combines the suites into one closing line and fails when a test fails' {
        $sample = Join-Path $TestDrive 'Sample.Tests.ps1'
        Set-Content $sample @'
Describe 'sample' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails' { 1 | Should -Be 2 }
}
'@
        $results = Join-Path $TestDrive 'results'
        $run = Invoke-BuildTask "-Task Test -NoBuild -Suite Pester -PesterPath '$sample' -ResultsDir '$results'"
        $run.ExitCode | Should -Be 1
        $lines = @($run.Output -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[-1] | Should -Be '1 passed, 1 failed, 0 skipped'
        Join-Path $results 'pester.xml' | Should -Exist
    }
}

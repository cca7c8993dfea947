# The access review as an auditor uses it in pwsh: Get-TcOrgAccess into Export-Csv and back, the table at 80
# columns, and the HTML report on disk.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator
    # user00001 directly and group0001 (users 1, 6, 11, 16 in the generated seed) on one account.
    New-TcRoleAssignment -RoleConfigurationId rc-emuconfig002 -PrincipalId u-emuuser00001, g-emugroup0001 -TargetUin 100000000031 -Wait -ErrorAction Stop | Out-Null
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Get-TcOrgAccess' {
    It 'exports to CSV with flat columns that read back as the objects showed them' {
        $paths = @(Get-TcOrgAccess -TargetUin 100000000031 -ErrorAction Stop)
        $paths.Count | Should -Be 5
        $csv = Join-Path $TestDrive 'access.csv'
        $paths | Export-Csv -Path $csv -NoTypeInformation
        $back = @(Import-Csv $csv)
        $back.Count | Should -Be 5
        for ($i = 0; $i -lt 5; $i++) {
            $back[$i].UserName | Should -Be $paths[$i].UserName
            $back[$i].Via | Should -Be $paths[$i].Via
            $back[$i].Policies | Should -Be $paths[$i].Policies.ToString()
            $back[$i].TargetUin | Should -Be '100000000031'
            $back[$i].DeploymentStatus | Should -Be 'Deployed'
        }
        ($back | Where-Object UserName -EQ 'user00001').Via | Should -Be @('Direct', 'group0001 (g-emugroup0001)')
        Get-Content $csv -Raw | Should -Not -Match 'System\.'
    }

    It 'shows a table that fits 80 columns' {
        $lines = Get-TcOrgAccess -TargetUin 100000000031 | Get-ConsoleText -Width 80
        ($lines | Where-Object { $_ -match '^User\s' }) -split '\s+' | Where-Object { $_ } | Should -Be @('User', 'Via', 'Configuration', 'TargetUin', 'Deployment')
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        @($lines | Where-Object { $_ -match '^user00001\s+Direct\s' }).Count | Should -Be 1
    }

    It 'writes a self-contained HTML report into a folder it creates' {
        $file = Join-Path $TestDrive 'review/q4/access.html'
        $written = Export-TcOrgAccessReport -Path $file -PassThru -ErrorAction Stop
        $written.FullName | Should -Be (Get-Item $file).FullName
        $html = Get-Content $file -Raw
        $html | Should -Match 'user00016'
        $html | Should -Match '100000000031'
        $html | Should -Not -Match '(src|href)\s*='
        $html | Should -Match ([regex]::Escape($emulator.ZoneId))
    }
}

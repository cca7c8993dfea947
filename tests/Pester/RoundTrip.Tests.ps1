# Objects as text: what Export-Csv and ConvertTo-Json write must read back into the cmdlets that created them.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator
    $work = Join-Path ([IO.Path]::GetTempPath()) ('tcorg-roundtrip-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory $work
}
AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Identity policies as text' {
    It 'accepts -Policy as a pscustomobject and as a policy read back by ConvertFrom-Json' {
        $a = New-TcOrgIdentity -Name RtObject -Policy ([pscustomobject]@{ PolicyId = 2; PolicyName = 'ReadOnlyAccess' }) -ErrorAction Stop
        $b = New-TcOrgIdentity -Name RtJson -Policy ('[{"PolicyId":1,"PolicyName":"AdministratorAccess"},{"PolicyId":2,"PolicyName":"ReadOnlyAccess"}]' | ConvertFrom-Json) -ErrorAction Stop
        $a.Policies.ToString() | Should -Be '2:ReadOnlyAccess'
        $b.Policies.ToString() | Should -Be '1:AdministratorAccess;2:ReadOnlyAccess'
    }

    It 'Export-Csv writes Policies as 1:AdministratorAccess;2:ReadOnlyAccess and Import-Csv | New-TcOrgIdentity round-trips' {
        $null = New-TcOrgIdentity -Name RtCsv -Policy '1:AdministratorAccess;2:ReadOnlyAccess' -Description 'from csv' -ErrorAction Stop
        $csv = Join-Path $work 'identities.csv'
        Get-TcOrgIdentity -Name RtCsv | Export-Csv $csv
        (Get-Content $csv -Raw) | Should -Match ([regex]::Escape('"1:AdministratorAccess;2:ReadOnlyAccess"'))
        Clear-EmulatorRequest $emulator

        $copy = Import-Csv $csv | ForEach-Object { $_.Name = 'RtCsvCopy'; $_ } | New-TcOrgIdentity -ErrorAction Stop

        $copy.Policies.ToString() | Should -Be '1:AdministratorAccess;2:ReadOnlyAccess'
        $sent = (Get-EmulatorRequest $emulator CreateOrganizationIdentity | Select-Object -First 1).Body | ConvertFrom-Json
        @($sent.IdentityPolicy.PolicyId) | Should -Be @(1, 2)
        $stored = (Get-EmulatorState $emulator).Identities | Where-Object IdentityAliasName -EQ 'RtCsvCopy'
        @($stored.IdentityPolicy.PolicyName) | Should -Be @('AdministratorAccess', 'ReadOnlyAccess')
        $stored.Description | Should -Be 'from csv'
    }

    It 'ConvertTo-Json | ConvertFrom-Json | New-TcOrgIdentity round-trips the policies' {
        $json = Get-TcOrgIdentity -Name RtCsv | ConvertTo-Json -Depth 5
        $copy = $json | ConvertFrom-Json | ForEach-Object { $_.Name = 'RtJsonCopy'; $_ } | New-TcOrgIdentity -ErrorAction Stop
        $copy.Policies.ToString() | Should -Be '1:AdministratorAccess;2:ReadOnlyAccess'
        $stored = (Get-EmulatorState $emulator).Identities | Where-Object IdentityAliasName -EQ 'RtJsonCopy'
        @($stored.IdentityPolicy.PolicyId) | Should -Be @(1, 2)
    }
}

Describe 'Member grants as text' {
    BeforeAll {
        $ops = New-TcOrgIdentity -Name RtOps -Policy '2:ReadOnlyAccess' -ErrorAction Stop
        $audit = New-TcOrgIdentity -Name RtAudit -Policy '2:ReadOnlyAccess' -ErrorAction Stop
        Add-TcOrgMemberAuthIdentity -MemberUin 100000000011, 100000000012 -IdentityId $ops.IdentityId, $audit.IdentityId -ErrorAction Stop
        function Get-Granted([long[]]$Members) {
            @((Get-EmulatorState $emulator).MemberAuthIdentities | Where-Object { $_.MemberUin -in $Members -and $_.IdentityId -in $ops.IdentityId, $audit.IdentityId } |
                ForEach-Object { "$($_.MemberUin)/$($_.IdentityId)" } | Sort-Object)
        }
        $expected = Get-Granted 100000000011, 100000000012
    }

    It 'Get-TcOrgMember writes Identities as IdentityId:name text that Add-TcOrgMemberAuthIdentity reads back' {
        $csv = Join-Path $work 'members.csv'
        Get-TcOrgMember -MemberUin 100000000011, 100000000012 | Export-Csv $csv
        (Import-Csv $csv)[0].Identities | Should -Be "$($ops.IdentityId):RtOps;$($audit.IdentityId):RtAudit"
        Remove-TcOrgMemberAuthIdentity -MemberUin 100000000011, 100000000012 -IdentityId $ops.IdentityId, $audit.IdentityId -Confirm:$false -ErrorAction Stop
        Get-Granted 100000000011, 100000000012 | Should -BeNullOrEmpty

        Import-Csv $csv | Add-TcOrgMemberAuthIdentity -ErrorAction Stop

        Get-Granted 100000000011, 100000000012 | Should -Be $expected
    }

    It 'Get-TcOrgMemberAuthIdentity rows round-trip through CSV and JSON into Add-TcOrgMemberAuthIdentity' {
        $csv = Join-Path $work 'grants.csv'
        Get-TcOrgMemberAuthIdentity -IdentityId $ops.IdentityId, $audit.IdentityId | Export-Csv $csv
        $json = Get-TcOrgMemberAuthIdentity -IdentityId $ops.IdentityId, $audit.IdentityId | ConvertTo-Json
        Remove-TcOrgMemberAuthIdentity -MemberUin 100000000011, 100000000012 -IdentityId $ops.IdentityId, $audit.IdentityId -Confirm:$false -ErrorAction Stop

        Import-Csv $csv | Add-TcOrgMemberAuthIdentity -ErrorAction Stop
        Get-Granted 100000000011, 100000000012 | Should -Be $expected

        Remove-TcOrgMemberAuthIdentity -MemberUin 100000000011, 100000000012 -IdentityId $ops.IdentityId, $audit.IdentityId -Confirm:$false -ErrorAction Stop
        $json | ConvertFrom-Json | Add-TcOrgMemberAuthIdentity -ErrorAction Stop
        Get-Granted 100000000011, 100000000012 | Should -Be $expected
    }
}

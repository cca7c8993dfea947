# Spreadsheets and JSON files into the core cmdlets, as an admin feeds them, checked against the emulator's own
# state (not against what the module says back).
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator

    function Get-AssignmentKey([object[]]$Assignments) {
        @($Assignments | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.RoleConfigurationId, $_.TargetType, $_.TargetUin, $_.PrincipalType, $_.PrincipalId } | Sort-Object)
    }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Import-Csv into the core cmdlets' {
    It 'New-TcOrgIdentity creates one identity per row with its policies and description' {
        $csv = Join-Path $TestDrive 'identities.csv'
        Set-Content $csv -Encoding utf8 -Value @(
            'Name,Policy,Description'
            'CsvAuditor,2:ReadOnlyAccess,Read-only for auditors'
            'CsvOperator,1:AdministratorAccess;5:QcloudCVMFullAccess,Operators'
        )
        $created = @(Import-Csv $csv | New-TcOrgIdentity -ErrorAction Stop)
        $created.Name | Should -Be @('CsvAuditor', 'CsvOperator')

        $state = (Get-EmulatorState $emulator).Identities
        $auditor = $state | Where-Object IdentityAliasName -EQ 'CsvAuditor'
        $auditor.Description | Should -Be 'Read-only for auditors'
        @($auditor.IdentityPolicy | ForEach-Object { "$($_.PolicyId):$($_.PolicyName)" }) | Should -Be @('2:ReadOnlyAccess')
        $operator = $state | Where-Object IdentityAliasName -EQ 'CsvOperator'
        @($operator.IdentityPolicy | ForEach-Object { "$($_.PolicyId):$($_.PolicyName)" }) | Should -Be @('1:AdministratorAccess', '5:QcloudCVMFullAccess')
        $operator.IdentityId | Should -Be ($created | Where-Object Name -EQ 'CsvOperator').IdentityId
    }

    It 'Add-TcOrgMemberAuthIdentity grants each row''s member the row''s identity' {
        $identity = New-TcOrgIdentity -Name 'CsvGrantTarget' -Policy '2:ReadOnlyAccess' -ErrorAction Stop
        $csv = Join-Path $TestDrive 'grants.csv'
        Set-Content $csv -Encoding utf8 -Value (@('MemberUin,IdentityId') + (11..14 | ForEach-Object { "1000000000$_,$($identity.IdentityId)" }))
        Import-Csv $csv | Add-TcOrgMemberAuthIdentity -ErrorAction Stop

        $granted = @((Get-EmulatorState $emulator).MemberAuthIdentities | Where-Object IdentityId -EQ $identity.IdentityId | ForEach-Object MemberUin | Sort-Object)
        $granted | Should -Be @(100000000011, 100000000012, 100000000013, 100000000014)
        # Four rows for one identity go out in one request (10 members x 5 identities per request).
        @(Get-EmulatorRequest $emulator -Action CreateOrganizationMemberAuthIdentity | Where-Object Body -Match "\b$($identity.IdentityId)\b").Count | Should -Be 1
    }

    It 'New-TcRoleAssignment creates one assignment per row' {
        $csv = Join-Path $TestDrive 'assignments.csv'
        Set-Content $csv -Encoding utf8 -Value @(
            'RoleConfigurationId,TargetUin,PrincipalId,PrincipalType'
            'rc-emuconfig002,100000000021,u-emuuser00003,User'
            'rc-emuconfig002,100000000022,g-emugroup0002,Group'
            'rc-emuconfig003,100000000021,u-emuuser00004,User'
        )
        $tasks = @(Import-Csv $csv | New-TcRoleAssignment -ErrorAction Stop)
        $tasks.Count | Should -Be 3
        $state = (Get-EmulatorState $emulator).RoleAssignments | Where-Object TargetUin -In 100000000021, 100000000022
        Get-AssignmentKey $state | Should -Be @(
            'rc-emuconfig002|MemberUin|100000000021|User|u-emuuser00003'
            'rc-emuconfig002|MemberUin|100000000022|Group|g-emugroup0002'
            'rc-emuconfig003|MemberUin|100000000021|User|u-emuuser00004'
        )
    }

    It 'Start-TcRoleProvisioning deploys each row''s configuration on its target' {
        $csv = Join-Path $TestDrive 'deployments.csv'
        Set-Content $csv -Encoding utf8 -Value @('RoleConfigurationId,TargetUin', 'rc-emuconfig004,100000000031', 'rc-emuconfig004,100000000032')
        $tasks = @(Import-Csv $csv | Start-TcRoleProvisioning -Wait -ErrorAction Stop)
        $tasks.Status | Should -Be @('Success', 'Success')
        $deployed = @((Get-EmulatorState $emulator).Provisionings | Where-Object { $_.RoleConfigurationId -eq 'rc-emuconfig004' } | ForEach-Object TargetUin | Sort-Object)
        $deployed | Should -Be @(100000000031, 100000000032)
    }
}

Describe 'Round trips of role assignments' {
    BeforeAll {
        $null = New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00005, g-emugroup0003 -TargetUin 100000000041, 100000000042 -Wait -ErrorAction Stop
        $original = @(Get-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 | Where-Object TargetUin -In 100000000041, 100000000042)

        # Removes the exported assignments, then recreates them from the file; the emulator must end where it began.
        function Assert-RoundTrip([scriptblock]$Export, [scriptblock]$Import) {
            $original.Count | Should -Be 4
            & $Export $original
            $original | Remove-TcRoleAssignment -Confirm:$false -Wait -ErrorAction Stop | Out-Null
            @((Get-EmulatorState $emulator).RoleAssignments | Where-Object TargetUin -In 100000000041, 100000000042).Count | Should -Be 0
            & $Import | New-TcRoleAssignment -Wait -ErrorAction Stop | Out-Null
            $after = (Get-EmulatorState $emulator).RoleAssignments | Where-Object TargetUin -In 100000000041, 100000000042
            Get-AssignmentKey $after | Should -Be (Get-AssignmentKey $original)
        }
    }

    It 'Get-TcRoleAssignment | Export-Csv, then Import-Csv | New-TcRoleAssignment recreates them' {
        $csv = Join-Path $TestDrive 'assignments-export.csv'
        Assert-RoundTrip -Export { $args[0] | Export-Csv $csv -NoTypeInformation } -Import { Import-Csv $csv }
        (Get-Content $csv -First 1) | Should -Match 'RoleConfigurationId'
    }

    It 'Get-TcRoleAssignment | ConvertTo-Json, then ConvertFrom-Json | New-TcRoleAssignment recreates them' {
        $json = Join-Path $TestDrive 'assignments.json'
        Assert-RoundTrip -Export { $args[0] | ConvertTo-Json | Set-Content $json } -Import { Get-Content -Raw $json | ConvertFrom-Json }
    }
}

# Every table view as an 80- and a 120-column console shows it (Out-String -Width 79 / 119, the widths a
# console leaves after its last column): identifying columns first and whole, headers never wrapped or cut,
# long text last and complete (wrapped onto more lines, never cut).
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator

    $longReason = 'The member account 100000000003 has reached the maximum number of CAM roles; delete unused roles and retry.'
    Add-EmulatorTaskFailure $emulator @{ TargetUin = 100000000003; FailureReason = $longReason }
    $identity = New-TcOrgIdentity -Name 'AuditorsOfTheFinanceTeam' -Policy '1:AdministratorAccess;2:ReadOnlyAccess;6:QcloudCOSReadOnlyAccess' `
        -Description 'Read-only access for the audit team, reviewed every quarter by the security office' -ErrorAction Stop
    $null = $identity | Add-TcOrgMemberAuthIdentity -MemberUin 100000000001, 100000000002 -ErrorAction Stop
    $assignmentTasks = @(New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001, u-emuuser00001 -TargetUin 100000000002, 100000000003 -ErrorAction Stop)
    $null = $assignmentTasks | Wait-TcOrgTask -ErrorAction SilentlyContinue
    $null = Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000005 -Wait -ErrorAction Stop
    $deprovisionTask = Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000005 -Confirm:$false -ErrorAction Stop

    # Renders $Objects at $Width and checks the table: exactly $Labels as headers (nothing wrapped, cut or dropped),
    # one row per object whose $Identifying cells equal the object's values, and whose $LongText cells hold the
    # whole value (compared without whitespace, since wrapping splits it over lines). Returns the tables.
    function Assert-TableView {
        param(
            [object[]]$Objects, [int]$Width, [string[]]$Labels,
            [hashtable]$Identifying, [hashtable]$LongText = @{}
        )
        $lines = ($Objects | Out-String -Width $Width) -split "`r?`n"
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $Width }
        $tables = @(ConvertFrom-ConsoleTable $lines)
        $tables.Count | Should -BeGreaterThan 0
        foreach ($table in $tables) {
            $table.Labels | Should -Be $Labels
            $table.LineAbove | Should -Match '^\s*$' -Because 'a wrapped header would leave its first half above the labels'
        }
        $rows = @($tables | ForEach-Object Rows)
        $rows.Count | Should -Be $Objects.Count
        foreach ($object in $Objects) {
            $matching = @($rows | Where-Object {
                    $row = $_
                    -not @($Identifying.Keys | Where-Object { $row[$_].Trim() -ne [string](& $Identifying[$_] $object) })
                })
            $matching.Count | Should -Be 1 -Because "one row shows $(($Identifying.Keys | ForEach-Object { & $Identifying[$_] $object }) -join ' ') whole"
            foreach ($label in $LongText.Keys) {
                ($matching[0][$label] -replace '\s', '') | Should -BeExactly (([string](& $LongText[$label] $object)) -replace '\s', '')
            }
        }
        $tables
    }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Table views at <Width> columns' -ForEach @(@{ Width = 79 }, @{ Width = 119 }) {
    It 'OrgIdentity: id and whole name first (the preset one too), then every policy, then the description' {
        $identities = @(Get-TcOrgIdentity)
        $identities.Name | Should -Contain 'OrganizationAccessControl'
        Assert-TableView $identities $Width @('IdentityId', 'Name', 'Policies', 'Description') `
            -Identifying @{ IdentityId = { $args[0].IdentityId }; Name = { $args[0].Name } } `
            -LongText @{ Policies = { ($args[0].Policies | ForEach-Object ToString) -join '' }; Description = { $args[0].Description } }
    }

    It 'MemberAuthIdentity: member, identity and the whole status first' {
        $grants = @(Add-TcOrgMemberAuthIdentity -MemberUin 100000000001, 100000000003 -IdentityId $identity.IdentityId -SkipExisting -PassThru -WarningAction SilentlyContinue)
        $grants.Count | Should -Be 2
        Assert-TableView $grants $Width @('MemberUin', 'IdentityId', 'Status', 'MemberName', 'IdentityRoleName') `
            -Identifying @{ MemberUin = { $args[0].MemberUin }; IdentityId = { $args[0].IdentityId }; Status = { $args[0].Status } }
        $listed = @(Get-TcOrgMemberAuthIdentity -IdentityId $identity.IdentityId)
        Assert-TableView $listed $Width @('MemberUin', 'IdentityId', 'Status', 'MemberName', 'IdentityRoleName') `
            -Identifying @{ MemberUin = { $args[0].MemberUin }; IdentityId = { $args[0].IdentityId }; Status = { $args[0].Status } } `
            -LongText @{ MemberName = { $args[0].MemberName }; IdentityRoleName = { $args[0].IdentityRoleName } } | Out-Null
    }

    It 'RoleTask: grouped by the whole TaskType; task, target, configuration, principal; the whole failure reason' {
        $tasks = @(Get-TcOrgTask -List)
        $tasks.TaskType | Should -Contain 'DeprovisionRoleConfiguration'
        @($tasks | Where-Object FailureReason -EQ $longReason).Count | Should -Be 2
        $tables = Assert-TableView $tasks $Width @('TaskId', 'TargetUin', 'RoleConfigurationId', 'PrincipalId', 'Status') `
            -Identifying @{ TaskId = { $args[0].TaskId }; TargetUin = { $args[0].TargetUin }; RoleConfigurationId = { $args[0].RoleConfigurationId }; PrincipalId = { $args[0].PrincipalId } } `
            -LongText @{ Status = { if ($args[0].FailureReason) { "$($args[0].Status): $($args[0].FailureReason)" } else { $args[0].Status } } }
        $groupHeaders = @($tables.Group)
        $groupHeaders | Should -Contain 'TaskType: DeprovisionRoleConfiguration'
        $groupHeaders | Should -Contain 'TaskType: CreateRoleAssignment'
    }

    It 'RoleAssignment: configuration, target and principal first, so assignments that differ only by principal differ on screen' {
        $assignments = @(Get-TcRoleAssignment -TargetUin 100000000002)
        $assignments.Count | Should -Be 2
        $assignments[0].TargetUin | Should -Be $assignments[1].TargetUin
        $assignments[0].RoleConfigurationId | Should -Be $assignments[1].RoleConfigurationId
        Assert-TableView $assignments $Width @('RoleConfigurationId', 'TargetUin', 'PrincipalId', 'PrincipalName') `
            -Identifying @{ RoleConfigurationId = { $args[0].RoleConfigurationId }; TargetUin = { $args[0].TargetUin }; PrincipalId = { $args[0].PrincipalId } } `
            -LongText @{ PrincipalName = { $args[0].PrincipalName } } | Out-Null
    }

    It 'RoleProvisioning: configuration, target and deployment status with unwrapped headers' {
        $provisionings = @(Get-TcRoleProvisioning)
        $provisionings.Count | Should -BeGreaterThan 0
        Assert-TableView $provisionings $Width @('RoleConfigurationId', 'TargetUin', 'DeploymentStatus', 'UpdateTime') `
            -Identifying @{ RoleConfigurationId = { $args[0].RoleConfigurationId }; TargetUin = { $args[0].TargetUin }; DeploymentStatus = { $args[0].DeploymentStatus } } | Out-Null
    }

    It 'OrgContext: key id, zone and connection first, endpoint last, never the secret' {
        $context = Get-TcOrgContext
        Assert-TableView @($context) $Width @('SecretId', 'ZoneId', 'Connected', 'Endpoint') `
            -Identifying @{ SecretId = { $args[0].SecretId }; Connected = { $args[0].Connected } } `
            -LongText @{ Endpoint = { $args[0].Endpoint } } | Out-Null
        ($context | Out-String -Width $Width) | Should -Not -Match $DemoSecretKey
    }

    It 'OrgMember: UIN and name first with unwrapped headers' {
        $members = @(Get-TcOrgMember -First 3)
        Assert-TableView $members $Width @('MemberUin', 'Name', 'MemberType', 'PermissionStatus', 'NodeName') `
            -Identifying @{ MemberUin = { $args[0].MemberUin }; Name = { $args[0].Name }; PermissionStatus = { $args[0].PermissionStatus } } `
            -LongText @{ NodeName = { $args[0].NodeName } } | Out-Null
    }

    It 'IdentityCenter: zone id and statuses first, zone name last' {
        Assert-TableView @(Get-TcIdentityCenter) $Width @('ZoneId', 'ServiceStatus', 'ScimSyncStatus', 'CreateTime', 'ZoneName') `
            -Identifying @{ ZoneId = { $args[0].ZoneId }; ServiceStatus = { $args[0].ServiceStatus } } `
            -LongText @{ ZoneName = { $args[0].ZoneName } } | Out-Null
    }

    It 'RoleConfiguration: id and name first, the whole description last' {
        Assert-TableView @(Get-TcRoleConfiguration) $Width @('RoleConfigurationId', 'RoleConfigurationName', 'SessionDuration', 'Description') `
            -Identifying @{ RoleConfigurationId = { $args[0].RoleConfigurationId }; RoleConfigurationName = { $args[0].RoleConfigurationName } } `
            -LongText @{ Description = { $args[0].Description } } | Out-Null
    }

    It 'OrgUser: user id and name first with unwrapped headers, the whole email last' {
        Assert-TableView @(Get-TcOrgUser -First 3) $Width @('UserId', 'UserName', 'UserStatus', 'UserType', 'Email') `
            -Identifying @{ UserId = { $args[0].UserId }; UserName = { $args[0].UserName } } `
            -LongText @{ Email = { $args[0].Email } } | Out-Null
    }

    It 'OrgGroup: group id and name first, the whole description last' {
        Assert-TableView @(Get-TcOrgGroup -First 3) $Width @('GroupId', 'GroupName', 'GroupType', 'MemberCount', 'Description') `
            -Identifying @{ GroupId = { $args[0].GroupId }; GroupName = { $args[0].GroupName } } `
            -LongText @{ Description = { $args[0].Description } } | Out-Null
    }
}

Describe 'Wide and list views' {
    It 'Format-Wide of RoleTask shows the task ids' {
        $tasks = @(Get-TcOrgTask -List)
        $text = $tasks | Format-Wide | Out-String -Width 119
        foreach ($task in $tasks) { $text | Should -Match ([regex]::Escape($task.TaskId)) }
        $text | Should -Not -Match 'AdministratorAccess'
    }

    It 'Format-Wide of identities, users and groups shows their names' {
        (Get-TcOrgIdentity | Format-Wide | Out-String) | Should -Match 'OrganizationAccessControl'
        (Get-TcOrgUser -First 2 | Format-Wide | Out-String) | Should -Match 'user00002'
        (Get-TcOrgGroup -First 2 | Format-Wide | Out-String) | Should -Match 'group0002'
    }

    It 'the RoleTask list view shows the whole TaskType and failure reason at 80 columns' {
        $failed = @(Get-TcOrgTask -List | Where-Object FailureReason)[0]
        $text = ($failed | Format-List | Out-String -Width 79) -replace '\s', ''
        $text | Should -Match ([regex]::Escape("TaskType:$($failed.TaskType)"))
        $text | Should -Match ([regex]::Escape(($longReason -replace '\s', '')))
        $deprovision = $deprovisionTask | Format-List | Out-String -Width 79
        $deprovision | Should -Match 'TaskType\s+: DeprovisionRoleConfiguration'
    }
}

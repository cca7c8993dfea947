# Issue 17: the plan of Compare-/Sync-TcOrgConfiguration and Export's entries as an 80- and a 120-column console
# shows them (Get-ConsoleText -Width 79 / 119, what a console leaves after its last column): Action, Kind, Outcome
# and the whole Key (wrapped, never cut), a Change with the old and new value of each changed property.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator

    $null = New-TcOrgIdentity -Name 'AuditorsOfTheFinanceTeam' -Policy '2:ReadOnlyAccess' -Description 'Read-only access for the audit team' -ErrorAction Stop
    $null = New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000001, 100000000002 -ErrorAction Stop
    $file = Join-Path ([IO.Path]::GetTempPath()) ("tcorg-views-" + [guid]::NewGuid().ToString('N') + '.json')
    [IO.File]::WriteAllText($file, @'
{
  "SchemaVersion": 1,
  "PruneScope": { "Principals": [ "group0002" ] },
  "Identities": [ { "Name": "AuditorsOfTheFinanceTeam", "Description": "Read-only access for the audit team, reviewed every quarter",
    "Policies": [ { "PolicyId": 2, "PolicyName": "ReadOnlyAccess" }, { "PolicyId": 6, "PolicyName": "QcloudCOSReadOnlyAccess" } ] } ],
  "RoleAssignments": [
    { "Principal": "group0002", "PrincipalType": "Group", "RoleConfiguration": "ReadOnlyAccess", "Target": "member-0007" },
    { "Principal": "group0002", "PrincipalType": "Group", "RoleConfiguration": "ReadOnlyAccess", "Target": "member-0008" }
  ]
}
'@)

    # The one table of $Objects at $Width: every line fits, exactly $Labels, one row per object.
    function Get-CheckedTable([object[]]$Objects, [int]$Width, [string[]]$Labels) {
        $lines = $Objects | Get-ConsoleText -Width $Width
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $Width }
        $tables = @(ConvertFrom-ConsoleTable $lines)
        $tables.Count | Should -Be 1
        $tables[0].Labels | Should -Be $Labels
        $tables[0].Rows.Count | Should -Be $Objects.Count
        $tables[0].Rows
    }
}
AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item $file -ErrorAction SilentlyContinue
}

Describe 'Desired-state views at <Width> columns' -ForEach @(@{ Width = 79 }, @{ Width = 119 }) {
    It 'the plan shows Action, Kind, Outcome and the whole Key, and a Change its old and new values' {
        $plan = @(Compare-TcOrgConfiguration -Path $file)
        $plan.Count | Should -Be 3
        $rows = Get-CheckedTable $plan $Width @('Action', 'Kind', 'Outcome', 'Key')
        for ($i = 0; $i -lt $plan.Count; $i++) {
            $rows[$i].Action.Trim() | Should -Be ([string]$plan[$i].Action)
            $rows[$i].Kind.Trim() | Should -Be ([string]$plan[$i].Kind)
            $whole = (@($plan[$i].Key) + @($plan[$i].Changes | ForEach-Object ToString)) -join ''
            ($rows[$i].Key -replace '\s', '') | Should -BeExactly ($whole -replace '\s', '')
        }
        @($plan[0].Changes | ForEach-Object ToString) | Should -Be @(
            "Description: 'Read-only access for the audit team' -> 'Read-only access for the audit team, reviewed every quarter'"
            'Policies: [2:ReadOnlyAccess] -> [2:ReadOnlyAccess; 6:QcloudCOSReadOnlyAccess]')
        # Two adds that differ only in the account are told apart.
        $rows[1].Key | Should -Not -Be $rows[2].Key
    }

    It 'Export entries show whole names and IDs' {
        $identities = @(Export-TcOrgConfiguration -Include Identities)
        $rows = Get-CheckedTable $identities $Width @('IdentityId', 'Name', 'Policies', 'Description')
        ($rows.Name | ForEach-Object { $_ -replace '\s', '' }) | Should -Be $identities.Name
        $assignments = @(Export-TcOrgConfiguration -Include RoleAssignments)
        $rows = Get-CheckedTable $assignments $Width @('PrincipalType', 'Principal', 'RoleConfiguration', 'TargetUin', 'Target')
        ($rows.Target | ForEach-Object { $_ -replace '\s', '' }) | Should -Be $assignments.Target
    }
}

Describe 'Sync emits every item with its outcome' {
    It '-WhatIf items come back with Outcome WhatIf, and the not-pruned removals are one warning' {
        $null = New-TcRoleAssignment -RoleConfigurationId rc-emuconfig002 -PrincipalId g-emugroup0002 -TargetUin 100000000009 -ErrorAction Stop
        Clear-EmulatorRequest $emulator
        $items = @(Sync-TcOrgConfiguration -Path $file -WhatIf -WarningVariable warnings -WarningAction SilentlyContinue)
        $items.Outcome | Should -Be @('WhatIf', 'WhatIf', 'WhatIf')
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -Match '^1 item\(s\) in the organization are not in the file'
        @(Get-EmulatorRequest $emulator | Where-Object { $_.Action -notmatch '^(List|Describe|Get)' }).Count | Should -Be 0
    }
}

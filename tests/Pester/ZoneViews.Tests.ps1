# The CIC zone sections Export-TcOrgConfiguration emits (ConfigurationUser, ConfigurationGroup,
# ConfigurationRoleConfiguration) as an 80- and a 120-column console shows them (Out-String -Width 79 / 119):
# a table with the whole name and ID of each entry, every member and policy (never cut at $FormatEnumerationLimit),
# and lists that show every member and policy too. Also: lists of other types that $FormatEnumerationLimit would cut
# (Get-TcOrgAccess policies, a plan item's changes) and the membership table with IDs longer than its columns.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator

    $longUser = New-TcOrgUser -UserName 'alice.wonderland-longname@example-corporation.com' -Email 'alice.wonderland@example-corporation.com' -ErrorAction Stop
    $group = New-TcOrgGroup -GroupName 'Finance-Auditors-Quarterly-Access-Review-Team' -ErrorAction Stop
    $null = @($longUser) + @(Get-TcOrgUser -UserId u-emuuser00001, u-emuuser00002, u-emuuser00003, u-emuuser00004, u-emuuser00005) |
        Add-TcOrgGroupMember -GroupId $group.GroupId -ErrorAction Stop
    $null = New-TcOrgGroup -GroupName 'Nobody-Yet' -ErrorAction Stop
    $configuration = New-TcRoleConfiguration -Name 'FinanceAuditorsReadOnlyAccessForQuarterlyReview' -ErrorAction Stop
    $null = Add-TcRoleConfigurationPolicy -RoleConfigurationId $configuration.RoleConfigurationId -PolicyId 2, 4, 5, 6 -ErrorAction Stop
    $null = Add-TcRoleConfigurationPolicy -RoleConfigurationId $configuration.RoleConfigurationId -CustomPolicyName 'finance-bucket-read-access' `
        -CustomPolicyDocument '{"version":"2.0","statement":[{"effect":"allow","action":["cos:GetObject"],"resource":["*"]}]}' -ErrorAction Stop

    # The one table of $Objects at $Width: every line fits, exactly $Labels, one row per object, in order.
    function Get-CheckedTable([object[]]$Objects, [int]$Width, [string[]]$Labels) {
        $lines = $Objects | Get-ConsoleText -Width $Width
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $Width }
        $tables = @(ConvertFrom-ConsoleTable $lines)
        $tables.Count | Should -Be 1
        $tables[0].Labels | Should -Be $Labels
        $tables[0].Rows.Count | Should -Be $Objects.Count
        $tables[0].Rows
    }
    function Compress([string]$Text) { $Text -replace '\s', '' }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Zone section views at <Width> columns' -ForEach @(@{ Width = 79 }, @{ Width = 119 }) {
    It 'Users: the ID and whole user name, status and type, the whole email' {
        $users = @(Export-TcOrgConfiguration -Include Users)
        $users.UserName | Should -Contain $longUser.UserName
        $rows = Get-CheckedTable $users $Width @('UserId', 'UserName', 'UserStatus', 'UserType', 'Email')
        for ($i = 0; $i -lt $users.Count; $i++) {
            Compress $rows[$i].UserName | Should -BeExactly $users[$i].UserName
            $rows[$i].UserId.Trim() | Should -BeExactly $users[$i].UserId
            $rows[$i].UserStatus.Trim() | Should -BeExactly $users[$i].UserStatus
            $rows[$i].UserType.Trim() | Should -BeExactly 'Manual'
            Compress $rows[$i].Email | Should -BeExactly $users[$i].Email
        }
    }

    It 'Groups: the ID and whole group name, and every member, one per line' {
        $groups = @(Export-TcOrgConfiguration -Include Groups)
        $rows = Get-CheckedTable $groups $Width @('GroupId', 'GroupName', 'GroupType', 'Members')
        for ($i = 0; $i -lt $groups.Count; $i++) {
            Compress $rows[$i].GroupName | Should -BeExactly $groups[$i].GroupName
            $rows[$i].GroupId.Trim() | Should -BeExactly $groups[$i].GroupId
            $expected = if ($groups[$i].Members.Count) { $groups[$i].Members -join '' } else { '(none)' }
            Compress $rows[$i].Members | Should -BeExactly $expected
        }
        $big = $groups | Where-Object GroupId -eq $group.GroupId
        $big.Members.Count | Should -Be 6
        $big.Members | Should -Contain $longUser.UserName
    }

    It 'RoleConfigurations: the ID and whole name, and every policy, one per line' {
        $configurations = @(Export-TcOrgConfiguration -Include RoleConfigurations)
        $rows = Get-CheckedTable $configurations $Width @('RoleConfigurationId', 'RoleConfigurationName', 'Policies')
        for ($i = 0; $i -lt $configurations.Count; $i++) {
            Compress $rows[$i].RoleConfigurationName | Should -BeExactly $configurations[$i].RoleConfigurationName
            $rows[$i].RoleConfigurationId.Trim() | Should -BeExactly $configurations[$i].RoleConfigurationId
            Compress $rows[$i].Policies | Should -BeExactly (Compress (($configurations[$i].Policies | ForEach-Object ToString) -join ''))
        }
        @(($configurations | Where-Object RoleConfigurationId -eq $configuration.RoleConfigurationId).Policies).Count | Should -Be 5
    }

    It 'lists show every member and every policy, and no derived IsSynchronized' {
        $big = Export-TcOrgConfiguration -Include Groups | Where-Object GroupId -eq $group.GroupId
        $text = Compress ($big | Format-List | Out-String -Width $Width)
        $text | Should -BeLike ('*Members:' + (Compress ($big.Members -join '; ')) + '*')
        $text | Should -Not -BeLike '*IsSynchronized*'
        $rc = Export-TcOrgConfiguration -Include RoleConfigurations | Where-Object RoleConfigurationId -eq $configuration.RoleConfigurationId
        $text = Compress ($rc | Format-List | Out-String -Width $Width)
        $text | Should -BeLike ('*Policies:' + (Compress (($rc.Policies | ForEach-Object ToString) -join '; ')) + '*')
        $user = Export-TcOrgConfiguration -Include Users | Where-Object UserId -eq $longUser.UserId
        $text = Compress ($user | Format-List | Out-String -Width $Width)
        $text | Should -BeLike ('*UserName:' + $longUser.UserName + '*UserType:Manual*')
        $text | Should -Not -BeLike '*IsSynchronized*'
    }
}

# $FormatEnumerationLimit (4) cuts a collection property in a list to four items and "…": these lists join theirs.
Describe 'Lists show more than four policies and changes' {
    It 'Get-TcOrgAccess | Format-List shows every policy of the configuration' {
        $null = New-TcRoleAssignment -RoleConfigurationId $configuration.RoleConfigurationId -PrincipalId u-emuuser00009 -TargetUin 100000000009 -ErrorAction Stop
        $access = @(Get-TcOrgAccess -ErrorAction Stop | Where-Object RoleConfigurationId -eq $configuration.RoleConfigurationId)
        $access.Count | Should -Be 1
        @($access[0].Policies).Count | Should -Be 5
        $text = Compress ($access | Format-List | Out-String -Width 79)
        $text | Should -BeLike ('*Policies:' + (Compress (($access[0].Policies | ForEach-Object ToString) -join '; ')) + 'TargetType:*')
    }

    It 'Compare-TcOrgConfiguration | Format-List shows every changed property with its old and new value' {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('tcorg-zoneviews-' + [guid]::NewGuid().ToString('N') + '.json')
        try {
            Export-TcOrgConfiguration -Path $path -Include Users -ErrorAction Stop
            $config = Get-Content $path -Raw | ConvertFrom-Json
            $user = $config.Users | Where-Object UserName -eq 'user00002'
            $user.DisplayName = 'Changed Display'; $user.FirstName = 'F'; $user.LastName = 'L'
            $user.Email = 'changed@example.com'; $user.Description = 'Changed description'; $user.UserStatus = 'Disabled'
            $config | ConvertTo-Json -Depth 10 | Set-Content $path
            $plan = @(Compare-TcOrgConfiguration -Path $path -ErrorAction Stop)
            $plan.Count | Should -Be 1
            $plan[0].Changes.Count | Should -Be 6
            $lines = $plan | Format-List | Out-String -Width 79
            foreach ($change in $plan[0].Changes) { $lines | Should -Match ([regex]::Escape($change.ToString())) }
            $lines | Should -Not -Match '…'
        }
        finally { Remove-Item $path -ErrorAction SilentlyContinue }
    }
}

Describe 'Membership changes at 79 columns' {
    # IDs are g-/u- and 1-64 lowercase letters or digits (docs/UsersAndGroups.md): the emulator makes 12, a service may
    # make more. A table column without <Wrap/> cuts a longer ID to "…"; this one must show it whole.
    It 'shows group and user IDs longer than their columns whole' {
        $membership = [TencentOrg.OrgGroupMembership]@{
            GroupId = 'g-' + ('a1' * 16); UserId = 'u-' + ('b2' * 16); Outcome = 'AlreadyMember'; ZoneId = 'z-emulator0001'
        }
        $lines = $membership | Get-ConsoleText -Width 79
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 79 }
        $tables = @(ConvertFrom-ConsoleTable $lines)
        $tables[0].Labels | Should -Be @('GroupId', 'UserId', 'Outcome')
        # The first column wraps too, so the parser reads each wrapped line as a row: join the cells back.
        $rows = $tables[0].Rows
        Compress (($rows | ForEach-Object { $_.GroupId }) -join '') | Should -BeExactly $membership.GroupId
        Compress (($rows | ForEach-Object { $_.UserId }) -join '') | Should -BeExactly $membership.UserId
        $rows[0].Outcome.Trim() | Should -BeExactly 'AlreadyMember'
    }
}

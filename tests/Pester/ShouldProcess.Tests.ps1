# -WhatIf sends nothing (the emulator's request log stays empty, its state unchanged); -Confirm:$false lets
# the high-impact cmdlets run in a non-interactive pwsh, which could not answer a prompt.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator

    # Something for every change to act on.
    $identity = New-TcOrgIdentity -Name 'WhatIfTarget' -Policy '2:ReadOnlyAccess' -ErrorAction Stop
    $null = Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $identity.IdentityId -ErrorAction Stop
    $null = New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -Wait -ErrorAction Stop
    $null = Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000002 -Wait -ErrorAction Stop

    function Get-StateText { Get-EmulatorState $emulator | Select-Object Identities, MemberAuthIdentities, RoleAssignments, Provisionings, Tasks | ConvertTo-Json -Depth 6 }
}
AfterAll { Stop-TestEmulator $emulator }

Describe '-WhatIf sends nothing' {
    It '<Name> -WhatIf sends no request and changes nothing' -ForEach @(
        @{ Name = 'New-TcOrgIdentity'; Change = { New-TcOrgIdentity -Name 'NotCreated' -Policy '2:ReadOnlyAccess' -WhatIf } }
        @{ Name = 'Set-TcOrgIdentity'; Change = { Set-TcOrgIdentity -IdentityId $identity.IdentityId -Description 'changed' -WhatIf } }
        @{ Name = 'Remove-TcOrgIdentity'; Change = { Remove-TcOrgIdentity -IdentityId $identity.IdentityId -WhatIf } }
        @{ Name = 'Add-TcOrgMemberAuthIdentity'; Change = { Add-TcOrgMemberAuthIdentity -MemberUin 100000000002, 100000000003 -IdentityId $identity.IdentityId -WhatIf } }
        @{ Name = 'Remove-TcOrgMemberAuthIdentity'; Change = { Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $identity.IdentityId -WhatIf } }
        @{ Name = 'New-TcRoleAssignment'; Change = { New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000002, 100000000003 -WhatIf } }
        @{ Name = 'Remove-TcRoleAssignment'; Change = { Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -WhatIf } }
        @{ Name = 'Start-TcRoleProvisioning'; Change = { Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig003 -TargetUin 100000000004 -WhatIf } }
        @{ Name = 'Stop-TcRoleProvisioning'; Change = { Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000002 -WhatIf } }
    ) {
        # A new session, so not even the zone lookup a first CIC call makes may slip through.
        Connect-TestEmulator $emulator
        $before = Get-StateText
        Clear-EmulatorRequest $emulator
        $output = @(& $Change)
        $output.Count | Should -Be 0
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
        Get-StateText | Should -Be $before
    }

    It 'prints one "What if" line per item in a real console' {
        $script = @"
Import-Module '$ModuleManifest'
`$key = ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey `$key
New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0004 -TargetUin 100000000007, 100000000008 -WhatIf
Add-TcOrgMemberAuthIdentity -MemberUin 100000000009 -IdentityId $($identity.IdentityId) -WhatIf
"@
        Clear-EmulatorRequest $emulator
        $run = Invoke-FreshPwsh -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $whatIf = @($run.Output -split "`r?`n" | Where-Object { $_ -match '^What if:' })
        $whatIf.Count | Should -Be 3
        ($whatIf -join "`n") | Should -Match '100000000007'
        ($whatIf -join "`n") | Should -Match '100000000008'
        ($whatIf -join "`n") | Should -Match '100000000009'
        Get-EmulatorRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe '-Confirm:$false in a non-interactive pwsh' {
    It 'a high-impact cmdlet without -Confirm:$false stops at the prompt it cannot show, and sends nothing' {
        Clear-EmulatorRequest $emulator
        { Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $identity.IdentityId -ErrorAction Stop } |
            Should -Throw '*NonInteractive*'
        Get-EmulatorRequest $emulator -Action DeleteOrganizationMemberAuthIdentity | Should -BeNullOrEmpty
    }

    It 'Remove-TcRoleAssignment, Stop-TcRoleProvisioning, Remove-TcOrgMemberAuthIdentity and Remove-TcOrgIdentity run with -Confirm:$false' {
        Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -Confirm:$false -Wait -ErrorAction Stop | Out-Null
        Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000002 -Confirm:$false -Wait -ErrorAction Stop | Out-Null
        Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $identity.IdentityId -Confirm:$false -ErrorAction Stop
        Remove-TcOrgIdentity -IdentityId $identity.IdentityId -Confirm:$false -ErrorAction Stop

        $state = Get-EmulatorState $emulator
        @($state.RoleAssignments | Where-Object { $_.TargetUin -eq 100000000001 -and $_.PrincipalId -eq 'u-emuuser00001' }).Count | Should -Be 0
        @($state.Provisionings | Where-Object { $_.TargetUin -eq 100000000002 -and $_.RoleConfigurationId -eq 'rc-emuconfig002' }).Count | Should -Be 0
        @($state.MemberAuthIdentities | Where-Object IdentityId -EQ $identity.IdentityId).Count | Should -Be 0
        @($state.Identities | Where-Object IdentityId -EQ $identity.IdentityId).Count | Should -Be 0
    }
}

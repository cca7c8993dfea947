# What a console or runbook user meets: -ErrorAction Stop, -Debug under -NonInteractive, tab completion.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator
    Import-TestedModule
    Connect-TestEmulator $emulator
}
AfterAll { Stop-TestEmulator $emulator }

Describe '-ErrorAction Stop' {
    It 'stops New-TcOrgIdentity at the failing row: c is never sent' {
        $null = New-TcOrgIdentity -Name Existing -Policy '1:AdministratorAccess' -ErrorAction Stop
        Clear-EmulatorRequest $emulator
        $created = [Collections.Generic.List[object]]::new()
        { 'a', 'Existing', 'c' | ForEach-Object { [pscustomobject]@{ Name = $_; Policy = '2:ReadOnlyAccess' } } |
            New-TcOrgIdentity -ErrorAction Stop | ForEach-Object { $created.Add($_) } } | Should -Throw -ErrorId 'FailedOperation.OrganizationIdentityNameUsed*'
        @($created.Name) | Should -Be @('a')
        @(Get-EmulatorRequest $emulator CreateOrganizationIdentity).Count | Should -Be 2
        (Get-EmulatorState $emulator).Identities.IdentityAliasName | Should -Not -Contain 'c'
    }
}

Describe '-Debug in an unattended run' {
    It 'shows the redacted HTTP trace under -NonInteractive and finishes without a prompt' {
        $script = @"
Import-Module '$ModuleManifest'
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey (ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force)
Get-TcOrgMember -MemberUin 100000000001 -Debug | ForEach-Object { 'member ' + `$_.MemberUin }
"@
        $run = Invoke-FreshPwsh -Script $script
        $run.Error | Should -Not -Match 'Read and Prompt'
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match 'DEBUG: HTTP request'
        $run.Output | Should -Match 'member 100000000001'
        $run.Output + $run.Error | Should -Not -Match $DemoSecretKey
    }
}

Describe 'Tab completion' {
    It 'completes -ZoneId and -RoleConfigurationId with environment credentials, without Connect-TcOrg' {
        $script = @"
Import-Module '$ModuleManifest'
foreach (`$line in 'New-TcRoleAssignment -ZoneId ', 'New-TcRoleAssignment -RoleConfigurationId rc-emuconfig00') {
    (TabExpansion2 -inputScript `$line -cursorColumn `$line.Length).CompletionMatches.CompletionText -join ','
}
"@
        $run = Invoke-FreshPwsh -Script $script -Environment @{
            TENCENTCLOUD_SECRET_ID = $DemoSecretId; TENCENTCLOUD_SECRET_KEY = $DemoSecretKey; TCORG_ENDPOINT = $emulator.Endpoint
        }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $lines = @($run.Output -split "`r?`n" | Where-Object { $_ })
        $lines[0] | Should -Be $emulator.ZoneId
        $lines[1] | Should -Be 'rc-emuconfig001,rc-emuconfig002,rc-emuconfig003,rc-emuconfig004'
    }

    It 'completes -IdentityId and -TaskType in this session' {
        $identity = New-TcOrgIdentity -Name TabIdentity -Policy '2:ReadOnlyAccess' -ErrorAction Stop
        $line = 'Remove-TcOrgIdentity -IdentityId '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain ([string]$identity.IdentityId)
        $line = 'Get-TcOrgTask -List -TaskType Prov'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'ProvisionRoleConfiguration'
    }

    It 'rejects an unknown -TaskType before any request' {
        Clear-EmulatorRequest $emulator
        { Get-TcOrgTask -List -TaskType Bogus -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }
}

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

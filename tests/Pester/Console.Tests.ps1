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

Describe 'Transport, as a user sees it (issue #20)' {
    BeforeAll {
        # Whatever proxy the machine running the tests has, these runs start without one.
        function New-ProxyEnvironment([string]$HttpProxy = '') {
            # Both spellings: on Linux .NET reads the lower-case one first. Keys compared by case, unlike @{}.
            $environment = [hashtable]::new([StringComparer]::Ordinal)
            foreach ($name in 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy') { $environment[$name] = ''; $environment[$name.ToUpperInvariant()] = '' }
            $environment['http_proxy'] = $environment['HTTP_PROXY'] = $HttpProxy
            $environment
        }
    }

    It 'Get-TcOrgContext and Connect-TcOrg -Verbose name the transport: the module''s own by default, HttpClient when asked' {
        $script = @"
Import-Module '$ModuleManifest'
`$key = ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey `$key -Verbose 4>&1 | ForEach-Object { 'verbose ' + `$_ }
'context ' + (Get-TcOrgContext).Transport
Get-TcOrgContext | Format-List | Out-String -Width 80
`$env:TCORG_HTTP_TRANSPORT = 'HttpClient'
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey `$key
'context ' + (Get-TcOrgContext).Transport
'members ' + @(Get-TcOrgMember).Count
"@
        $run = Invoke-FreshPwsh -Script $script -Environment (New-ProxyEnvironment)
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match "verbose Connected to .* requests go through Socket \(the module's HTTP/1.1 client\)\."
        $run.Output | Should -Match "context Socket \(the module's HTTP/1.1 client\)"
        $run.Output | Should -Match "Transport\s+: Socket \(the module's HTTP/1.1 client\)"
        $run.Output | Should -Match 'context HttpClient \(TCORG_HTTP_TRANSPORT\)'
        $run.Output | Should -Match 'members [1-9]'
    }

    It 'refuses a TCORG_HTTP_TRANSPORT it does not know at Connect-TcOrg, naming it, and keeps the session it had' {
        $script = @"
Import-Module '$ModuleManifest'
`$key = ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey `$key
`$env:TCORG_HTTP_TRANSPORT = 'curl'
try { Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey `$key -ErrorAction Stop }
catch { 'error ' + `$_.CategoryInfo.Category + ': ' + `$_.Exception.Message }
'members ' + @(Get-TcOrgMember).Count
"@
        $run = Invoke-FreshPwsh -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match "error InvalidArgument: TCORG_HTTP_TRANSPORT is 'curl': set it to HttpClient or Socket"
        $run.Output | Should -Match 'members [1-9]'
    }

    It 'goes through HttpClient when a proxy applies, and a dead proxy''s error names the proxy and NO_PROXY' {
        $script = @"
Import-Module '$ModuleManifest'
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey (ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force) -MaxRetries 0
'context ' + (Get-TcOrgContext).Transport
try { Get-TcOrgMember -ErrorAction Stop } catch { 'error ' + `$_.Exception.Message }
"@
        $run = Invoke-FreshPwsh -Script $script -Environment (New-ProxyEnvironment -HttpProxy 'http://127.0.0.1:9')
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match 'context HttpClient \(proxy http://127\.0\.0\.1:9/\)'
        $run.Output | Should -Match 'error .*ClientError\.NetworkError: .*\(through the proxy http://127\.0\.0\.1:9; NO_PROXY names hosts to reach directly\)'
    }
}

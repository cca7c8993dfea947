# The module as a user installs it: Publish-PSResource to a local file repository, Install-PSResource from it,
# then a fresh pwsh imports the installed copy by name and runs a cmdlet against the emulator. HOME and the XDG
# folders point into TestDrive, and so does the working directory (PSResourceGet 1.2 keeps its repository list
# relative to it here), so the user's own repositories and modules are never touched.
BeforeAll {
    . $PSScriptRoot/Shared.ps1
    $emulator = Start-TestEmulator

    $userHome = Join-Path $TestDrive 'home'
    $repository = Join-Path $TestDrive 'repository'
    New-Item -ItemType Directory -Path $userHome, $repository -Force | Out-Null
    $isolated = @{
        HOME            = $userHome
        XDG_DATA_HOME   = Join-Path $userHome '.local/share'
        XDG_CONFIG_HOME = Join-Path $userHome '.config'
        XDG_CACHE_HOME  = Join-Path $userHome '.cache'
        PSModulePath    = ''
    }
    $version = (Import-PowerShellDataFile $ModuleManifest).ModuleVersion
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Publish-PSResource, Install-PSResource, import of the installed copy' {
    It 'publishes out/TencentOrg to a local repository as TencentOrg.<version>.nupkg' {
        $run = Invoke-FreshPwsh -Environment $isolated -WorkingDirectory $userHome -Script @"
Register-PSResourceRepository -Name TcOrgLocal -Uri '$repository' -Trusted
Publish-PSResource -Path '$ModuleDir' -Repository TcOrgLocal
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        Join-Path $repository "TencentOrg.$version.nupkg" | Should -Exist
    }

    It 'installs it from that repository into the (isolated) user''s modules' {
        $run = Invoke-FreshPwsh -Environment $isolated -WorkingDirectory $userHome -Script @"
Install-PSResource -Name TencentOrg -Repository TcOrgLocal -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource -Name TencentOrg).InstalledLocation
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $installed = Join-Path $isolated.XDG_DATA_HOME "powershell/Modules/TencentOrg/$version"
        Join-Path $installed 'TencentOrg.psd1' | Should -Exist
        Join-Path $installed 'TencentOrg.dll' | Should -Exist
        Join-Path $installed 'TencentOrg.Core.dll' | Should -Exist
        Join-Path $installed 'en-US/about_TencentOrg.help.txt' | Should -Exist
    }

    It 'a fresh pwsh imports the installed copy by name and creates an identity in the emulator' {
        $run = Invoke-FreshPwsh -Environment $isolated -WorkingDirectory $userHome -Script @"
Import-Module TencentOrg
(Get-Module TencentOrg).ModuleBase
`$key = ConvertTo-SecureString '$DemoSecretKey' -AsPlainText -Force
Connect-TcOrg -Endpoint '$($emulator.Endpoint)' -SecretId '$DemoSecretId' -SecretKey `$key
New-TcOrgIdentity -Name InstalledCopyIdentity -Policy '2:ReadOnlyAccess' | Format-List IdentityId, Name
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $lines = $run.Output -split "`r?`n"
        $lines[0] | Should -BeLike "$($isolated.XDG_DATA_HOME)/powershell/Modules/TencentOrg/$version*"
        $run.Output | Should -Match 'Name\s+: InstalledCopyIdentity'
        $created = (Get-EmulatorState $emulator).Identities | Where-Object IdentityAliasName -EQ 'InstalledCopyIdentity'
        $created | Should -Not -BeNullOrEmpty
        @($created.IdentityPolicy)[0].PolicyName | Should -Be 'ReadOnlyAccess'
    }
}

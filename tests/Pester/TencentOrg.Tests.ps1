# Thin Pester checks for users with pwsh (Invoke-Pester tests/Pester). The CI suite is the xunit
# project tests/TencentOrg.Tests, which hosts the PowerShell engine and covers far more.
BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/TencentOrg/TencentOrg.psd1'
    if (-not (Test-Path $manifest)) { throw "Build first: dotnet build (expected $manifest)." }
    Import-Module $manifest -Force
}

Describe 'TencentOrg module' {
    It 'has a valid manifest' {
        Test-ModuleManifest -Path $manifest | Should -Not -BeNullOrEmpty
    }

    It 'exports the core cmdlets' {
        $names = (Get-Command -Module TencentOrg).Name
        foreach ($name in 'Connect-TcOrg', 'New-TcOrgIdentity', 'Add-TcOrgMemberAuthIdentity', 'New-TcRoleAssignment', 'Start-TcRoleProvisioning', 'Wait-TcOrgTask') {
            $names | Should -Contain $name
        }
    }

    It 'supports -WhatIf without a credential or a request' {
        { New-TcRoleAssignment -ZoneId z-abcdefghijkl -RoleConfigurationId rc-abc -PrincipalId u-abc -TargetUin 100000000001 -WhatIf } | Should -Not -Throw
    }

    It 'rejects bad input before any request' {
        { New-TcRoleAssignment -RoleConfigurationId bad -PrincipalId u-abc -TargetUin 1 -ErrorAction Stop } | Should -Throw
    }
}

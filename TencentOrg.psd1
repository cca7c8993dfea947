@{
    RootModule           = 'TencentOrg.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d3c52-8a0e-4c1b-9a57-2f3e7b9d4c10'
    Author               = 'TencentOrg contributors'
    CompanyName          = 'TencentOrg'
    Copyright            = '(c) 2026 TencentOrg contributors. MIT License.'
    Description          = 'Manage Tencent Cloud Organization (API 2021-03-31) from PowerShell: organization identities, member authorizations, CIC role assignments and provisioning, with -WhatIf, pipeline batching, throttling-aware retries and an offline emulator.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # The PowerShell-free core ships beside the cmdlet assembly; load it from this folder first.
    RequiredAssemblies   = @('TencentOrg.Core.dll')
    FormatsToProcess     = @('TencentOrg.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-TcOrg'
        'Disconnect-TcOrg'
        'Get-TcOrgContext'
        'New-TcOrgIdentity'
        'Add-TcOrgMemberAuthIdentity'
        'New-TcRoleAssignment'
        'Start-TcRoleProvisioning'
        'Get-TcOrgTask'
        'Wait-TcOrgTask'
        'Get-TcOrgIdentity'
        'Set-TcOrgIdentity'
        'Remove-TcOrgIdentity'
        'Get-TcOrgMemberAuthIdentity'
        'Remove-TcOrgMemberAuthIdentity'
        'Get-TcOrgMember'
        'Get-TcIdentityCenter'
        'Get-TcRoleConfiguration'
        'Get-TcOrgUser'
        'Get-TcOrgGroup'
        'Get-TcRoleAssignment'
        'Remove-TcRoleAssignment'
        'Get-TcRoleProvisioning'
        'Stop-TcRoleProvisioning'
        'Export-TcOrgConfiguration'
        'Compare-TcOrgConfiguration'
        'Sync-TcOrgConfiguration'
        # CIC users, groups and group membership
        'New-TcOrgUser'
        'Set-TcOrgUser'
        'Remove-TcOrgUser'
        'New-TcOrgGroup'
        'Set-TcOrgGroup'
        'Remove-TcOrgGroup'
        'Get-TcOrgGroupMember'
        'Add-TcOrgGroupMember'
        'Remove-TcOrgGroupMember'
        # Permission configurations and their policies (issue 18)
        'New-TcRoleConfiguration'
        'Set-TcRoleConfiguration'
        'Remove-TcRoleConfiguration'
        'Get-TcRoleConfigurationPolicy'
        'Add-TcRoleConfigurationPolicy'
        'Remove-TcRoleConfigurationPolicy'
        'Set-TcRoleConfigurationPolicy'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('TencentCloud', 'Tencent', 'Organization', 'CIC', 'IdentityCenter', 'IAM', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/tencentorg/TencentOrg'
            LicenseUri   = 'https://github.com/tencentorg/TencentOrg/blob/main/LICENSE'
            ReleaseNotes = 'See https://github.com/tencentorg/TencentOrg/blob/main/README.md'
        }
    }
}

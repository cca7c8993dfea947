<#
.SYNOPSIS
Onboards a team: creates an organization identity, authorizes member accounts to it, assigns a
CIC permission configuration to a user group on many member accounts, deploys a configuration,
and waits for every task.

.DESCRIPTION
Safe to rerun: -SkipExisting turns "already exists" into warnings. Uses only the TencentOrg cmdlets
and PowerShell core commands, so it also runs in the embedded demo host (dotnet run --project
src/TencentOrg.Demo), where the defaults below match the emulator's seed.

.EXAMPLE
./examples/onboard.ps1 -Endpoint http://127.0.0.1:8080/ -SecretId $id -SecretKey (Read-Host -AsSecureString)

.EXAMPLE
./examples/onboard.ps1 -MemberUin 100012345678,100012345679 -RoleConfigurationId rc-abcdefgh1234 -GroupId g-abcdefgh1234 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # Omit to use the credential chain (environment, tccli profile) and the default endpoint.
    [uri]$Endpoint,
    [string]$SecretId,
    [securestring]$SecretKey,
    [long[]]$MemberUin = (1..30 | ForEach-Object { 100000000000 + $_ }),
    [string]$IdentityName = 'OnboardingAuditor',
    [string]$RoleConfigurationId = 'rc-emuconfig001',
    [string]$GroupId = 'g-emugroup0001',
    [string]$DeployConfigurationId = 'rc-emuconfig002',
    [int]$DeployCount = 5
)

$ErrorActionPreference = 'Stop'
if ($Endpoint) {
    Connect-TcOrg -Endpoint $Endpoint -SecretId $SecretId -SecretKey $SecretKey
}

"== 1. Organization identity '$IdentityName'"
$identity = New-TcOrgIdentity -Name $IdentityName -Policy '2:ReadOnlyAccess' -Description 'Read-only access for auditors' -SkipExisting
# Out-Host per section: each result set gets its own table view.
$identity | Out-Host

"== 2. Authorize $($MemberUin.Count) member accounts to identity $($identity.IdentityId) (10 members per request)"
$identity | Add-TcOrgMemberAuthIdentity -MemberUin $MemberUin -SkipExisting -PassThru | Out-Host

"== 3. Assign $RoleConfigurationId to group $GroupId on $($MemberUin.Count) accounts (50 assignments per request)"
$tasks = @(New-TcRoleAssignment -RoleConfigurationId $RoleConfigurationId -PrincipalId $GroupId -TargetUin $MemberUin -SkipExisting)
$tasks | Out-Host

"== 4. Deploy $DeployConfigurationId to the first $DeployCount accounts"
$deployments = @(Start-TcRoleProvisioning -RoleConfigurationId $DeployConfigurationId -TargetUin $MemberUin[0..($DeployCount - 1)])
$deployments | Out-Host

"== 5. Wait for $($tasks.Count + $deployments.Count) tasks"
$tasks + $deployments | Wait-TcOrgTask -TimeoutSec 300 | Out-Host

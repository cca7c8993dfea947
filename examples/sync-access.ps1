<#
.SYNOPSIS
Nightly access runbook: keeps the organization's identities, member authorizations and CIC role
assignments as a baseline file says, and keeps an audit export beside it.

.DESCRIPTION
1. Exports what the organization has now to -AuditPath (canonical JSON: commit it, and git shows who
   gained or lost what since the last run).
2. Compares the baseline with the organization and prints a summary of the plan.
3. Syncs: adds and changes what differs through the batched services; with -Prune also removes what the
   baseline does not list inside its "PruneScope", unless that is more than -MaxRemove items (default 25:
   a cut or emptied baseline stops the run before any write). Waits for the role assignment tasks.
4. Fails the job when any item failed, and checks that a second comparison is clean.

Safe to rerun: when nothing changed, the sync sends no write at all. -WhatIf names every change and sends
nothing. The baseline may name users, groups, member accounts and permission configurations instead of
giving IDs (see docs/configuration-schema.json); a name that does not resolve stops the run before any write.

.EXAMPLE
./examples/sync-access.ps1 -Path ./baseline.json -AuditPath ./audit/org-access.json -Prune

.EXAMPLE
./examples/sync-access.ps1 -Path ./baseline.json -Prune -MaxRemove 200    # a reviewed mass removal

.EXAMPLE
./examples/sync-access.ps1 -Path ./baseline.json -Endpoint http://127.0.0.1:8080/ -SecretId $id -SecretKey (Read-Host -AsSecureString) -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string]$Path,
    # Where the export of the current state goes; left out, no export is written.
    [string]$AuditPath,
    # Also remove what the baseline does not list, inside its "PruneScope" (the baseline must declare one).
    [switch]$Prune,
    # With -Prune: stop before any write when the plan removes more than this many items.
    [ValidateRange(0, [int]::MaxValue)]
    [int]$MaxRemove = 25,
    # Omit to use the credential chain (environment, tccli profile) and the default endpoint.
    [uri]$Endpoint,
    [string]$SecretId,
    [securestring]$SecretKey
)

$ErrorActionPreference = 'Stop'

# Core commands only, so the runbook also runs in hosts without Microsoft.PowerShell.Utility.
function Write-Count([object[]]$Items, [scriptblock]$By) {
    $counts = [ordered]@{}
    foreach ($item in $Items) { $key = & $By $item; $counts[$key] = 1 + [int]$counts[$key] }
    foreach ($key in $counts.Keys) { '{0,7}  {1}' -f $counts[$key], $key }
}
if ($Endpoint) {
    Connect-TcOrg -Endpoint $Endpoint -SecretId $SecretId -SecretKey $SecretKey
}

if ($AuditPath) {
    "== 1. Audit export to $AuditPath"
    Export-TcOrgConfiguration -Path $AuditPath
}

"== 2. Plan for $Path"
$plan = @(Compare-TcOrgConfiguration -Path $Path)
if ($plan.Count -eq 0) {
    'The organization matches the baseline: nothing to do.'
    return
}
Write-Count $plan { param($p) "$($p.Action) $($p.Kind)" }

"== 3. Sync$(if ($Prune) { ' (with -Prune)' })"
# Each item comes back with its outcome; a failed one is also a non-terminating error, so the rest go on.
$results = @(Sync-TcOrgConfiguration -Path $Path -Prune:$Prune -MaxRemove $MaxRemove -Wait -Confirm:$false -ErrorAction Continue)
Write-Count $results { param($r) $r.Outcome }
if ($WhatIfPreference) { return }

$failed = @($results | Where-Object Outcome -eq 'Failed')
if ($failed.Count -gt 0) {
    $failed | Out-Host
    throw "$($failed.Count) change(s) failed; see above."
}

"== 4. Check"
$left = @(Compare-TcOrgConfiguration -Path $Path | Where-Object { $Prune -or $_.Action -ne 'Remove' })
if ($left.Count -gt 0) {
    throw "$($left.Count) difference(s) remain after the sync."
}
'The organization matches the baseline.'

using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Remove-TcRoleAssignment: DeleteRoleAssignment for every principal on every account given (or each assignment piped
    /// from Get-TcRoleAssignment), one assignment per request as the API takes them, several in flight.
    /// Emits the removal task; with -Wait, the finished task.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TcRoleAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RoleTask))]
    public sealed class RemoveTcRoleAssignmentCommand : TcOrgWaitingCmdlet
    {
        private BatchDispatcher<(string ZoneId, RoleAssignmentInfo Item)>? _dispatcher;
        private RoleAssignmentService? _service;
        private string? _sessionZoneId;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("MemberUin", "ManagerUin")]
        [ApiCase("MemberUin", "ManagerUin")]
        public string TargetType { get; set; } = "MemberUin";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("MemberUin")]
        [ValidateCount(1, 100000)]
        [ValidateUin]
        [UinElements]
        public long[] TargetUin { get; set; } = new long[0];

        /// <summary>User or Group; inferred from the u-/g- prefix of -PrincipalId when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("User", "Group")]
        [ApiCase("User", "Group")]
        public string? PrincipalType { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "GroupId")]
        [ValidateCount(1, 100000)]
        [ValidatePrincipalId]
        [ArgumentCompleter(typeof(PrincipalIdCompleter))]
        public string[] PrincipalId { get; set; } = new string[0];

        /// <summary>DeprovisionForLastRoleAssignmentOnAccount also undeploys the configuration when this was its last assignment on the account.</summary>
        [Parameter]
        [ValidateSet("None", "DeprovisionForLastRoleAssignmentOnAccount")]
        [ApiCase("None", "DeprovisionForLastRoleAssignmentOnAccount")]
        public string? DeprovisionStrategy { get; set; }

        /// <summary>Skips the confirmation prompt; -WhatIf still only describes, and an explicit -Confirm still asks.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in RoleAssignments.Expand(RoleConfigurationId, TargetType,
                UinArguments.Take(this, TargetUin, nameof(TargetUin)), PrincipalType, UinArguments.Distinct(this, PrincipalId, nameof(PrincipalId))))
            {
                if (Refused(RoleAssignments.Problem(item), item)) continue;
                if (!ShouldProcess(item.TargetType + " " + item.TargetUin,
                    "Remove assignment of permission configuration " + item.RoleConfigurationId + " from " + item.PrincipalType + " " + item.PrincipalId, Force)) continue;

                string zoneId = !string.IsNullOrEmpty(ZoneId) ? ZoneId! : _sessionZoneId ??= ResolveZoneId(null);
                if (_dispatcher == null)
                {
                    _service = new RoleAssignmentService(Session, Log);
                    _dispatcher = new BatchDispatcher<(string, RoleAssignmentInfo)>(this, 1, SendAsync, CancelToken);
                }
                _dispatcher.Add((zoneId, item));
            }
        }

        protected override void EndProcessing()
        {
            _dispatcher?.Complete();
            WaitForHeldTasks(TimeoutSec);
        }

        private async Task SendAsync(List<(string ZoneId, RoleAssignmentInfo Item)> batch, CancellationToken ct)
        {
            foreach (var (zoneId, item) in batch)
            {
                var outcome = await _service!.RemoveAsync(zoneId, item, DeprovisionStrategy, ct).ConfigureAwait(false);
                await PostTasksAsync(zoneId, new[] { item }, new[] { outcome }, ct).ConfigureAwait(false);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Stop-TcRoleProvisioning: DismantleRoleConfiguration (undeploy a permission configuration from accounts).
    /// The service refuses while assignments still use the configuration on the account.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "TcRoleProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RoleTask))]
    public sealed class StopTcRoleProvisioningCommand : TcOrgCmdlet
    {
        private BatchDispatcher<DismantleRoleConfigurationRequest>? _dispatcher;
        private IdentityCenterService? _service;
        private string? _sessionZoneId;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        public string RoleConfigurationId { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("MemberUin", "ManagerUin")]
        public string TargetType { get; set; } = "MemberUin";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("MemberUin")]
        [ValidateCount(1, 100000)]
        [ValidateUin]
        public long[] TargetUin { get; set; } = new long[0];

        /// <summary>Wait for each task; a Failed task becomes an error carrying its FailureReason.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        protected override void ProcessRecord()
        {
            foreach (var uin in TargetUin)
            {
                if (!ShouldProcess(TargetType + " " + uin, "Undeploy permission configuration " + RoleConfigurationId)) continue;
                string zoneId = !string.IsNullOrEmpty(ZoneId) ? ZoneId! : _sessionZoneId ??= ResolveZoneId(null);
                if (_dispatcher == null)
                {
                    _service = new IdentityCenterService(Session, Log);
                    // The API takes one account per call: batches of one, several in flight.
                    _dispatcher = new BatchDispatcher<DismantleRoleConfigurationRequest>(this, 1, SendAsync, CancelToken);
                }
                _dispatcher.Add(new DismantleRoleConfigurationRequest
                {
                    ZoneId = zoneId,
                    RoleConfigurationId = RoleConfigurationId,
                    TargetType = TargetType,
                    TargetUin = uin,
                });
            }
        }

        protected override void EndProcessing() => _dispatcher?.Complete();

        private async Task SendAsync(List<DismantleRoleConfigurationRequest> batch, CancellationToken ct)
        {
            foreach (var request in batch)
            {
                RoleTask task;
                try
                {
                    task = await _service!.DismantleAsync(request, ct).ConfigureAwait(false);
                }
                catch (Exception error) when (TcOrgListCmdlet.IsApiError(error))
                {
                    PostError(error, request.RoleConfigurationId + " on " + request.TargetType + " " + request.TargetUin);
                    continue;
                }
                if (!Wait)
                {
                    PostObject(task);
                    continue;
                }
                await WaitAndPostAsync(request.ZoneId!, new[] { task }, TimeoutSeconds, ct).ConfigureAwait(false);
            }
        }
    }
}

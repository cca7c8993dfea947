using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Start-TcRoleProvisioning: ProvisionRoleConfiguration (deploy a permission configuration to accounts).</summary>
    [Cmdlet(VerbsLifecycle.Start, "TcRoleProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleTask))]
    public sealed class StartTcRoleProvisioningCommand : TcOrgCmdlet
    {
        private BatchDispatcher<ProvisionRoleConfigurationRequest>? _dispatcher;
        private ProvisioningService? _service;
        private string? _zoneId;

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

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        protected override void ProcessRecord()
        {
            foreach (var uin in TargetUin)
            {
                if (!ShouldProcess(TargetType + " " + uin, "Deploy permission configuration " + RoleConfigurationId)) continue;
                if (_dispatcher == null)
                {
                    _service = new ProvisioningService(Session, Log);
                    _zoneId = ResolveZoneId(ZoneId);
                    // The API takes one account per call: batches of one, several in flight.
                    _dispatcher = new BatchDispatcher<ProvisionRoleConfigurationRequest>(this, 1, SendAsync, CancelToken);
                }
                _dispatcher.Add(new ProvisionRoleConfigurationRequest
                {
                    ZoneId = _zoneId,
                    RoleConfigurationId = RoleConfigurationId,
                    TargetType = TargetType,
                    TargetUin = uin,
                });
            }
        }

        protected override void EndProcessing() => _dispatcher?.Complete();

        private async Task SendAsync(List<ProvisionRoleConfigurationRequest> batch, CancellationToken ct)
        {
            foreach (var request in batch)
            {
                RoleTask task;
                try
                {
                    task = await _service!.ProvisionAsync(request, ct).ConfigureAwait(false);
                }
                catch (Exception error) when (error is OrgApiException || error is OrgTransportException)
                {
                    PostError(error, request.RoleConfigurationId + " on " + request.TargetType + " " + request.TargetUin);
                    continue;
                }
                if (!Wait)
                {
                    PostObject(task);
                    continue;
                }
                await WaitAndPostAsync(_zoneId!, new[] { task }, TimeoutSeconds, ct).ConfigureAwait(false);
            }
        }
    }
}

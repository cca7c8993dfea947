using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Shared shape of deploying and undeploying a permission configuration: the same parameters, one
    /// account per call with several in flight, and -Wait on the task each call starts.
    /// </summary>
    public abstract class RoleDeploymentCmdlet : TcOrgWaitingCmdlet
    {
        /// <summary>The parameter set that names the accounts (-TargetUin).</summary>
        private protected const string TargetSet = "Target";

        private BatchDispatcher<DeploymentTarget>? _dispatcher;
        private string? _sessionZoneId;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TargetSet)]
        [ValidateSet("MemberUin", "ManagerUin")]
        [ApiCase("MemberUin", "ManagerUin")]
        public string TargetType { get; set; } = "MemberUin";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = TargetSet)]
        [Alias("MemberUin")]
        [ValidateCount(1, 100000)]
        [ValidateUin]
        [UinElements]
        public long[] TargetUin { get; set; } = new long[0];

        /// <summary>The -WhatIf/-Confirm action text, e.g. "Deploy permission configuration".</summary>
        private protected abstract string ActionText { get; }

        /// <summary>Create the service, on the pipeline thread: resolving the session may end the command (no credential).</summary>
        private protected abstract void Prepare();

        /// <summary>Start the task for one account (on a worker thread): the task, or the error for that account.</summary>
        private protected abstract Task<ItemOutcome<DeploymentTarget, RoleTask>> SendOneAsync(DeploymentTarget target, CancellationToken ct);

        protected override void ProcessRecord()
        {
            foreach (var uin in UinArguments.Take(this, TargetUin, nameof(TargetUin)))
            {
                if (!ShouldProcess(TargetType + " " + uin, ActionText + " " + RoleConfigurationId)) continue;
                Dispatch(new DeploymentTarget { ZoneId = Zone, RoleConfigurationId = RoleConfigurationId, TargetType = TargetType, TargetUin = uin });
            }
        }

        /// <summary>The zone to send to; looked up only once something is really sent (never under -WhatIf).</summary>
        private protected string Zone => !string.IsNullOrEmpty(ZoneId) ? ZoneId! : _sessionZoneId ??= ResolveZoneId(null);

        /// <summary>Send (and with -Wait, wait on) one account's task, several in flight.</summary>
        private protected void Dispatch(DeploymentTarget target)
        {
            if (_dispatcher == null)
            {
                Prepare();
                _dispatcher = new BatchDispatcher<DeploymentTarget>(this, 1, SendAsync, CancelToken);
            }
            _dispatcher.Add(target);
        }

        protected override void EndProcessing()
        {
            _dispatcher?.Complete();
            WaitForHeldTasks(TimeoutSec);
        }

        private async Task SendAsync(List<DeploymentTarget> batch, CancellationToken ct)
        {
            foreach (var target in batch)
            {
                var outcome = await SendOneAsync(target, ct).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    PostError(outcome.Error!, target.ToString());
                    continue;
                }
                var task = outcome.Result!;
                if (Wait) await WaitOrHoldAsync(target.ZoneId, new[] { task }, TimeoutSec, ct).ConfigureAwait(false);
                else PostObject(task);
            }
        }
    }
}

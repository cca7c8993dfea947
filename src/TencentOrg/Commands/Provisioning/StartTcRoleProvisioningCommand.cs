using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Start-TcRoleProvisioning: ProvisionRoleConfiguration (deploy a permission configuration to accounts). With -Redeploy,
    /// the configuration is deployed again on every account where it is listed DeployedRequired (its policies changed).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "TcRoleProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TargetSet)]
    [OutputType(typeof(RoleTask))]
    public sealed class StartTcRoleProvisioningCommand : RoleDeploymentCmdlet
    {
        private const string RedeploySet = "Redeploy";
        private ProvisioningService? _service;

        /// <summary>
        /// Re-deploy wherever the configuration is DeployedRequired (ListRoleConfigurationProvisionings), one
        /// ProvisionRoleConfiguration per account: there is no other re-deploy action.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = RedeploySet)]
        public SwitchParameter Redeploy { get; set; }

        private protected override string ActionText => "Deploy permission configuration";

        private protected override void Prepare() => _service = new ProvisioningService(Session, Log);

        private protected override Task<ItemOutcome<DeploymentTarget, RoleTask>> SendOneAsync(DeploymentTarget target, CancellationToken ct) =>
            _service!.ProvisionAsync(target, ct);

        protected override void ProcessRecord()
        {
            if (ParameterSetName != RedeploySet)
            {
                base.ProcessRecord();
                return;
            }
            if (!ShouldProcess("Permission configuration " + RoleConfigurationId, "Re-deploy on every account where it is DeployedRequired")) return;
            try
            {
                var targets = Await(new RoleConfigurationService(Session, Log).RedeployTargetsAsync(Zone, RoleConfigurationId, CancelToken));
                if (targets.Count == 0) WriteVerbose(RoleConfigurationId + " is not DeployedRequired on any account; nothing to re-deploy.");
                foreach (var row in targets)
                    Dispatch(new DeploymentTarget { ZoneId = Zone, RoleConfigurationId = RoleConfigurationId, TargetType = row.TargetType ?? "MemberUin", TargetUin = row.TargetUin!.Value });
            }
            catch (OrgException error)
            {
                WriteItemError(error, RoleConfigurationId);
            }
        }
    }
}

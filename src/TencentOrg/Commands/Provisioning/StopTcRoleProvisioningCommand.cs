using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Stop-TcRoleProvisioning: DismantleRoleConfiguration (undeploy a permission configuration from accounts).
    /// The service refuses while assignments still use the configuration on the account.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "TcRoleProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RoleTask))]
    public sealed class StopTcRoleProvisioningCommand : RoleDeploymentCmdlet
    {
        private ProvisioningService? _service;

        private protected override string ActionText => "Undeploy permission configuration";

        private protected override void Prepare() => _service = new ProvisioningService(Session, Log);

        private protected override Task<ItemOutcome<DeploymentTarget, RoleTask>> SendOneAsync(DeploymentTarget target, CancellationToken ct) =>
            _service!.DeprovisionAsync(target, ct);
    }
}

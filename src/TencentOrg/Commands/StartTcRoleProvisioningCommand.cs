using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Start-TcRoleProvisioning: ProvisionRoleConfiguration (deploy a permission configuration to accounts).</summary>
    [Cmdlet(VerbsLifecycle.Start, "TcRoleProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleTask))]
    public sealed class StartTcRoleProvisioningCommand : RoleDeploymentCmdlet
    {
        private ProvisioningService? _service;

        private protected override string ActionText => "Deploy permission configuration";

        private protected override void Prepare() => _service = new ProvisioningService(Session, Log);

        private protected override Task<ItemOutcome<DeploymentTarget, RoleTask>> SendOneAsync(DeploymentTarget target, CancellationToken ct) =>
            _service!.ProvisionAsync(target, ct);
    }
}

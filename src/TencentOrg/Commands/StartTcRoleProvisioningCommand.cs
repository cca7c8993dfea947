using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Models;
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

        private protected override Task<RoleTask> SendOneAsync(DeploymentTarget target, CancellationToken ct) =>
            _service!.ProvisionAsync(new ProvisionRoleConfigurationRequest
            {
                ZoneId = target.ZoneId,
                RoleConfigurationId = target.RoleConfigurationId,
                TargetType = target.TargetType,
                TargetUin = target.TargetUin,
            }, ct);
    }
}

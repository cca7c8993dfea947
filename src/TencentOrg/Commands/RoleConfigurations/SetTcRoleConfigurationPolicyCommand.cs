using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Set-TcRoleConfigurationPolicy: UpdateCustomPolicyForRoleConfiguration, replacing the document of the configuration's
    /// custom policy. The same document (as parsed JSON) sends nothing. Re-deploy afterwards (Start-TcRoleProvisioning -Redeploy).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TcRoleConfigurationPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleConfigurationPolicy))]
    public sealed class SetTcRoleConfigurationPolicyCommand : RoleConfigurationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        /// <summary>Name of the existing custom policy.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RolePolicyName")]
        public string CustomPolicyName { get; set; } = "";

        /// <summary>The new document, CAM policy syntax (a JSON object), at most 4096 characters.</summary>
        [Parameter(Mandatory = true)]
        public string CustomPolicyDocument { get; set; } = "";

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var wanted = new RoleConfigurationPolicy { RolePolicyType = RoleConfigurationPolicy.CustomType, RolePolicyName = CustomPolicyName, RolePolicyDocument = CustomPolicyDocument };
            if (Refused(RoleConfigurationRules.PolicyProblem(wanted, attaching: true), CustomPolicyName)) return;
            if (!ShouldProcess("Permission configuration " + RoleConfigurationId, "Replace the document of " + wanted)) return;
            var outcome = Await(Service.SetCustomDocumentAsync(Zone, RoleConfigurationId, wanted, CancelToken));
            if (!outcome.Succeeded) WriteItemError(outcome.Error!, CustomPolicyName);
            else if (PassThru) WriteObject(outcome.Result);
        }
    }
}

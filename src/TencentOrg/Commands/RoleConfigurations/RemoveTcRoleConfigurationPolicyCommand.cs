using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Remove-TcRoleConfigurationPolicy: RemovePermissionPolicyFromRoleConfiguration, one policy per call. A policy that is
    /// not attached is success. Deployed accounts get the change only when re-deployed (Start-TcRoleProvisioning -Redeploy).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TcRoleConfigurationPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcRoleConfigurationPolicyCommand : RoleConfigurationRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        /// <summary>CAM IDs of system policies.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RolePolicyId")]
        public long[]? PolicyId { get; set; }

        /// <summary>Policy names: system policies, or the custom policy.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RolePolicyName")]
        public string[]? PolicyName { get; set; }

        /// <summary>System or Custom; without it a name is looked up in the configuration's policies.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RolePolicyType")]
        [ValidateSet("System", "Custom")]
        [ApiCase("System", "Custom")]
        public string? PolicyType { get; set; }

        protected override void ProcessRecord()
        {
            string? type = PolicyType == null ? null
                : string.Equals(PolicyType, RoleConfigurationPolicy.CustomType, System.StringComparison.OrdinalIgnoreCase) ? RoleConfigurationPolicy.CustomType : RoleConfigurationPolicy.SystemType;
            var policies = new List<RoleConfigurationPolicy>();
            // A piped system policy carries both its ID and name: one policy, removed by ID.
            if (PolicyId is { Length: > 0 } ids && type != RoleConfigurationPolicy.CustomType)
                policies.AddRange(ids.Select((id, i) => new RoleConfigurationPolicy
                {
                    RolePolicyType = RoleConfigurationPolicy.SystemType, RolePolicyId = id,
                    RolePolicyName = PolicyName != null && PolicyName.Length == ids.Length ? PolicyName[i] : null,
                }));
            else if (PolicyName is { Length: > 0 } names)
                policies.AddRange(names.Select(name => new RoleConfigurationPolicy { RolePolicyType = type, RolePolicyName = name }));
            if (Refused(policies.Count == 0 ? "Give -PolicyId or -PolicyName: no policy of " + RoleConfigurationId + " is named." : null, RoleConfigurationId)) return;
            foreach (var policy in policies)
            {
                string label = policy.RolePolicyType == null ? "policy " + policy.RolePolicyName : policy.ToString();
                if (Refused(policy.RolePolicyType == null ? RoleConfigurationRules.PolicyNameProblem(policy.RolePolicyName) : RoleConfigurationRules.PolicyProblem(policy, attaching: false), label)) continue;
                if (!ShouldProcess("Permission configuration " + RoleConfigurationId, "Detach " + label, Force)) continue;
                var outcome = Await(Service.RemovePolicyAsync(Zone, RoleConfigurationId, policy, CancelToken));
                if (outcome.Succeeded) WriteVerbose("Detached " + label + " from " + RoleConfigurationId + ".");
                else WriteItemError(outcome.Error!, label);
            }
        }
    }
}

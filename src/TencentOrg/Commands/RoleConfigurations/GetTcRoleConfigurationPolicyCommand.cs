using System.Linq;
using System.Management.Automation;
using TencentOrg.Api;

namespace TencentOrg
{
    /// <summary>Get-TcRoleConfigurationPolicy: ListPermissionPoliciesInRoleConfiguration (system and custom policies, one call per configuration).</summary>
    [Cmdlet(VerbsCommon.Get, "TcRoleConfigurationPolicy")]
    [OutputType(typeof(RoleConfigurationPolicy))]
    public sealed class GetTcRoleConfigurationPolicyCommand : RoleConfigurationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string[] RoleConfigurationId { get; set; } = new string[0];

        /// <summary>Only System or only Custom policies.</summary>
        [Parameter]
        [Alias("RolePolicyType")]
        [ValidateSet("System", "Custom")]
        public string? PolicyType { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in RoleConfigurationId)
            {
                try
                {
                    foreach (var policy in Await(Service.ListPoliciesAsync(Zone, id, CancelToken))
                                 .Where(p => PolicyType == null || string.Equals(p.RolePolicyType, PolicyType, System.StringComparison.OrdinalIgnoreCase)))
                        WriteObject(policy);
                }
                catch (OrgException error)
                {
                    WriteItemError(error, id);
                }
            }
        }
    }
}

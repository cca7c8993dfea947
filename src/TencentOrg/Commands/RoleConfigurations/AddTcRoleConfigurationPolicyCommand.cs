using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Add-TcRoleConfigurationPolicy: AddPermissionPolicyToRoleConfiguration. System policies by CAM ID or name (up to 20
    /// per call), the custom policy by name and document. Policies already attached are success with nothing sent.
    /// Deployed accounts get the change only when re-deployed (Start-TcRoleProvisioning -Redeploy).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TcRoleConfigurationPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(RoleConfigurationPolicy))]
    public sealed class AddTcRoleConfigurationPolicyCommand : RoleConfigurationCmdlet
    {
        private const string ByIdSet = "SystemById";
        private const string ByNameSet = "SystemByName";
        private const string CustomSet = "Custom";
        private const string ObjectSet = "Policy";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        /// <summary>CAM system policy IDs.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ExactInteger]
        public long[] PolicyId { get; set; } = new long[0];

        /// <summary>CAM system policy names (at most 32 characters each).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
        public string[] PolicyName { get; set; } = new string[0];

        /// <summary>Name of the custom policy (at most 32 characters).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CustomSet)]
        public string CustomPolicyName { get; set; } = "";

        /// <summary>The custom policy in CAM policy syntax (a JSON object), at most 4096 characters.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CustomSet)]
        public string CustomPolicyDocument { get; set; } = "";

        /// <summary>Policy objects, e.g. from Get-TcRoleConfigurationPolicy of another configuration.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        public RoleConfigurationPolicy[] Policy { get; set; } = new RoleConfigurationPolicy[0];

        /// <summary>Write the attached policies, as listed after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var approved = new List<RoleConfigurationPolicy>();
            var names = new HashSet<string>();
            foreach (var policy in Wanted())
            {
                if (Refused(AttachingPolicies.Problem(policy, names), policy?.ToString())) continue;
                if (ShouldProcess("Permission configuration " + RoleConfigurationId, "Attach " + policy)) approved.Add(policy!);
            }
            if (approved.Count == 0) return;
            foreach (var outcome in Await(Service.AddPoliciesAsync(Zone, RoleConfigurationId, approved, CancelToken)))
            {
                if (!outcome.Succeeded) WriteItemError(outcome.Error!, outcome.Input.ToString());
                else if (PassThru) WriteObject(outcome.Result);
            }
        }

        private IEnumerable<RoleConfigurationPolicy?> Wanted() => ParameterSetName switch
        {
            ByIdSet => PolicyId.Select(id => AttachingPolicies.SystemById(id)),
            ByNameSet => PolicyName.Select(name => AttachingPolicies.SystemByName(name)),
            CustomSet => new[] { AttachingPolicies.Custom(CustomPolicyName, CustomPolicyDocument) },
            _ => Policy.Select(p => AttachingPolicies.FromListed(p)),
        };
    }
}

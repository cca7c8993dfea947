using System;
using System.Linq;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// Set-TcOrgIdentity: UpdateOrganizationIdentity. The API needs Description and the whole policy
    /// list on every call, so the current identity is read first and unchanged parts are sent as they are.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TcOrgIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgIdentity))]
    public sealed class SetTcOrgIdentityCommand : TcOrgCmdlet
    {
        private OrganizationIdentityService? _service;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        [ExactInteger]
        [ArgumentCompleter(typeof(IdentityIdCompleter))]
        public long IdentityId { get; set; }

        [Parameter]
        [ValidateDescription]
        public string? Description { get; set; }

        /// <summary>The complete new policy list (replaces the current one).</summary>
        [Parameter]
        [Alias("IdentityPolicy")]
        [IdentityPolicyTransformation]
        [ValidateCount(1, 20)]
        public IdentityPolicy[]? Policy { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Description == null && Policy == null)
            {
                WriteItemError(new ArgumentException("Give -Description, -Policy or both: there is nothing to change on identity " + IdentityId + "."), IdentityId);
                return;
            }
            var problem = Policy?.Select(p => p == null ? "a policy is empty." : p.Problem()).FirstOrDefault(p => p != null);
            if (problem != null)
            {
                WriteItemError(new ArgumentException("Identity " + IdentityId + ": " + problem), IdentityId);
                return;
            }
            string change = Description != null && Policy != null ? "Set description and policies"
                : Description != null ? "Set description" : "Set policies";
            if (Policy != null) change += " (" + string.Join(", ", Policy.Select(p => p.ToString())) + ")";
            if (!ShouldProcess("Organization identity " + IdentityId, change)) return;

            _service ??= new OrganizationIdentityService(Session, Log);
            try
            {
                var updated = Await(_service.UpdateAsync(IdentityId, Description, Policy, CancelToken));
                if (PassThru) WriteObject(updated);
            }
            catch (OrgException error)
            {
                WriteItemError(error, IdentityId);
            }
        }
    }
}

using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>New-TcOrgIdentity: CreateOrganizationIdentity for each input (e.g. each row of Import-Csv).</summary>
    [Cmdlet(VerbsCommon.New, "TcOrgIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OrgIdentity))]
    public sealed class NewTcOrgIdentityCommand : TcOrgCmdlet
    {
        private BatchDispatcher<(string Name, IdentityPolicy[] Policies, string? Description, object Target)>? _dispatcher;
        private OrganizationIdentityService? _service;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("IdentityAliasName")]
        [ValidateIdentityName]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("IdentityPolicy", "Policies")]
        [IdentityPolicyTransformation]
        [ValidateCount(1, 20)]
        public IdentityPolicy[] Policy { get; set; } = new IdentityPolicy[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateDescription]
        public string? Description { get; set; }

        /// <summary>An identity with this name already exists: warn and emit it instead of failing (idempotent reruns).</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        protected override void ProcessRecord()
        {
            object target = Name;
            var problem = Policy.Select(p => p == null ? "a policy is empty." : p.Problem()).FirstOrDefault(p => p != null);
            if (problem != null)
            {
                WriteItemError(new System.ArgumentException("Identity '" + Name + "': " + problem), target);
                return;
            }
            string policies = string.Join(", ", Policy.Select(p => p.ToString()));
            string what = "Name: " + Name + "; Policies: " + policies + (string.IsNullOrEmpty(Description) ? "" : "; Description: " + Description);
            if (!ShouldProcess(what, "Create organization identity")) return;

            _service ??= new OrganizationIdentityService(Session, Log);
            _dispatcher ??= new BatchDispatcher<(string, IdentityPolicy[], string?, object)>(this, 1, SendAsync, CancelToken);
            _dispatcher.Add((Name, Policy, Description, target));
        }

        protected override void EndProcessing() => _dispatcher?.Complete();

        private async Task SendAsync(System.Collections.Generic.List<(string Name, IdentityPolicy[] Policies, string? Description, object Target)> batch, System.Threading.CancellationToken ct)
        {
            foreach (var item in batch)
            {
                var outcome = await _service!.CreateAsync(item.Name, item.Policies, item.Description, SkipExisting, ct).ConfigureAwait(false);
                if (outcome.Succeeded) PostObject(outcome.Result!);
                else PostError(outcome.Error!, item.Target);
            }
        }
    }
}

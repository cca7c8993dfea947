using System.Collections.Generic;
using System.Management.Automation;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>Remove-TcOrgIdentity: DeleteOrganizationIdentity. The service refuses identities still granted to members.</summary>
    [Cmdlet(VerbsCommon.Remove, "TcOrgIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcOrgIdentityCommand : TcOrgCmdlet
    {
        private OrganizationIdentityService? _service;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1L, long.MaxValue)]
        [ExactInteger]
        [ArgumentCompleter(typeof(IdentityIdCompleter))]
        public long[] IdentityId { get; set; } = new long[0];

        /// <summary>
        /// The name a piped identity carries (Get-TcOrgIdentity | Remove-TcOrgIdentity), so -WhatIf and the prompt can name
        /// it without a read. Hidden: it only labels the message, the delete goes by IdentityId.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? Name { get; set; }

        /// <summary>Skips the confirmation prompt; -WhatIf still only describes, and an explicit -Confirm still asks.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private Dictionary<long, string?>? _names;

        /// <summary>"Organization identity 101 (Auditors)": the name from one listing per command, only when a confirmation prompt will show it.</summary>
        private string Describe(long id)
        {
            if (IdentityId.Length == 1 && !string.IsNullOrEmpty(Name)) return "Organization identity " + id + " (" + Name + ")";
            if (_names == null)
            {
                // -WhatIf sends no request at all, so it names the identity only by its number.
                var session = WillConfirm(Force) ? SessionStore.TryCurrentOrImplicit(this) : null;
                _names = session == null ? new Dictionary<long, string?>() : Await(new OrganizationIdentityService(session, Log).NamesAsync(CancelToken));
            }
            return "Organization identity " + id + (_names.TryGetValue(id, out var name) && !string.IsNullOrEmpty(name) ? " (" + name + ")" : "");
        }

        protected override void ProcessRecord()
        {
            foreach (var id in IdentityId)
            {
                if (!ShouldProcess(Describe(id), "Delete", Force)) continue;
                _service ??= new OrganizationIdentityService(Session, Log);
                var outcome = Await(_service.RemoveAsync(id, CancelToken));
                if (outcome.Succeeded) WriteVerbose("Deleted organization identity " + id + " (" + outcome.Result!.Outcome + ").");
                else WriteItemError(outcome.Error!, id);
            }
        }
    }
}

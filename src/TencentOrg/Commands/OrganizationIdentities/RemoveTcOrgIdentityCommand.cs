using System;
using System.Collections.Generic;
using TencentOrg.Models;
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
                _names = new Dictionary<long, string?>();
                var session = WillAsk() ? SessionStore.TryCurrentOrImplicit(this) : null;
                if (session != null)
                {
                    try
                    {
                        Await(new OrganizationIdentityService(session, Log).ListAsync(new ListOrganizationIdentityRequest(), identity =>
                        {
                            _names[identity.IdentityId] = identity.Name;
                            return true;
                        }, CancelToken));
                    }
                    catch (Api.OrgException)
                    {
                        // The number alone still identifies it; the delete reports any real failure.
                    }
                }
            }
            return "Organization identity " + id + (_names.TryGetValue(id, out var name) && !string.IsNullOrEmpty(name) ? " (" + name + ")" : "");
        }

        // ConfirmImpact is High: the default $ConfirmPreference (High) asks, as does -Confirm. -WhatIf sends no request
        // at all, so it names the identity only by its number.
        private bool WillAsk()
        {
            var bound = MyInvocation.BoundParameters;
            if (WhatIfInEffect) return false;
            if (bound.TryGetValue("Confirm", out var confirm)) return ((SwitchParameter)confirm).IsPresent;
            if (Force) return false;
            var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return !(preference is ConfirmImpact level) || (level != ConfirmImpact.None && level <= ConfirmImpact.High);
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

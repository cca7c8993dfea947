using System.Management.Automation;

namespace TencentOrg
{
    /// <summary>
    /// Remove-TcRoleConfiguration: DeleteRoleConfiguration. Nothing cascades: the service refuses a configuration that is
    /// assigned, deployed or still holds policies (remove those first).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TcRoleConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTcRoleConfigurationCommand : RoleConfigurationRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string[] RoleConfigurationId { get; set; } = new string[0];

        /// <summary>The name a piped configuration carries, so the prompt can name it without a read. Only labels the message.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? RoleConfigurationName { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in RoleConfigurationId)
            {
                string label = RoleConfigurationId.Length == 1 && !string.IsNullOrEmpty(RoleConfigurationName) ? id + " (" + RoleConfigurationName + ")" : id;
                if (!ShouldProcess("Permission configuration " + label, "Delete", Force)) continue;
                var outcome = Await(Service.DeleteAsync(Zone, id, CancelToken));
                if (outcome.Succeeded) WriteVerbose("Deleted permission configuration " + label + ".");
                else WriteItemError(outcome.Error!, id);
            }
        }
    }
}

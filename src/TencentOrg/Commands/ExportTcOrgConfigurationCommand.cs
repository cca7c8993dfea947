using System;
using System.Linq;
using System.Management.Automation;
using TencentOrg.Services.Configuration;

namespace TencentOrg
{
    /// <summary>
    /// Export-TcOrgConfiguration: the organization's access as a desired-state file (identities and their policies,
    /// member grants, CIC role assignments, with IDs and names), written canonically so two exports diff cleanly.
    /// Without -Path, the entries are emitted.
    /// </summary>
    [Cmdlet(VerbsData.Export, "TcOrgConfiguration")]
    [OutputType(typeof(ConfigurationIdentity), typeof(ConfigurationMemberAuthIdentity), typeof(ConfigurationRoleAssignment))]
    public sealed class ExportTcOrgConfigurationCommand : ConfigurationCmdlet
    {
        /// <summary>The JSON file to write (replaced when it exists).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The sections to read and write; all three by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ConfigurationSection[] Include { get; set; } = ConfigurationService.AllSections;

        protected override void EndProcessing()
        {
            var sections = Include.Distinct().ToList();
            var configuration = AwaitReads(Service.ExportAsync(sections, Zone, CancelToken), Path ?? "");
            if (Path != null)
            {
                string file = FileSystemPath(Path);
                try
                {
                    ConfigurationFile.WriteFile(file, configuration);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "ConfigurationFileNotWritten", ErrorCategory.WriteError, Path));
                }
                WriteVerbose("Wrote " + (configuration.Identities?.Count ?? 0) + " identities, " + (configuration.MemberAuthIdentities?.Count ?? 0)
                    + " member authorizations and " + (configuration.RoleAssignments?.Count ?? 0) + " role assignments to " + file + ".");
                return;
            }
            foreach (var identity in ConfigurationFile.SortIdentities(configuration.Identities ?? Enumerable.Empty<ConfigurationIdentity>())) WriteObject(identity);
            foreach (var grant in ConfigurationFile.SortGrants(configuration.MemberAuthIdentities ?? Enumerable.Empty<ConfigurationMemberAuthIdentity>())) WriteObject(grant);
            foreach (var assignment in ConfigurationFile.SortAssignments(configuration.RoleAssignments ?? Enumerable.Empty<ConfigurationRoleAssignment>())) WriteObject(assignment);
        }
    }
}

using System;
using System.Collections.Generic;
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
    [OutputType(typeof(ConfigurationIdentity), typeof(ConfigurationMemberAuthIdentity), typeof(ConfigurationRoleAssignment),
        typeof(ConfigurationUser), typeof(ConfigurationGroup), typeof(ConfigurationRoleConfiguration))]
    public sealed class ExportTcOrgConfigurationCommand : ConfigurationCmdlet
    {
        /// <summary>The JSON file to write: written beside it first, then renamed over it (a failed export leaves the old file); missing folders are created.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The sections to read and write; all six by default (Identities, MemberAuthIdentities, RoleAssignments, Users, Groups, RoleConfigurations).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ConfigurationSection[] Include { get; set; } = ConfigurationService.AllSections;

        /// <summary>Only the role assignments of these users or groups; the file's PruneScope then owns only them.</summary>
        [Parameter]
        [ValidatePrincipalId]
        [ValidateNotNullOrEmpty]
        public string[]? PrincipalId { get; set; }

        /// <summary>Only the role assignments on these accounts; the file's PruneScope then owns only them.</summary>
        [Parameter]
        [ValidateUin]
        [ValidateNotNullOrEmpty]
        public long[]? TargetUin { get; set; }

        /// <summary>Only the role assignments of these permission configurations; the file's PruneScope then owns only them.</summary>
        [Parameter]
        [ValidateRoleConfigurationId]
        [ValidateNotNullOrEmpty]
        public string[]? RoleConfigurationId { get; set; }

        protected override void EndProcessing()
        {
            var filter = ExportFilter.Of(PrincipalId, TargetUin, RoleConfigurationId);
            var sections = Include.Distinct().ToList();
            if (filter != null)
            {
                // The filters select role assignments: a filtered export holds that section only.
                if (MyInvocation.BoundParameters.ContainsKey(nameof(Include)) && sections.Any(s => s != ConfigurationSection.RoleAssignments))
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-PrincipalId, -TargetUin and -RoleConfigurationId select role assignments; "
                        + "use them with -Include RoleAssignments (or without -Include)."), "ExportFilterNeedsRoleAssignments", ErrorCategory.InvalidArgument, Include));
                sections = new List<ConfigurationSection> { ConfigurationSection.RoleAssignments };
            }
            var configuration = Configuration.AwaitReads(Configuration.Service.ExportAsync(sections, Configuration.Zone, CancelToken, filter), Path ?? "");
            if (Path != null)
            {
                string file = Configuration.FileSystemPath(Path);
                try
                {
                    ConfigurationFile.WriteFile(file, configuration);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "ConfigurationFileNotWritten", ErrorCategory.WriteError, Path));
                }
                WriteVerbose("Wrote " + (configuration.Identities?.Count ?? 0) + " identities, " + (configuration.MemberAuthIdentities?.Count ?? 0)
                    + " member authorizations, " + (configuration.RoleAssignments?.Count ?? 0) + " role assignments, "
                    + (configuration.Users?.Count ?? 0) + " users, " + (configuration.Groups?.Count ?? 0) + " groups and "
                    + (configuration.RoleConfigurations?.Count ?? 0) + " permission configurations to " + file + ".");
                return;
            }
            foreach (var identity in ConfigurationFile.SortIdentities(configuration.Identities ?? Enumerable.Empty<ConfigurationIdentity>())) WriteObject(identity);
            foreach (var grant in ConfigurationFile.SortGrants(configuration.MemberAuthIdentities ?? Enumerable.Empty<ConfigurationMemberAuthIdentity>())) WriteObject(grant);
            foreach (var assignment in ConfigurationFile.SortAssignments(configuration.RoleAssignments ?? Enumerable.Empty<ConfigurationRoleAssignment>())) WriteObject(assignment);
            foreach (var user in ConfigurationFile.SortUsers(configuration.Users ?? Enumerable.Empty<ConfigurationUser>())) WriteObject(user);
            foreach (var group in ConfigurationFile.SortGroups(configuration.Groups ?? Enumerable.Empty<ConfigurationGroup>())) WriteObject(group);
            foreach (var c in ConfigurationFile.SortRoleConfigurations(configuration.RoleConfigurations ?? Enumerable.Empty<ConfigurationRoleConfiguration>())) WriteObject(c);
        }
    }
}

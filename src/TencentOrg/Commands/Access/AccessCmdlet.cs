using System;
using System.Management.Automation;
using TencentOrg.Api;
using TencentOrg.Services.Access;

namespace TencentOrg
{
    /// <summary>
    /// What Get-TcOrgAccess and Export-TcOrgAccessReport share: the filters (each bound by property name from the
    /// matching Get- cmdlet, gathered over the whole pipeline), -IncludeMemberIdentities, -ZoneId, and one read of
    /// the zone at the end.
    /// </summary>
    public abstract class AccessCmdlet : TcOrgCmdlet
    {
        private readonly AccessFilter _filter = new AccessFilter();

        /// <summary>Keep the paths of these users (by name, any case); binds from Get-TcOrgUser.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? UserName { get; set; }

        /// <summary>Keep the paths of these users (by ID); binds from Get-TcOrgUser.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateUserId]
        public string[]? UserId { get; set; }

        /// <summary>Keep the paths through these groups (by name, any case); binds from Get-TcOrgGroup.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? GroupName { get; set; }

        /// <summary>Keep the paths through these groups (by ID); binds from Get-TcOrgGroup.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateGroupId]
        public string[]? GroupId { get; set; }

        /// <summary>Keep the paths to these accounts; binds from Get-TcOrgMember (MemberUin).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MemberUin")]
        [ValidateNotNullOrEmpty]
        [ValidateUin]
        [ExactInteger]
        public long[]? TargetUin { get; set; }

        /// <summary>Keep the paths with these permission configurations; binds from Get-TcRoleConfiguration.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string[]? RoleConfigurationId { get; set; }

        /// <summary>Add the organization side: identities granted to member accounts, with their policies.</summary>
        [Parameter]
        public SwitchParameter IncludeMemberIdentities { get; set; }

        /// <summary>The CIC zone; by default the session's (DescribeIdentityCenter, asked once).</summary>
        [Parameter]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        /// <summary>Gathers this pipeline item's filters; the zone is read once, at the end.</summary>
        protected override void ProcessRecord()
        {
            foreach (var v in UserName ?? Array.Empty<string>()) _filter.UserNames.Add(v);
            foreach (var v in UserId ?? Array.Empty<string>()) _filter.UserIds.Add(v);
            foreach (var v in GroupName ?? Array.Empty<string>()) _filter.GroupNames.Add(v);
            foreach (var v in GroupId ?? Array.Empty<string>()) _filter.GroupIds.Add(v);
            foreach (var v in TargetUin ?? Array.Empty<long>()) _filter.TargetUins.Add(v);
            foreach (var v in RoleConfigurationId ?? Array.Empty<string>()) _filter.RoleConfigurationIds.Add(v);
        }

        /// <summary>Reads and joins the zone; a failed listing ends the command (a partial review would mislead).</summary>
        internal AccessReview Review()
        {
            try
            {
                return Await(new AccessService(Session, Log).ReviewAsync(() => ZoneIdAsync(ZoneId), _filter, IncludeMemberIdentities, CancelToken));
            }
            catch (OrgException error)
            {
                ThrowCommandError(error, ZoneId);
                throw;
            }
        }
    }

    /// <summary>A CIC user ID: u- followed by lowercase letters or digits.</summary>
    internal sealed class ValidateUserIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateUserIdAttribute() : base(Patterns.CicUserId, "a CIC user ID: u- followed by lowercase letters or digits, e.g. u-emuuser00001") { }
    }

    /// <summary>A CIC group ID: g- followed by lowercase letters or digits.</summary>
    internal sealed class ValidateGroupIdAttribute : ValidateIdPatternAttribute
    {
        public ValidateGroupIdAttribute() : base(Patterns.CicGroupId, "a CIC group ID: g- followed by lowercase letters or digits, e.g. g-emugroup0001") { }
    }
}

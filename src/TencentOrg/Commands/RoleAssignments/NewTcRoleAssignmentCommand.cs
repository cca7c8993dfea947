using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Services;

namespace TencentOrg
{
    /// <summary>
    /// New-TcRoleAssignment: CreateRoleAssignment, batched 50 per request. Emits one RoleTask per
    /// assignment; with -Wait, the finished task.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TcRoleAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(RoleTask))]
    public sealed class NewTcRoleAssignmentCommand : TcOrgWaitingCmdlet
    {
        private const string FieldsSet = "Fields";
        private const string InputObjectSet = "InputObject";

        private BatchDispatcher<RoleAssignmentInfo>? _dispatcher;
        private RoleAssignmentService? _service;
        private string? _zoneId;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateZoneId]
        [ArgumentCompleter(typeof(ZoneIdCompleter))]
        public string? ZoneId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRoleConfigurationId]
        [ArgumentCompleter(typeof(RoleConfigurationIdCompleter))]
        public string RoleConfigurationId { get; set; } = "";

        [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("MemberUin", "ManagerUin")]
        [ApiCase("MemberUin", "ManagerUin")]
        public string TargetType { get; set; } = "MemberUin";

        [Parameter(Mandatory = true, ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("MemberUin")]
        [ValidateCount(1, 100000)]
        [ValidateUin]
        [UinElements]
        public long[] TargetUin { get; set; } = new long[0];

        /// <summary>User or Group; inferred from the u-/g- prefix of -PrincipalId when omitted.</summary>
        [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("User", "Group")]
        [ApiCase("User", "Group")]
        public string? PrincipalType { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "GroupId")]
        [ValidateCount(1, 100000)]
        [ValidatePrincipalId]
        [ArgumentCompleter(typeof(PrincipalIdCompleter))]
        public string[] PrincipalId { get; set; } = new string[0];

        // The default set: the binder tries it first, so a piped RoleAssignmentInfo lands here instead of
        // having its null fields bound (and rejected) by property name in the Fields set. Rows from
        // Import-Csv still bind: the field parameters only exist in the Fields set.
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        [RoleAssignmentInfoTransformation]
        public RoleAssignmentInfo InputObject { get; set; } = new RoleAssignmentInfo();

        /// <summary>An assignment that already exists becomes a warning and a finished task (idempotent reruns).</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in Expand())
            {
                if (Refused(RoleAssignments.Problem(item), item)) continue;
                if (!ShouldProcess(item.TargetType + " " + item.TargetUin,
                    "Assign permission configuration " + item.RoleConfigurationId + " to " + item.PrincipalType + " " + item.PrincipalId)) continue;

                if (_dispatcher == null)
                {
                    _service = new RoleAssignmentService(Session, Log);
                    _zoneId = ResolveZoneId(ZoneId);
                    _dispatcher = new BatchDispatcher<RoleAssignmentInfo>(this, RoleAssignmentService.MaxAssignmentsPerCall, SendAsync, CancelToken);
                }
                _dispatcher.Add(item);
            }
        }

        protected override void EndProcessing()
        {
            _dispatcher?.Complete();
            WaitForHeldTasks(TimeoutSec);
        }

        private IEnumerable<RoleAssignmentInfo> Expand() => ParameterSetName == InputObjectSet
            ? new[] { RoleAssignments.Normalize(InputObject) }
            : RoleAssignments.Expand(RoleConfigurationId, TargetType, UinArguments.Take(this, TargetUin, nameof(TargetUin)), PrincipalType,
                UinArguments.Distinct(this, PrincipalId, nameof(PrincipalId)));

        private async Task SendAsync(List<RoleAssignmentInfo> batch, CancellationToken ct) =>
            await PostTasksAsync(_zoneId!, batch, await _service!.CreateAsync(_zoneId!, batch, SkipExisting, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }
}

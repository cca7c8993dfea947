using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.RoleAssignments
{
    public class NewTcRoleAssignmentTests : CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.TaskFailures.Add(new TaskFailureRule { TargetUin = 100000000009, FailureReason = "Role quota reached on 100000000009." });
        }

        [Fact]
        public void Pipeline_of_120_rows_goes_out_as_50_50_20_with_one_task_each()
        {
            var result = Run(@"
$rows = foreach ($u in 1..20) { foreach ($m in 1..6) {
    [pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = 100000000000 + $m; PrincipalId = 'u-emuuser{0:d5}' -f $u; PrincipalType = 'User' } } }
$rows | New-TcRoleAssignment -ZoneId z-emulator0001").AssertSuccess();
            Assert.Equal(120, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("TencentOrg.RoleTask", t.TypeNames[0]));
            Assert.Equal(120, result.Output.Select(t => (string)Prop(t, "TaskId")!).Distinct().Count());
            Assert.Equal(new[] { 20, 50, 50 }, BatchSizes("CreateRoleAssignment", "RoleAssignmentInfo"));
            Assert.Equal(120, Emulator.State.RoleAssignments.Count);
            Assert.Empty(Sent("DescribeIdentityCenter"));
        }

        [Fact]
        public void Fields_expand_to_every_principal_and_target_and_infer_PrincipalType()
        {
            var result = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig002 -PrincipalId u-emuuser00001,g-emugroup0001 -TargetUin 100000000001,100000000002").AssertSuccess();
            Assert.Equal(4, result.Output.Count);
            var items = JsonDocument.Parse(Assert.Single(Sent("CreateRoleAssignment")).Body).RootElement.GetProperty("RoleAssignmentInfo").EnumerateArray().ToList();
            Assert.Equal(4, items.Count);
            Assert.Equal(2, items.Count(i => i.GetProperty("PrincipalType").GetString() == "Group" && i.GetProperty("PrincipalId").GetString() == "g-emugroup0001"));
            Assert.All(items, i => Assert.Equal("MemberUin", i.GetProperty("TargetType").GetString()));
        }

        [Fact]
        public void InputObject_RoleAssignmentInfo_from_the_pipeline()
        {
            var result = Run("[TencentOrg.RoleAssignmentInfo]@{ RoleConfigurationId = 'rc-emuconfig003'; TargetUin = 100000000005; PrincipalId = 'g-emugroup0002' } | New-TcRoleAssignment -ZoneId z-emulator0001").AssertSuccess();
            var task = Assert.Single(result.Output);
            Assert.Equal("g-emugroup0002", Prop(task, "PrincipalId"));
            Assert.Equal("Group", Prop(task, "PrincipalType"));
            Assert.Single(Emulator.State.RoleAssignments, a => a.RoleConfigurationId == "rc-emuconfig003" && a.TargetUin == 100000000005);
        }

        [Fact]
        public void Existing_assignment_is_one_error_with_that_assignment_as_target()
        {
            Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00003 -TargetUin 100000000002").AssertSuccess();
            var result = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00003 -TargetUin 100000000001,100000000002,100000000003");
            Assert.Equal(new long[] { 100000000001, 100000000003 }, result.Output.Select(t => (long)Prop(t, "TargetUin")!).OrderBy(u => u));
            var error = Assert.Single(result.Errors);
            Assert.Equal("FailedOperation.RoleConfigurationAuthorizationAlreadyExist,TencentOrg.NewTcRoleAssignmentCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal(100000000002L, PSObject.AsPSObject(error.TargetObject).Properties["TargetUin"].Value);
            Assert.Contains("RequestId", error.Exception.Message);
        }

        [Fact]
        public void Wait_emits_finished_tasks_and_a_failed_task_as_an_error_with_its_reason()
        {
            var result = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000008,100000000009,100000000010 -Wait");
            Assert.Equal(2, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            var error = Assert.Single(result.Errors);
            Assert.Equal("TaskFailed,TencentOrg.NewTcRoleAssignmentCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("Role quota reached on 100000000009.", error.Exception.Message);
            var failed = PSObject.AsPSObject(error.TargetObject);
            Assert.Equal("Failed", failed.Properties["Status"].Value);
            Assert.Equal("Role quota reached on 100000000009.", failed.Properties["FailureReason"].Value);
        }

        [Theory]
        [InlineData("-ZoneId z-bad -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001", "CIC zone ID")]
        [InlineData("-ZoneId Z-EMULATOR0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001", "CIC zone ID")]
        [InlineData("-RoleConfigurationId cfg-1 -PrincipalId u-emuuser00001 -TargetUin 100000000001", "permission configuration ID")]
        [InlineData("-RoleConfigurationId rc-emuconfig001 -PrincipalId x-emuuser00001 -TargetUin 100000000001", "user ID (u-...) or group ID (g-...)")]
        [InlineData("-RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 0", "UIN")]
        [InlineData("-RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -PrincipalType Robot", "User,Group")]
        [InlineData("-RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -TargetType Folder", "MemberUin,ManagerUin")]
        public void Invalid_parameters_send_nothing(string arguments, string message) =>
            AssertRejected(Run("New-TcRoleAssignment " + arguments), message);

        [Fact]
        public void Invalid_InputObject_items_are_rejected_per_item_before_any_request()
        {
            var result = Run(@"
[TencentOrg.RoleAssignmentInfo]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = 100000000001; PrincipalId = 'u-emuuser00001'; PrincipalType = 'Group' },
[TencentOrg.RoleAssignmentInfo]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = -1; PrincipalId = 'u-emuuser00001' } | New-TcRoleAssignment -ZoneId z-emulator0001");
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("InvalidArgument,TencentOrg.NewTcRoleAssignmentCommand", e.FullyQualifiedErrorId));
            Assert.Contains("does not match", result.Errors[0].Exception.Message);
            Assert.Equal(0, Emulator.Requests.Count);
        }
    }
}

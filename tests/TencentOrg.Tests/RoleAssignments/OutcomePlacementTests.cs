using System.Linq;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.RoleAssignments
{
    /// <summary>
    /// The service reports a batch's outcomes in its own order (-SkipExisting: the existing ones first); the output still
    /// follows the input (TcOrgWaitingCmdlet.PostTasksAsync places each outcome by its input).
    /// </summary>
    public class OutcomePlacementTests : CmdletTestBase
    {
        private const string Assign = "New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001";

        [Fact]
        public void Output_follows_the_input_when_the_existing_assignment_is_reported_first()
        {
            Run(Assign + " -TargetUin 100000000002").AssertSuccess();
            var result = Run(Assign + " -TargetUin 100000000001,100000000002,100000000003 -SkipExisting").AssertSuccess();
            Assert.Equal(new long?[] { 100000000001, 100000000002, 100000000003 }, result.Output.Select(t => (long?)Prop(t, "TargetUin")).ToArray());
            Assert.Single(result.Warnings, w => w.Contains("already exists"));
        }

        [Fact]
        public void Waited_output_follows_the_input_when_the_existing_assignment_is_reported_first()
        {
            Run(Assign + " -TargetUin 100000000002").AssertSuccess();
            var result = Run(Assign + " -TargetUin 100000000001,100000000002,100000000003 -SkipExisting -Wait").AssertSuccess();
            Assert.Equal(new long?[] { 100000000001, 100000000002, 100000000003 }, result.Output.Select(t => (long?)Prop(t, "TargetUin")).ToArray());
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
        }
    }
}

using System.Linq;
using TencentOrg.Emulator;
using Xunit;

// Not "TencentOrg.Tests.Directory": that name would hide System.IO.Directory in every test namespace.
namespace TencentOrg.Tests.DirectoryDomain
{
    /// <summary>Get-TcIdentityCenter, Get-TcRoleConfiguration, Get-TcOrgUser, Get-TcOrgGroup.</summary>
    public class DirectoryCmdletTests : Module.CmdletTestBase
    {
        // Retries are not the point here; without them an injected failure surfaces at once.
        protected override string ConnectArguments => base.ConnectArguments + " -MaxRetries 0";

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.GeneratedUserCount = 250;
            options.GeneratedGroupCount = 120;
        }

        [Fact]
        public void Identity_center_describes_the_zone()
        {
            var result = Run("Get-TcIdentityCenter").AssertSuccess();
            var center = Assert.Single(result.Output);
            Assert.Equal("TencentOrg.IdentityCenter", center.TypeNames[0]);
            Assert.Equal("z-emulator0001", Prop(center, "ZoneId"));
            Assert.Equal("Enabled", Prop(center, "ServiceStatus"));

            // The zone is remembered: the next CIC command does not ask again.
            Run("Get-TcRoleConfiguration").AssertSuccess();
            Assert.Equal(1, SentCount("DescribeIdentityCenter"));
        }

        [Fact]
        public void Role_configurations_listed_filtered_and_by_id()
        {
            var all = Run("Get-TcRoleConfiguration").AssertSuccess();
            Assert.Equal(new object?[] { "rc-emuconfig001", "rc-emuconfig002", "rc-emuconfig003", "rc-emuconfig004" },
                all.Output.Select(o => Prop(o, "RoleConfigurationId")).ToArray());

            var filtered = Run("Get-TcRoleConfiguration -Filter readonly").AssertSuccess();
            Assert.Equal("ReadOnlyAccess", Prop(Assert.Single(filtered.Output), "RoleConfigurationName"));

            var byId = Run("'rc-emuconfig001', 'rc-emuconfig003' | Get-TcRoleConfiguration").AssertSuccess();
            Assert.Equal(2, byId.Output.Count);
            Assert.Equal(2, SentCount("GetRoleConfiguration"));
        }

        [Fact]
        public void Role_configuration_unknown_id_is_an_error_and_the_rest_goes_on()
        {
            var result = Run("Get-TcRoleConfiguration -RoleConfigurationId rc-nosuchconfig, rc-emuconfig002");
            Assert.Equal("rc-nosuchconfig", SingleError(result, "InvalidParameter.RoleConfigurationNotExist", "GetTcRoleConfigurationCommand").TargetObject);
            Assert.Single(result.Output);
        }

        [Fact]
        public void Users_every_page_First_and_Filter()
        {
            var all = Run("Get-TcOrgUser").AssertSuccess();
            Assert.Equal(250, all.Output.Count);
            Assert.Equal("TencentOrg.OrgUser", all.Output[0].TypeNames[0]);
            Assert.Equal(3, SentCount("ListUsers"));

            Emulator.Requests.Clear();
            Assert.Equal(150, Run("Get-TcOrgUser -First 150").AssertSuccess().Output.Count);
            Assert.Equal(2, SentCount("ListUsers"));

            var one = Run("Get-TcOrgUser -Filter user00001").AssertSuccess();
            Assert.Equal("u-emuuser00001", Prop(Assert.Single(one.Output), "UserId"));
        }

        [Fact]
        public void Paging_is_the_standard_SupportsPaging_trio_Skip_First_IncludeTotalCount()
        {
            var page = Run("Get-TcOrgUser -Skip 2 -First 3").AssertSuccess();
            Assert.Equal(new[] { "u-emuuser00003", "u-emuuser00004", "u-emuuser00005" }, page.Output.Select(o => (string)Prop(o, "UserId")!));

            var counted = Run("Get-TcOrgUser -IncludeTotalCount").AssertSuccess();
            Assert.Equal(251, counted.Output.Count);
            Assert.Contains(counted.Output, o => o.BaseObject is not OrgUser && System.Convert.ToUInt64(o.BaseObject) == 250);
            Assert.True((bool)Run("(Get-Command Get-TcOrgIdentity).Parameters.ContainsKey('IncludeTotalCount')").AssertSuccess().Output.Single().BaseObject);
        }

        [Fact]
        public void Users_table_view_shows_ids_and_names()
        {
            var table = Run("Get-TcOrgUser -First 2 | Out-Default").AssertSuccess();
            Assert.Contains("UserId", table.HostText);
            Assert.Contains("u-emuuser00002", table.HostText);
            // Email is the last, unbounded column: at 80 columns it may wrap onto the next line, but whole.
            Assert.Contains("user00001@emulator.example", System.Text.RegularExpressions.Regex.Replace(table.HostText, @"\s", ""));
        }

        [Fact]
        public void Groups_every_page_and_filter()
        {
            var all = Run("Get-TcOrgGroup").AssertSuccess();
            Assert.Equal(120, all.Output.Count);
            Assert.Equal(2, SentCount("ListGroups"));
            Assert.Equal("TencentOrg.OrgGroup", all.Output[0].TypeNames[0]);

            string name = (string)Prop(all.Output[4], "GroupName")!;
            var filtered = Run("Get-TcOrgGroup -Filter 'GroupName eq " + name + "'").AssertSuccess();
            Assert.Equal(Prop(all.Output[4], "GroupId"), Prop(Assert.Single(filtered.Output), "GroupId"));
        }

        [Fact]
        public void Unknown_zone_is_an_error_with_the_service_code()
        {
            var result = Run("Get-TcOrgUser -ZoneId z-000000000000");
            Assert.Equal("z-000000000000", SingleError(result, "FailedOperation.ZoneIdNotExist", "GetTcOrgUserCommand").TargetObject);
        }
    
        [Theory]
        [InlineData("Get-TcOrgGroup -ZoneId z-000000000000", "GetTcOrgGroupCommand")]
        [InlineData("Get-TcRoleConfiguration -ZoneId z-000000000000", "GetTcRoleConfigurationCommand")]
        [InlineData("Get-TcRoleAssignment -ZoneId z-000000000000", "GetTcRoleAssignmentCommand")]
        [InlineData("Get-TcRoleProvisioning -ZoneId z-000000000000", "GetTcRoleProvisioningCommand")]
        public void Every_CIC_listing_reports_an_unknown_zone_with_the_service_code(string script, string cmdletType)
        {
            var result = Run(script);
            Assert.Equal("z-000000000000", SingleError(result, "FailedOperation.ZoneIdNotExist", cmdletType).TargetObject);
        }

        [Fact]
        public void Identity_center_failure_is_an_error_with_the_service_code()
        {
            Emulator.Faults.Add(new FaultRule { Action = "DescribeIdentityCenter", Kind = FaultKind.InternalError });
            var result = Run("Get-TcIdentityCenter");
            Assert.Equal("DescribeIdentityCenter", SingleError(result, "InternalError", "GetTcIdentityCenterCommand").TargetObject);
            Assert.Empty(result.Output);
        }
    }
}

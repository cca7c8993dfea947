using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.OrganizationIdentities
{
    public class NewTcOrgIdentityTests : CmdletTestBase
    {
        private const string Rows = @"
$rows = foreach ($i in 1..5) { [pscustomobject]@{ Name = ""Ops$i""; Policy = '1:AdministratorAccess'; Description = ""team $i"" } }
";

        [Fact]
        public void Csv_rows_bind_by_property_name_and_emit_OrgIdentity()
        {
            var result = Run(Rows + "$rows | New-TcOrgIdentity").AssertSuccess();
            Assert.Equal(5, result.Output.Count);
            var first = result.Output.Single(o => (string?)Prop(o, "Name") == "Ops1");
            Assert.Equal("TencentOrg.OrgIdentity", first.TypeNames[0]);
            Assert.True((long)Prop(first, "IdentityId")! >= 101);
            Assert.Equal("team 1", Prop(first, "Description"));
            Assert.False(string.IsNullOrEmpty((string?)Prop(first, "RequestId")));
            var policy = Assert.Single(((System.Collections.IEnumerable)Prop(first, "Policies")!).Cast<object>());
            Assert.Equal("1:AdministratorAccess", policy.ToString());
            Assert.Equal(5, Emulator.State.Identities.Count(i => i.IdentityAliasName.StartsWith("Ops")));
        }

        [Fact]
        public void IdentityAliasName_column_binds_to_Name()
        {
            Run("[pscustomobject]@{ IdentityAliasName = 'FromAlias'; Policy = '2:ReadOnlyAccess' } | New-TcOrgIdentity").AssertSuccess();
            var body = JsonDocument.Parse(Assert.Single(Sent("CreateOrganizationIdentity")).Body).RootElement;
            Assert.Equal("FromAlias", body.GetProperty("IdentityAliasName").GetString());
        }

        [Fact]
        public void Policies_from_objects_hashtables_strings_and_custom_documents()
        {
            Run(@"
New-TcOrgIdentity -Name A -Policy ([TencentOrg.IdentityPolicy]::new('2:ReadOnlyAccess'))
New-TcOrgIdentity -Name B -Policy @{PolicyId=1; PolicyName='AdministratorAccess'}, @{PolicyId=5; PolicyName='QcloudCVMFullAccess'}
New-TcOrgIdentity -Name C -Policy '1:AdministratorAccess;2:ReadOnlyAccess'
New-TcOrgIdentity -Name D -Policy @{PolicyType=1; PolicyName='cos-read'; PolicyDocument='{""version"":""2.0"",""statement"":[{""effect"":""allow"",""action"":[""cos:GetObject""],""resource"":[""*""]}]}'}
").AssertSuccess();
            var bodies = Sent("CreateOrganizationIdentity").Select(r => JsonDocument.Parse(r.Body).RootElement)
                .ToDictionary(b => b.GetProperty("IdentityAliasName").GetString()!, b => b.GetProperty("IdentityPolicy"));
            Assert.Equal(2, bodies["A"][0].GetProperty("PolicyId").GetInt64());
            Assert.Equal(new long[] { 1, 5 }, bodies["B"].EnumerateArray().Select(p => p.GetProperty("PolicyId").GetInt64()));
            Assert.Equal(new[] { "AdministratorAccess", "ReadOnlyAccess" }, bodies["C"].EnumerateArray().Select(p => p.GetProperty("PolicyName").GetString()));
            Assert.Equal(1, bodies["D"][0].GetProperty("PolicyType").GetInt64());
            Assert.Contains("cos:GetObject", bodies["D"][0].GetProperty("PolicyDocument").GetString());
        }

        [Fact]
        public void Name_in_use_is_one_error_for_that_row_and_the_others_are_created()
        {
            Run("New-TcOrgIdentity -Name Ops3 -Policy '1:AdministratorAccess'").AssertSuccess();
            Emulator.Requests.Clear();

            var result = Run(Rows + "$rows | New-TcOrgIdentity");
            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "Ops1", "Ops2", "Ops4", "Ops5" }, result.Output.Select(o => (string)Prop(o, "Name")!).OrderBy(n => n));
            var error = Assert.Single(result.Errors);
            Assert.Equal("FailedOperation.OrganizationIdentityNameUsed,TencentOrg.NewTcOrgIdentityCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal("Ops3", error.TargetObject);
            var failed = Sent("CreateOrganizationIdentity").Single(r => r.ErrorCode != null);
            Assert.Contains(failed.RequestId!, error.Exception.Message);
        }

        [Fact]
        public void ErrorAction_Stop_terminates_with_the_Tencent_code()
        {
            Run("New-TcOrgIdentity -Name Ops1 -Policy '1:AdministratorAccess'").AssertSuccess();
            var result = Run(Rows + "$rows | New-TcOrgIdentity -ErrorAction Stop");
            var stop = Assert.IsType<ActionPreferenceStopException>(result.Terminating);
            Assert.Equal("FailedOperation.OrganizationIdentityNameUsed,TencentOrg.NewTcOrgIdentityCommand", stop.ErrorRecord.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("-Name X -Policy 'AdministratorAccess'", "PolicyId:PolicyName")]
        [InlineData("-Name X -Policy @{PolicyType=1}", "PolicyDocument")]
        [InlineData("-Name X -Policy @{PolicyType=1; PolicyDocument='not json'}", "not valid JSON")]
        [InlineData("-Name X -Policy @{Colour='red'}", "unknown key")]
        [InlineData("-Name \"a`tb\" -Policy '1:AdministratorAccess'", "Name")]
        public void Invalid_input_sends_nothing(string arguments, string message)
        {
            var result = Run("New-TcOrgIdentity " + arguments);
            Assert.True(result.Terminating != null || result.Errors.Count > 0);
            Assert.Contains(message, result.AllText());
            Assert.Equal(0, Emulator.Requests.Count);
        }
    }
}

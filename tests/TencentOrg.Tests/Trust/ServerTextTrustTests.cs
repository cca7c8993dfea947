using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 21 item 5: no control sequence from a server reaches a record; a not-found decided by the module says so in its own words.</summary>
    public class ServerTextTrustTests
    {
        // ESC [31m (colour), OSC 52 (clipboard write) ended by BEL, ESC [2J (clear screen), a C1 CSI, a line separator and a bidi override.
        private const string Hostile =
            "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter\\u001b[31m\",\"Message\":\"bad\\u0007 \\u001b]52;c;ZXZpbA==\\u0007 input\\u001b[2J\\u009b1m\\u2028\\u202e\"},"
            + "\"RequestId\":\"req-\\u001b[8m-1\\u0007\"}}";

        private static bool HasUnsafe(string? text) =>
            text != null && text.Any(c => char.IsControl(c) && c != '\n' && c != '\r' || c == '\u2028' || c == '\u202e');

        [Fact]
        public async Task Control_sequences_in_a_server_error_code_message_and_RequestId_are_escaped_in_every_part_of_the_record()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = (_, _, ctx) => HostileFront.Json(ctx, Hostile);

            var result = env.Run("Get-TcOrgIdentity -IdentityId 101; New-TcOrgIdentity -Name Colourful -Policy '2:ReadOnlyAccess'");

            Assert.Equal(2, result.Errors.Count);
            foreach (var error in result.Errors)
            {
                Assert.False(HasUnsafe(error.FullyQualifiedErrorId), error.FullyQualifiedErrorId);
                Assert.False(HasUnsafe(error.Exception.Message), error.Exception.Message);
                Assert.False(HasUnsafe(error.ErrorDetails?.Message));
                Assert.False(HasUnsafe(error.ToString()));
                Assert.StartsWith("InvalidParameter\\x1B[31m,", error.FullyQualifiedErrorId);
                Assert.Contains("req-\\x1B[8m-1\\x07", error.Exception.Message);
                Assert.Contains("\\x1B]52;c;", error.Exception.Message);
            }
            Assert.False(HasUnsafe(result.AllText()));
        }

        [Fact]
        public async Task A_name_no_listing_returned_is_ObjectNotFound_in_the_module_words_without_a_service_code_or_RequestId()
        {
            await using var env = await HostileEnv.StartAsync();

            var result = env.Run("Get-TcOrgIdentity -Name doesnotexist; Get-TcOrgIdentity -IdentityId 987654; Set-TcOrgIdentity -IdentityId 987654 -Description x");

            Assert.Equal(3, result.Errors.Count);
            foreach (var error in result.Errors)
            {
                Assert.StartsWith("ObjectNotFound,", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
                Assert.Contains("was not found", error.Exception.Message);
                Assert.DoesNotContain("ResourceNotFound", error.ToString());
                Assert.DoesNotContain("RequestId", error.ToString());
                Assert.DoesNotContain("failed:", error.ToString());
            }
        }

        [Fact]
        public async Task A_GetRoleConfiguration_answer_about_another_configuration_is_an_error_naming_both_not_that_configuration()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = (action, _, ctx) => action == "GetRoleConfiguration"
                ? HostileFront.Json(ctx, "{\"Response\":{\"RoleConfigurationInfo\":{\"RoleConfigurationId\":\"rc-other000001\",\"RoleConfigurationName\":\"other\"},\"RequestId\":\"req-1\"}}")
                : Task.FromResult(false);

            var result = env.Run("Get-TcRoleConfiguration -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001, rc-emuconfig002");

            Assert.Empty(result.Output);
            Assert.Equal(2, result.Errors.Count);
            Assert.Contains("asked for rc-emuconfig001 and answered with rc-other000001", result.Errors[0].Exception.Message);
            Assert.Contains("asked for rc-emuconfig002 and answered with rc-other000001", result.Errors[1].Exception.Message);
        }
    }
}

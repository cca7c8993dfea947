using TencentOrg.Api;
using Xunit;

namespace TencentOrg.Tests.DirectoryDomain
{
    /// <summary>CreateUser's initial password never reaches the -Debug trace, however the body is written or cut.</summary>
    public class PasswordRedactionTests
    {
        [Theory]
        [InlineData("{\"Response\":{\"UserInfo\":{\"UserId\":\"u-1\",\"Password\":\"d893nd8!@HK&\"},\"RequestId\":\"r\"}}", "d893nd8!@HK&")]
        [InlineData("{\"Response\":{\"UserInfo\":{\"Password\" : \"a\\\"b\\\\c\"}}}", "a\\\"b")]
        [InlineData("{\"Response\":{\"UserInfo\":{\"Password\":\"unterminated-secret", "unterminated-secret")]
        public void Password_values_are_redacted(string body, string secret)
        {
            string redacted = HttpTrace.RedactBody(body);
            Assert.DoesNotContain(secret, redacted);
            Assert.Contains("\"Password\"", redacted);
            Assert.Contains("<redacted>", redacted);
        }

        [Fact]
        public void Bodies_without_a_password_are_left_alone()
        {
            const string body = "{\"Response\":{\"UserInfo\":{\"UserName\":\"Password\"},\"RequestId\":\"r\"}}";
            Assert.Equal(body, HttpTrace.RedactBody(body));
        }
    }
}

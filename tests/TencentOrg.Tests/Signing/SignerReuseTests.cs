using System.Linq;
using System.Text;
using System.Threading.Tasks;
using TencentOrg.Api;
using Xunit;

namespace TencentOrg.Tests.Signing
{
    /// <summary>
    /// The signer reuses per-thread hash instances and buffers (docs/performance.md): signatures from many
    /// threads and interleaved keys must equal those of a fresh signer, and the lazily built texts must
    /// describe the request as it was when signed.
    /// </summary>
    public class SignerReuseTests
    {
        private static Tc3Request Request(int i) => new Tc3Request
        {
            Host = "organization.tencentcloudapi.com",
            Payload = Encoding.UTF8.GetBytes("{\"Index\":" + i + "}"),
            Timestamp = 1700000000 + i * 3600,
        };

        [Fact]
        public void Interleaved_keys_and_threads_give_the_fresh_signer_result()
        {
            var expected = Enumerable.Range(0, 200)
                .Select(i => new Tc3Signer("AKID" + (i % 3), "key" + (i % 3)).Sign(Request(i)).Authorization).ToArray();
            var signers = Enumerable.Range(0, 3).Select(k => new Tc3Signer("AKID" + k, "key" + k)).ToArray();
            var actual = new string[expected.Length];
            Parallel.For(0, expected.Length * 5, n =>
            {
                int i = n % expected.Length;
                actual[i] = signers[i % 3].Sign(Request(i)).Authorization;
            });
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Texts_describe_the_request_as_signed()
        {
            var signer = new Tc3Signer("AKIDEXAMPLE", "key");
            var request = Request(1);
            var signature = signer.Sign(request);
            string canonical = Tc3Signer.CanonicalRequest(request);
            request.Host = "changed.example.com";
            request.Payload = new byte[] { 1, 2, 3 };
            signer.Sign(Request(2));
            Assert.Equal(canonical, signature.CanonicalRequest);
            Assert.EndsWith("\n" + Tc3Signer.Sha256Hex(Encoding.UTF8.GetBytes(canonical)), signature.StringToSign);
            Assert.StartsWith("TC3-HMAC-SHA256\n1700003600\n", signature.StringToSign);
        }
    }
}

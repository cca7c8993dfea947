using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TencentOrg.Api;
using Xunit;

namespace TencentOrg.Tests.Signing
{
    /// <summary>The signer against signatures computed by the official SDK (spec §9), byte for byte.</summary>
    public class SignerVectorTests
    {
        public static IEnumerable<object[]> Vectors()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "sign-vectors.json")));
            foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
                yield return new object[] { v.GetProperty("name").GetString()! };
        }

        private static JsonElement Vector(string name)
        {
            var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "sign-vectors.json")));
            return doc.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        }

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Reproduces_official_sdk_vector(string name)
        {
            var v = Vector(name);
            var signer = new Tc3Signer(v.GetProperty("secretId").GetString()!, v.GetProperty("secretKey").GetString()!);
            var result = signer.Sign(new Tc3Request
            {
                Method = v.GetProperty("httpMethod").GetString()!,
                Host = v.GetProperty("host").GetString()!,
                Service = v.GetProperty("service").GetString()!,
                ContentType = v.GetProperty("contentType").GetString()!,
                QueryString = v.GetProperty("queryString").GetString()!,
                Payload = Convert.FromHexString(v.GetProperty("payloadUtf8Hex").GetString()!),
                Timestamp = v.GetProperty("timestamp").GetInt64(),
            });

            Assert.Equal(v.GetProperty("date").GetString(), result.Date);
            Assert.Equal(v.GetProperty("canonicalRequest").GetString(), result.CanonicalRequest);
            Assert.Equal(v.GetProperty("stringToSign").GetString(), result.StringToSign);
            Assert.Equal(v.GetProperty("signature").GetString(), result.Signature);
            Assert.Equal(v.GetProperty("authorization").GetString(), result.Authorization);
        }

        [Fact]
        public void Scope_date_is_utc_not_local()
        {
            // 1551113065 is 2019-02-26 00:44:25 in UTC+8 but 2019-02-25 in UTC.
            Assert.Equal("2019-02-25", Tc3Signer.UtcDate(1551113065));
            Assert.Equal("2024-12-31", Tc3Signer.UtcDate(1735689599));
            Assert.Equal("2025-01-01", Tc3Signer.UtcDate(1735689600));
        }

        [Fact]
        public void Authorization_has_one_space_after_algorithm()
        {
            var result = new Tc3Signer("AKIDEXAMPLE", "key").Sign(new Tc3Request { Host = "organization.tencentcloudapi.com", Timestamp = 1700000000 });
            Assert.StartsWith("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/organization/tc3_request, SignedHeaders=content-type;host, Signature=", result.Authorization);
            Assert.DoesNotContain("  ", result.Authorization);
        }

        [Fact]
        public void Cached_signing_key_follows_the_date()
        {
            // One signer across midnight and back must sign exactly as a new signer (which derives the key for
            // that date) does; a signer that kept the first day's key would differ on the second day.
            var signer = new Tc3Signer("AKIDEXAMPLE", "key");
            var lastSecond = new Tc3Request { Host = "h", Timestamp = 1735689599 };
            var nextDay = new Tc3Request { Host = "h", Timestamp = 1735689600 };
            string SignedByNewSigner(Tc3Request r) => new Tc3Signer("AKIDEXAMPLE", "key").Sign(r).Signature;

            Assert.Equal(SignedByNewSigner(lastSecond), signer.Sign(lastSecond).Signature);
            Assert.Equal(SignedByNewSigner(nextDay), signer.Sign(nextDay).Signature);
            Assert.Equal(SignedByNewSigner(lastSecond), signer.Sign(lastSecond).Signature);
        }

        [Fact]
        public void Signer_text_never_contains_the_key()
        {
            var signer = new Tc3Signer("AKIDEXAMPLE", "TopSecretKeyValue");
            Assert.DoesNotContain("TopSecretKeyValue", signer.ToString());
            var sig = signer.Sign(new Tc3Request { Host = "h", Timestamp = 1 });
            Assert.DoesNotContain("TopSecretKeyValue", sig.Authorization + sig.CanonicalRequest + sig.StringToSign);
        }
    }
}

using System;
using System.Linq;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TencentOrg.Api;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>One TC3-HMAC-SHA256 signature of a 1 KB body (derived key cached, as in steady use).</summary>
    [MemoryDiagnoser]
    public class SigningBenchmarks
    {
        private Tc3Signer _signer = null!;
        private Tc3Request _request = null!;

        [GlobalSetup]
        public void Setup()
        {
            _signer = new Tc3Signer("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLEKEY");
            var body = new byte[1024];
            new Random(42).NextBytes(body);
            for (int i = 0; i < body.Length; i++) body[i] = (byte)('a' + body[i] % 26);
            _request = new Tc3Request
            {
                Host = "organization.tencentcloudapi.com",
                ContentType = "application/json",
                Payload = body,
                Timestamp = 1700000000,
            };
            _signer.Sign(_request);
        }

        [Benchmark(Description = "Tc3Signer.Sign 1KB")]
        public string Sign() => _signer.Sign(_request).Authorization;

        /// <summary>Floor: the SHA-256 of the payload alone, which any signature must compute.</summary>
        [Benchmark(Description = "SHA256 of 1KB (floor)")]
        public byte[] Sha256Only() => SHA256.HashData(_request.Payload);
    }

    internal static class SigningBench
    {
        public static void Run(Results results)
        {
            var job = (Quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance).WithId(Quick ? "Dry" : "ShortRun");
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddLogger(ConsoleLogger.Default)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);
            var summary = BenchmarkRunner.Run<SigningBenchmarks>(config);
            var sign = summary.Reports.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SigningBenchmarks.Sign));
            var floor = summary.Reports.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SigningBenchmarks.Sha256Only));
            double ns = sign.ResultStatistics?.Mean ?? double.NaN;
            double floorNs = floor.ResultStatistics?.Mean ?? double.NaN;
            long bytes = sign.GcStats.GetBytesAllocatedPerOperation(sign.BenchmarkCase) ?? -1;
            results.Add("Sign 1 KB body (BenchmarkDotNet " + job.Id + ")", F(ns / 1000, 2) + " us/op, " + bytes + " B/op (SHA-256 of body alone " + F(floorNs / 1000, 2) + " us)",
                "< 5 us, allocation-light", ns < 5000);
        }
    }
}

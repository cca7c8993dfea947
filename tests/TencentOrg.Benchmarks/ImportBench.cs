using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Import-Module of out/TencentOrg against the floor, an empty netstandard2.0 binary module with one cmdlet.
    /// Cold: the first import in a fresh process (a child of this exe per sample; only the Import-Module call is
    /// timed, after the runspace is open). Warm: a fresh runspace in this already-warm process.
    /// </summary>
    internal static class ImportBench
    {
        public static int Child(string manifest)
        {
            using var runspace = BenchEnvironment.OpenRunspace();
            var sw = Stopwatch.StartNew();
            BenchEnvironment.ImportOrThrow(runspace, manifest);
            sw.Stop();
            Console.WriteLine("IMPORT_MS " + sw.Elapsed.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture));
            return 0;
        }

        public static void Run(Results results)
        {
            string module = BenchEnvironment.ModuleManifest;
            string empty = BenchEnvironment.EmptyModuleManifest;
            string emptyWithFormat = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(empty)!, "EmptyModuleWithFormat.psd1");
            int coldRuns = Quick ? 3 : 9;
            int warmRuns = Quick ? 5 : 25;

            var coldModule = new List<double>();
            var coldEmpty = new List<double>();
            var coldFormat = new List<double>();
            for (int i = 0; i < coldRuns; i++)
            {
                // Interleaved, so machine noise hits both alike.
                coldEmpty.Add(ColdOnce(empty));
                coldModule.Add(ColdOnce(module));
                coldFormat.Add(ColdOnce(emptyWithFormat));
            }

            var warmModule = new List<double>();
            var warmEmpty = new List<double>();
            var warmFormat = new List<double>();
            WarmOnce(empty);
            WarmOnce(module);
            WarmOnce(emptyWithFormat);
            for (int i = 0; i < warmRuns; i++)
            {
                warmEmpty.Add(WarmOnce(empty));
                warmModule.Add(WarmOnce(module));
                warmFormat.Add(WarmOnce(emptyWithFormat));
            }

            // The same cold measurement with the engine JIT-compiled (the IL-only NuGet build of System.Management.Automation).
            string? jitChild = Environment.GetEnvironmentVariable("TENCENTORG_BENCH_JIT_CHILD");
            var jitModule = new List<double>();
            var jitEmpty = new List<double>();
            if (!string.IsNullOrEmpty(jitChild))
            {
                for (int i = 0; i < coldRuns; i++)
                {
                    jitEmpty.Add(ColdOnce(empty, jitChild));
                    jitModule.Add(ColdOnce(module, jitChild));
                }
            }

            double cm = Median(coldModule), ce = Median(coldEmpty), wm = Median(warmModule), we = Median(warmEmpty);
            double cf = Median(coldFormat), wf = Median(warmFormat);
            Console.WriteLine("   cold module samples ms: " + string.Join(" ", coldModule.Select(v => F(v))));
            Console.WriteLine("   cold floor  samples ms: " + string.Join(" ", coldEmpty.Select(v => F(v))));
            results.Add("Engine assemblies in this run", EngineKind(typeof(System.Management.Automation.PowerShell).Assembly.Location), "info", null);
            results.Add("Import cold (median of " + coldRuns + " fresh processes)", F(cm) + " ms (floor " + F(ce) + " ms)", "< 150 ms", cm < 150);
            results.Add("Import cold / floor", F(cm / ce, 2) + "x", "<= 1.5x", cm / ce <= 1.5);
            results.Add("Import warm (median of " + warmRuns + " fresh runspaces)", F(wm) + " ms (floor " + F(we) + " ms)", "info", null);
            results.Add("Import warm / floor", F(wm / we, 2) + "x", "<= 1.5x", wm / we <= 1.5);
            results.Add("Import floor + empty format file: cold / warm", F(cf) + " ms / " + F(wf) + " ms (module/this: cold " + F(cm / cf, 2) + "x, warm " + F(wm / wf, 2) + "x)",
                "info: cost of any format data", null);
            if (jitModule.Count > 0)
            {
                double jm = Median(jitModule), je = Median(jitEmpty);
                results.Add("Import cold, engine JIT-compiled (IL-only NuGet System.Management.Automation)",
                    F(jm) + " ms (floor " + F(je) + " ms) = " + F(jm / je, 2) + "x", "info", null);
            }
        }

        private static double ColdOnce(string manifest, string? childDll = null)
        {
            var psi = SelfStartInfo("--import-child", manifest);
            if (childDll != null)
            {
                psi = new ProcessStartInfo("dotnet") { UseShellExecute = false };
                psi.ArgumentList.Add(childDll);
                psi.ArgumentList.Add("--import-child");
                psi.ArgumentList.Add(manifest);
            }
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            using var child = Process.Start(psi)!;
            string stdout = child.StandardOutput.ReadToEnd();
            string stderr = child.StandardError.ReadToEnd();
            child.WaitForExit();
            var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("IMPORT_MS ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("import child failed (exit " + child.ExitCode + "): " + stdout + stderr);
            return double.Parse(line.Substring(10).Trim(), CultureInfo.InvariantCulture);
        }

        /// <summary>Whether an assembly carries precompiled (ReadyToRun) code, as the assemblies of a pwsh release do.</summary>
        internal static string EngineKind(string assemblyPath)
        {
            try
            {
                using var stream = System.IO.File.OpenRead(assemblyPath);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                bool r2r = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
                return r2r ? "System.Management.Automation ReadyToRun, as in a pwsh release" : "System.Management.Automation IL-only, JIT-compiled";
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
            {
                return "unknown";
            }
        }

        private static double WarmOnce(string manifest)
        {
            using var runspace = BenchEnvironment.OpenRunspace();
            var sw = Stopwatch.StartNew();
            BenchEnvironment.ImportOrThrow(runspace, manifest);
            return sw.Elapsed.TotalMilliseconds;
        }
    }
}

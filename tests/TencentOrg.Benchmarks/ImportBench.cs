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

            double cm = Median(coldModule), ce = Median(coldEmpty), wm = Median(warmModule), we = Median(warmEmpty);
            double cf = Median(coldFormat), wf = Median(warmFormat);
            Console.WriteLine("   cold module samples ms: " + string.Join(" ", coldModule.Select(v => F(v))));
            Console.WriteLine("   cold floor  samples ms: " + string.Join(" ", coldEmpty.Select(v => F(v))));
            results.Add("Import cold (median of " + coldRuns + " fresh processes)", F(cm) + " ms (floor " + F(ce) + " ms)", "< 150 ms", cm < 150);
            results.Add("Import cold / floor", F(cm / ce, 2) + "x", "<= 1.5x", cm / ce <= 1.5);
            results.Add("Import warm (median of " + warmRuns + " fresh runspaces)", F(wm) + " ms (floor " + F(we) + " ms)", "info", null);
            results.Add("Import warm / floor", F(wm / we, 2) + "x", "<= 1.5x", wm / we <= 1.5);
            results.Add("Import floor + empty format file: cold / warm", F(cf) + " ms / " + F(wf) + " ms (module/this: cold " + F(cm / cf, 2) + "x, warm " + F(wm / wf, 2) + "x)",
                "info: cost of any format data", null);
        }

        private static double ColdOnce(string manifest)
        {
            var psi = SelfStartInfo("--import-child", manifest);
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

        private static double WarmOnce(string manifest)
        {
            using var runspace = BenchEnvironment.OpenRunspace();
            var sw = Stopwatch.StartNew();
            BenchEnvironment.ImportOrThrow(runspace, manifest);
            return sw.Elapsed.TotalMilliseconds;
        }
    }
}

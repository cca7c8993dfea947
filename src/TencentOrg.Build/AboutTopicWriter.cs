#nullable enable
// Compiled by RoslynCodeTaskFactory (Help.targets): turns docs/about_*.md into the plain-text about_ topic
// format Get-Help prints (TOPIC, headings in capitals, text indented four spaces, wrapped at 80 columns), so
// a console never shows Markdown marks.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ConvertMarkdownToAboutTopic : Task
{
    [Required] public ITaskItem[] Markdown { get; set; } = new ITaskItem[0];
    [Required] public string OutputDirectory { get; set; } = "";

    private const int Width = 80;
    private const string Indent = "    ";

    public override bool Execute()
    {
        Directory.CreateDirectory(OutputDirectory);
        foreach (var item in Markdown)
        {
            string path = item.GetMetadata("FullPath");
            string name = Path.GetFileNameWithoutExtension(path);
            string text = Convert(name, File.ReadAllLines(path));
            // UTF-8 with a BOM: Windows PowerShell 5.1 reads help text files without one as ANSI.
            File.WriteAllText(Path.Combine(OutputDirectory, name + ".help.txt"), text, new UTF8Encoding(true));
            Log.LogMessage(MessageImportance.Normal, "Wrote " + name + ".help.txt");
        }
        return !Log.HasLoggedErrors;
    }

    public static string Convert(string topic, string[] lines)
    {
        var output = new List<string> { "TOPIC", Indent + topic };
        var paragraph = new List<string>();

        void FlushParagraph()
        {
            if (paragraph.Count == 0) return;
            string joined = string.Join(" ", paragraph.Select(l => l.Trim()));
            paragraph.Clear();
            bool listItem = joined.StartsWith("- ", StringComparison.Ordinal) || joined.StartsWith("* ", StringComparison.Ordinal);
            if (listItem) output.AddRange(Wrap(Inline(joined.Substring(2)), Indent + "- ", Indent + "  "));
            else output.AddRange(Wrap(Inline(joined), Indent, Indent));
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                FlushParagraph();
                Blank(output);
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                    output.Add(lines[i].Length == 0 ? "" : Indent + Indent + lines[i].TrimEnd());
                Blank(output);
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal)) continue; // the title is the TOPIC
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                FlushParagraph();
                Blank(output);
                output.Add(Inline(line.TrimStart('#').Trim()).ToUpperInvariant());
                continue;
            }
            if (line.TrimStart().StartsWith("|", StringComparison.Ordinal))
            {
                FlushParagraph();
                var rows = new List<string[]>();
                for (; i < lines.Length && lines[i].TrimStart().StartsWith("|", StringComparison.Ordinal); i++)
                {
                    var cells = lines[i].Trim().Trim('|').Split('|').Select(c => Inline(c.Trim())).ToArray();
                    if (cells.All(c => Regex.IsMatch(c, @"^:?-+:?$"))) continue; // the |---| separator
                    rows.Add(cells);
                }
                i--;
                Blank(output);
                output.AddRange(Table(rows));
                Blank(output);
                continue;
            }
            if (line.Trim().Length == 0)
            {
                FlushParagraph();
                Blank(output);
                continue;
            }
            string trimmed = line.Trim();
            if ((trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal)) && paragraph.Count > 0)
                FlushParagraph();
            paragraph.Add(trimmed);
        }
        FlushParagraph();
        while (output.Count > 0 && output[output.Count - 1].Length == 0) output.RemoveAt(output.Count - 1);
        return string.Join(Environment.NewLine, output) + Environment.NewLine;
    }

    private static void Blank(List<string> output)
    {
        if (output.Count > 0 && output[output.Count - 1].Length != 0) output.Add("");
    }

    /// <summary>Code marks, emphasis and links mean nothing in a console: keep the words (and a link's address).</summary>
    private static string Inline(string text)
    {
        text = Regex.Replace(text, @"\[([^\]]+)\]\(([^)]+)\)", m => m.Groups[2].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? m.Groups[1].Value + " (" + m.Groups[2].Value + ")" : m.Groups[1].Value);
        text = Regex.Replace(text, @"`([^`]*)`", "$1");
        text = Regex.Replace(text, @"\*\*([^*]+)\*\*|__([^_]+)__", m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        text = Regex.Replace(text, @"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", "$1");
        return text;
    }

    private static IEnumerable<string> Wrap(string text, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        bool empty = true;
        foreach (string word in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width - 1)
            {
                yield return line.ToString();
                line.Clear().Append(nextIndent);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        if (!empty) yield return line.ToString();
    }

    private static IEnumerable<string> Table(List<string[]> rows)
    {
        int columns = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        for (int r = 0; r < rows.Count; r++)
        {
            yield return (Indent + string.Join("  ", rows[r].Select((cell, c) => c == rows[r].Length - 1 ? cell : cell.PadRight(widths[c])))).TrimEnd();
            if (r == 0 && rows.Count > 1) yield return Indent + string.Join("  ", widths.Select(w => new string('-', w)));
        }
    }
}

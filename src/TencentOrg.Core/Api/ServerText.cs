using System.Text;

namespace TencentOrg.Api
{
    /// <summary>
    /// Text that came from a server (or any untrusted source) made safe to show: control characters (C0, C1: ESC, BEL,
    /// CSI, OSC...), line and paragraph separators and bidirectional overrides are written as \xNN / \uNNNN, so no
    /// answer can move the cursor, recolour, retitle or write the clipboard of the terminal that shows an error.
    /// </summary>
    internal static class ServerText
    {
        /// <summary>The text with every unsafe character escaped; null stays null.</summary>
        public static string? Clean(string? text)
        {
            if (text == null) return null;
            int i = 0;
            while (i < text.Length && !IsUnsafe(text[i])) i++;
            if (i == text.Length) return text;
            var clean = new StringBuilder(text.Length + 16);
            clean.Append(text, 0, i);
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (!IsUnsafe(c)) clean.Append(c);
                else if (c <= 0xFF) clean.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                else clean.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            return clean.ToString();
        }

        /// <summary>A control character, a line/paragraph separator or a bidirectional override.</summary>
        public static bool IsUnsafe(char c) =>
            char.IsControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}

using System.Net;
using System.Text.Encodings.Web;

namespace ReproBundle.Site;

/// <summary>
/// The HTML encoder the site's templates render with (§7 site): the escapes the string-built pages used before
/// (<see cref="WebUtility.HtmlEncode(string?)"/>: &amp; &lt; &gt; " ' as entities, U+00A0-U+00FF and characters outside the
/// basic plane as numeric entities, everything else as is), so a value reads the same in every page whichever way it was
/// written, and the pages keep their bytes.
/// </summary>
internal sealed class SiteHtmlEncoder : HtmlEncoder
{
    /// <summary>The one instance.</summary>
    public static readonly SiteHtmlEncoder Instance = new();

    private SiteHtmlEncoder()
    {
    }

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => "&#1114111;".Length;

    /// <inheritdoc/>
    public override string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <inheritdoc/>
    public override void Encode(TextWriter output, string value, int startIndex, int characterCount) =>
        WebUtility.HtmlEncode(value.Substring(startIndex, characterCount), output);

    /// <inheritdoc/>
    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        WebUtility.HtmlEncode(new string(value, startIndex, characterCount), output);

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is '<' or '>' or '"' or '&' or '\'' or (>= 0xA0 and <= 0xFF) or > 0xFFFF;

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (WillEncode(c) || char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var text = unicodeScalar <= 0xFFFF ? ((char)unicodeScalar).ToString() : char.ConvertFromUtf32(unicodeScalar);
        var encoded = WebUtility.HtmlEncode(text);
        numberOfCharactersWritten = 0;
        if (encoded.Length > bufferLength) return false;
        for (var i = 0; i < encoded.Length; i++) buffer[i] = encoded[i];
        numberOfCharactersWritten = encoded.Length;
        return true;
    }
}

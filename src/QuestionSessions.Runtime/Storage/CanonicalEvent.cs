using System.Globalization;
using System.Text;

namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// The bytes of an event that its hash covers.
/// </summary>
/// <remarks>
/// Invariant (changing any of this breaks every stored chain; a new layout needs a new tag):
/// <code>
/// canonical = field("qs-event/1") field(stream_id) field(version) field(type)
///             field(recorded_at) field(data) field(metadata)
/// field(s)  = decimal byte length of UTF-8(s) ":" UTF-8(s) ","        (a netstring)
/// version     = invariant decimal, no sign, no padding ("1", "42")
/// recorded_at = UTC "yyyy-MM-ddTHH:mm:ss.ffffffZ" (exactly 6 fractional digits)
/// </code>
/// The length prefixes make the encoding unambiguous: no choice of field values can make two
/// different events produce the same bytes. UTF-8 is strict, so text that cannot be stored as
/// UTF-8 (a lone surrogate) is rejected before anything is written.
/// </remarks>
internal static class CanonicalEvent
{
    private const string Tag = "qs-event/1";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string FormatTime(DateTimeOffset recordedAt) =>
        recordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static byte[] Encode(string streamId, long version, string type, DateTimeOffset recordedAt, string data, string metadata)
    {
        string[] fields =
        [
            Tag,
            streamId,
            version.ToString(CultureInfo.InvariantCulture),
            type,
            FormatTime(recordedAt),
            data,
            metadata,
        ];

        var length = 0;
        foreach (var field in fields)
        {
            var byteCount = StrictUtf8.GetByteCount(field);
            length += DigitCount(byteCount) + 1 + byteCount + 1;
        }

        var buffer = new byte[length];
        var offset = 0;
        foreach (var field in fields)
        {
            var byteCount = StrictUtf8.GetByteCount(field);
            offset += Encoding.ASCII.GetBytes(byteCount.ToString(CultureInfo.InvariantCulture), buffer.AsSpan(offset));
            buffer[offset++] = (byte)':';
            offset += StrictUtf8.GetBytes(field, buffer.AsSpan(offset));
            buffer[offset++] = (byte)',';
        }

        return buffer;
    }

    private static int DigitCount(int value) => value.ToString(CultureInfo.InvariantCulture).Length;
}

package dev.lamina.codec.metadata;

import dev.lamina.model.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little XMP handling the codecs need: where each format keeps the packet (XMP Specification
 * Part 3, 2020: JPEG APP1 after the namespace {@code http://ns.adobe.com/xap/1.0/} and a zero byte;
 * PNG iTXt with the keyword {@code XML:com.adobe.xmp}, uncompressed so packet scanners find it) and
 * the packet to write. The packet is carried as bytes, not parsed; the one value brought in line
 * with the pixels is {@code tiff:Orientation}, for the reason {@link ExifBlock} patches EXIF's: an
 * image turned upright on load must not be turned again by a viewer that reads XMP. The digit is
 * replaced in place, so the packet keeps its length and its padding.
 */
public final class XmpPacket {
    /** The PNG iTXt keyword of an XMP packet. */
    public static final String PNG_KEYWORD = "XML:com.adobe.xmp";
    /** What starts a JPEG APP1 segment that holds an XMP packet: the namespace and a zero byte. */
    public static final byte[] JPEG_NAMESPACE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    /**
     * The largest packet one JPEG APP1 segment holds: 65535 minus the length field and the
     * namespace. A larger packet would need XMP's extended form (several segments tied by a digest
     * of the whole); Lamina writes none, and leaves such a packet out of a JPEG.
     */
    public static final int MAX_JPEG_PACKET = 65535 - 2 - JPEG_NAMESPACE.length;

    /** {@code tiff:Orientation="6"} (attribute form) or {@code <tiff:Orientation>6</...>} (element form). */
    private static final Pattern ORIENTATION = Pattern.compile(
            "tiff:Orientation\\s*=\\s*[\"']([1-8])[\"']|<tiff:Orientation>\\s*([1-8])\\s*</tiff:Orientation>");

    private XmpPacket() {
    }

    /** The packet an encoder writes for {@code m}: its XMP with the orientation made {@code m}'s, or null. */
    public static byte[] forWriting(Metadata m) {
        byte[] packet = m.xmp();
        if (packet == null) {
            return null;
        }
        // ISO-8859-1 maps every byte to one char and back, so offsets are byte offsets and a UTF-8
        // packet passes through unchanged whatever it holds.
        String text = new String(packet, StandardCharsets.ISO_8859_1);
        Matcher matcher = ORIENTATION.matcher(text);
        byte[] out = null;
        char digit = (char) ('0' + m.orientation());
        while (matcher.find()) {
            int group = matcher.group(1) != null ? 1 : 2;
            int at = matcher.start(group);
            if (text.charAt(at) != digit) {
                if (out == null) {
                    out = packet.clone();
                }
                out[at] = (byte) digit;
            }
        }
        return out == null ? packet : out;
    }
}

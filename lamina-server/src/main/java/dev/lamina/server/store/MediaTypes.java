package dev.lamina.server.store;

/**
 * The media type of encoded image bytes, by their signature, for Content-Type on download. Which
 * formats are accepted is the engine's decision (it opens what it can decode and says which it
 * cannot); this only labels them.
 */
final class MediaTypes {
    private MediaTypes() {
    }

    static String sniff(byte[] head, int length) {
        if (starts(head, length, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (length >= 12 && starts(head, length, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
                && head[11] == 'P') {
            return "image/webp";
        }
        if (starts(head, length, 'I', 'I', 42, 0) || starts(head, length, 'M', 'M', 0, 42)) {
            return "image/tiff";
        }
        return "application/octet-stream";
    }

    private static boolean starts(byte[] head, int length, int... sig) {
        if (length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((head[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}

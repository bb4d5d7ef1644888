package dev.lamina.codec.webp.lossless;

/** Per-channel arithmetic on packed ARGB pixels (alpha in the top byte), modulo 256 per channel. */
final class Argb {
    private Argb() {
    }

    static int add(int a, int b) {
        int ag = (a & 0xff00ff00) + (b & 0xff00ff00);
        int rb = (a & 0x00ff00ff) + (b & 0x00ff00ff);
        return (ag & 0xff00ff00) | (rb & 0x00ff00ff);
    }

    static int subtract(int a, int b) {
        // the borrow of each channel is absorbed by the ones placed in the byte below it (libwebp's VP8LSubPixels)
        int ag = 0x00ff00ff + (a & 0xff00ff00) - (b & 0xff00ff00);
        int rb = 0xff00ff00 + (a & 0x00ff00ff) - (b & 0x00ff00ff);
        return (ag & 0xff00ff00) | (rb & 0x00ff00ff);
    }
}

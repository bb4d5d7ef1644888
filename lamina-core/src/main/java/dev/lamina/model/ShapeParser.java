package dev.lamina.model;

/**
 * SVG path data ({@code d}) to a {@link Shape}, following the grammar of SVG 1.1 (section 8.3.9)
 * and the implicit rules around it: a command letter followed by one or more sets of arguments,
 * numbers separated by whitespace and/or one comma (or by nothing where the next number starts
 * with a sign or a second point), repeated argument sets meaning the same command again (after a
 * move, a line), arc flags as single digits. Unlike a browser, which draws the data up to the
 * first error, Lamina refuses data with an error and says where it is.
 */
final class ShapeParser {
    private final String d;
    private int pos;

    private ShapeParser(String d) {
        this.d = d;
    }

    static Shape parse(String d) {
        return new ShapeParser(d).run();
    }

    private Shape run() {
        Shape.Builder b = Shape.builder();
        skipSpace();
        if (pos == d.length()) {
            return b.build();
        }
        char first = d.charAt(pos);
        if (first != 'M' && first != 'm') {
            throw error("must start with a move (M or m), not '" + first + "'");
        }
        // current point, subpath start, and the last control point for S/T reflection
        double cx = 0, cy = 0;
        double lastCtrlX = 0, lastCtrlY = 0;
        char previous = ' ';
        while (pos < d.length()) {
            char cmd = d.charAt(pos);
            if (!isCommand(cmd)) {
                throw error("expected a command letter, found '" + cmd + "'");
            }
            pos++;
            boolean rel = Character.isLowerCase(cmd);
            char op = Character.toUpperCase(cmd);
            if (op == 'Z') {
                b.close();
                cx = b.currentX();
                cy = b.currentY();
                previous = 'Z';
                skipSpace();
                continue;
            }
            boolean firstSet = true;
            do {
                double ox = rel ? cx : 0, oy = rel ? cy : 0;
                switch (op) {
                    case 'M' -> {
                        double x = ox + number(), y = oy + number();
                        if (firstSet) {
                            b.moveTo(x, y);
                        } else {
                            b.lineTo(x, y);   // further pairs after a move are lines
                        }
                        cx = x;
                        cy = y;
                    }
                    case 'L' -> {
                        cx = ox + number();
                        cy = oy + number();
                        b.lineTo(cx, cy);
                    }
                    case 'H' -> {
                        cx = ox + number();
                        b.lineTo(cx, cy);
                    }
                    case 'V' -> {
                        cy = oy + number();
                        b.lineTo(cx, cy);
                    }
                    case 'C' -> {
                        double x1 = ox + number(), y1 = oy + number(), x2 = ox + number(), y2 = oy + number();
                        double x = ox + number(), y = oy + number();
                        b.cubicTo(x1, y1, x2, y2, x, y);
                        lastCtrlX = x2;
                        lastCtrlY = y2;
                        cx = x;
                        cy = y;
                    }
                    case 'S' -> {
                        boolean follows = previous == 'C' || previous == 'S';
                        double x1 = follows ? 2 * cx - lastCtrlX : cx, y1 = follows ? 2 * cy - lastCtrlY : cy;
                        double x2 = ox + number(), y2 = oy + number(), x = ox + number(), y = oy + number();
                        b.cubicTo(x1, y1, x2, y2, x, y);
                        lastCtrlX = x2;
                        lastCtrlY = y2;
                        cx = x;
                        cy = y;
                    }
                    case 'Q' -> {
                        double x1 = ox + number(), y1 = oy + number(), x = ox + number(), y = oy + number();
                        b.quadTo(x1, y1, x, y);
                        lastCtrlX = x1;
                        lastCtrlY = y1;
                        cx = x;
                        cy = y;
                    }
                    case 'T' -> {
                        boolean follows = previous == 'Q' || previous == 'T';
                        double x1 = follows ? 2 * cx - lastCtrlX : cx, y1 = follows ? 2 * cy - lastCtrlY : cy;
                        double x = ox + number(), y = oy + number();
                        b.quadTo(x1, y1, x, y);
                        lastCtrlX = x1;
                        lastCtrlY = y1;
                        cx = x;
                        cy = y;
                    }
                    case 'A' -> {
                        double rx = number(), ry = number(), rotation = number();
                        boolean large = flag(), sweep = flag();
                        double x = ox + number(), y = oy + number();
                        b.arcTo(rx, ry, rotation, large, sweep, x, y);
                        cx = x;
                        cy = y;
                    }
                    default -> throw new AssertionError(op);
                }
                previous = op;
                firstSet = false;
                skipSpace();
            } while (startsArguments());
        }
        return b.build();
    }

    private static boolean isCommand(char c) {
        return "MmLlHhVvCcSsQqTtAaZz".indexOf(c) >= 0;
    }

    /** Whether another argument set follows (the separator after the last number is already read). */
    private boolean startsArguments() {
        if (pos >= d.length()) {
            return false;
        }
        char c = d.charAt(pos);
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
    }

    /** Reads a number and the separator after it. */
    private double number() {
        skipSpace();
        int start = pos;
        int p = pos;
        if (p < d.length() && (d.charAt(p) == '+' || d.charAt(p) == '-')) {
            p++;
        }
        int digits = 0;
        while (p < d.length() && Character.isDigit(d.charAt(p))) {
            p++;
            digits++;
        }
        if (p < d.length() && d.charAt(p) == '.') {
            p++;
            while (p < d.length() && Character.isDigit(d.charAt(p))) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            throw error(pos < d.length() ? "expected a number, found '" + d.charAt(pos) + "'"
                    : "expected a number, the data ended");
        }
        if (p < d.length() && (d.charAt(p) == 'e' || d.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < d.length() && (d.charAt(q) == '+' || d.charAt(q) == '-')) {
                q++;
            }
            int expDigits = 0;
            while (q < d.length() && Character.isDigit(d.charAt(q))) {
                q++;
                expDigits++;
            }
            if (expDigits == 0) {
                pos = p;
                throw error("an exponent without digits");
            }
            p = q;
        }
        double v = Double.parseDouble(d.substring(start, p));
        if (!Double.isFinite(v)) {
            pos = start;
            throw error("the number " + d.substring(start, p) + " is too large");
        }
        pos = p;
        skipSeparator();
        return v;
    }

    /** An arc flag: the single character 0 or 1, then the separator. */
    private boolean flag() {
        skipSpace();
        if (pos >= d.length() || (d.charAt(pos) != '0' && d.charAt(pos) != '1')) {
            throw error(pos < d.length() ? "expected an arc flag (0 or 1), found '" + d.charAt(pos) + "'"
                    : "expected an arc flag (0 or 1), the data ended");
        }
        boolean f = d.charAt(pos++) == '1';
        skipSeparator();
        return f;
    }

    private void skipSeparator() {
        skipSpace();
        skipComma();
    }

    private void skipComma() {
        if (pos < d.length() && d.charAt(pos) == ',') {
            pos++;
            skipSpace();
        }
    }

    private void skipSpace() {
        while (pos < d.length() && isSpace(d.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** An error at the current position: 1-based, with the text around it. */
    private LaminaException error(String problem) {
        int from = Math.max(0, pos - 12), to = Math.min(d.length(), pos + 12);
        String around = (from > 0 ? "..." : "") + d.substring(from, to) + (to < d.length() ? "..." : "");
        return LaminaException.badInput("path data: " + problem + " at position " + (pos + 1) + " (\"" + around + "\")");
    }
}

package dev.lamina.text;

import dev.lamina.model.LaminaException;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the layout can set without a shaping engine: characters of scripts whose glyphs follow
 * one another left to right, one glyph per character. Everything else is refused by name, never
 * drawn wrong: right-to-left and joining scripts (Arabic, Hebrew, Syriac...), scripts whose
 * glyphs reorder or combine (the Indic family, Thai, Khmer, Tibetan...), combining marks that
 * need GPOS mark positioning, and emoji (colour glyphs, sequences joined by ZWJ).
 */
final class Characters {
    /** Scripts set one glyph per character, left to right, with pair kerning as the only adjustment. */
    private static final Set<UnicodeScript> SIMPLE = EnumSet.of(
            UnicodeScript.COMMON, UnicodeScript.LATIN, UnicodeScript.GREEK, UnicodeScript.CYRILLIC,
            UnicodeScript.ARMENIAN, UnicodeScript.GEORGIAN, UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO, UnicodeScript.YI,
            UnicodeScript.CHEROKEE, UnicodeScript.CANADIAN_ABORIGINAL, UnicodeScript.RUNIC,
            UnicodeScript.OGHAM, UnicodeScript.ETHIOPIC, UnicodeScript.BRAILLE);

    private Characters() {
    }

    /**
     * Refuses the first code point the layout cannot set: an {@link LaminaException.Kind#UNSUPPORTED}
     * error for scripts and emoji, {@link LaminaException.Kind#BAD_INPUT} for control characters.
     * Newlines, carriage returns and tabs are the caller's.
     */
    static void check(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp != '\n' && cp != '\r' && cp != '\t') {
                checkOne(cp, i);
            }
            i += Character.charCount(cp);
        }
    }

    private static void checkOne(int cp, int index) {
        if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                || Character.getType(cp) == Character.SURROGATE) {
            throw LaminaException.badInput("text: control character " + name(cp) + " at index " + index
                    + " cannot be drawn (lines break at \\n)");
        }
        if (isEmoji(cp)) {
            throw LaminaException.unsupported("text: " + name(cp) + " at index " + index
                    + " is an emoji; colour emoji and emoji sequences are not yet supported");
        }
        UnicodeScript script = UnicodeScript.of(cp);
        if (script == UnicodeScript.INHERITED || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK) {
            throw LaminaException.unsupported("text: combining mark " + name(cp) + " at index " + index
                    + " needs mark positioning (complex shaping), which is not yet supported; use the precomposed character");
        }
        if (!SIMPLE.contains(script)) {
            throw LaminaException.unsupported("text: " + name(cp) + " at index " + index + " is "
                    + title(script) + " script, which needs complex shaping or right-to-left layout; "
                    + "complex shaping is not yet supported");
        }
    }

    /** Emoji that are drawn as pictures by default, and the joiners, selectors and modifiers of sequences. */
    private static boolean isEmoji(int cp) {
        return Character.isEmojiPresentation(cp) || Character.isEmojiModifier(cp)
                || cp == 0xFE0F || cp == 0x200D || cp == 0x20E3
                || (cp >= 0x1F1E6 && cp <= 0x1F1FF)      // regional indicators (flags)
                || (cp >= 0xE0020 && cp <= 0xE007F);     // tag characters (subdivision flags)
    }

    /** "U+0627 'ا'" (or just the number for characters that do not print). */
    static String name(int cp) {
        String hex = String.format(Locale.ROOT, "U+%04X", cp);
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.FORMAT || !Character.isDefined(cp)) {
            return hex;
        }
        return hex + " '" + new String(Character.toChars(cp)) + "'";
    }

    private static String title(UnicodeScript s) {
        String n = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}

package eu.cloudmarket.scenario;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Numbers in config files are plain decimals. YAML 1.1, which the parser follows, also reads {@code 01000} as octal
 * 512, {@code 0x10} as 16, {@code 0b101} as 5 and {@code 1_000} as 1000; a value that silently means something other
 * than what it looks like is refused, with the plain decimal to write instead (computed from the digits as a reader
 * would take them, so {@code 01000} suggests 1000, not 512).
 */
final class PlainNumbers {
    private static final Pattern PLAIN_WHOLE = Pattern.compile("[-+]?(?:0|[1-9][0-9]*)");
    private static final Pattern LEADING_ZEROS = Pattern.compile("([-+]?)0+([0-9]+)");
    private static final Pattern RADIX = Pattern.compile("([-+]?)0([xXbBoO])([0-9a-fA-F_]+)");

    private PlainNumbers() {
    }

    /** Why {@code text} (read by the parser as a whole number) is not a plain decimal, or null if it is one. */
    static String wholeNumberProblem(String text) {
        if (PLAIN_WHOLE.matcher(text).matches()) {
            return null;
        }
        String digits = text.replace("_", "");
        if (text.contains("_")) {
            return "digit separators ('_') are not allowed in numbers; write " + decimal(digits);
        }
        var zeros = LEADING_ZEROS.matcher(digits);
        if (zeros.matches()) {
            return "leading zeros are not allowed (YAML would read the number as octal); write "
                    + decimal(zeros.group(1) + zeros.group(2));
        }
        var radix = RADIX.matcher(digits);
        if (radix.matches()) {
            String kind = switch (Character.toLowerCase(radix.group(2).charAt(0))) {
                case 'x' -> "hexadecimal";
                case 'b' -> "binary";
                default -> "octal";
            };
            int base = kind.equals("hexadecimal") ? 16 : kind.equals("binary") ? 2 : 8;
            return kind + " numbers are not allowed; write " + decimal(radix.group(1), radix.group(3), base);
        }
        return "not a plain decimal number; write it with the digits 0-9 only";
    }

    /** Why {@code text} (read by the parser as a decimal fraction) is not a plain decimal, or null if it is one. */
    static String decimalProblem(String text) {
        if (text.contains("_")) {
            return "digit separators ('_') are not allowed in numbers; write " + text.replace("_", "");
        }
        if (text.contains(":")) {
            return "base-60 numbers (like 1:20) are not allowed; write the plain decimal value";
        }
        return null;
    }

    private static String decimal(String signedDigits) {
        return new BigInteger(signedDigits.startsWith("+") ? signedDigits.substring(1) : signedDigits).toString();
    }

    private static String decimal(String sign, String digits, int base) {
        try {
            BigInteger v = new BigInteger(digits, base);
            return (sign.equals("-") ? v.negate() : v).toString();
        } catch (NumberFormatException e) {
            return "the plain decimal value";
        }
    }
}

package eu.cloudmarket.scenario;

import java.util.regex.Pattern;

/**
 * Words a YAML syntax error without copying the input. The parser's own messages quote the offending text ("found
 * character '@'", an unknown escape, a tag or anchor name); a config file given by mistake may be a password file or
 * a key, so a message names the file, line and column and says what kind of thing is wrong, never what was written.
 * The parser's names for its own tokens ({@code '<scalar>'}, {@code ','}) and its fixed "while parsing ..." contexts
 * are kept: they are not input.
 */
final class SyntaxMessage {
    /** A parser token name or punctuation it expected, e.g. {@code '<block end>'} or {@code ']'}. */
    private static final Pattern TOKEN = Pattern.compile("<[a-z ]+>|[-,\\[\\]{}?:#!&*|>' ]");
    /** A quoted span in a parser message. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    /** What follows "but found" when it is input (a character) rather than a token name. */
    private static final Pattern FOUND_INPUT = Pattern.compile("(but found:?|but got) (?!'?<)(?!'\\S')\\S.*$");
    /** The parser's fixed contexts, e.g. "while parsing a flow sequence"; anything else is dropped. */
    private static final Pattern CONTEXT = Pattern.compile("while [a-z %-]+");

    private SyntaxMessage() {
    }

    /** The parser's problem (and context, if it is one of the fixed phrases) with no text of the input in it. */
    static String of(String problem, String context) {
        String p = problem == null ? "" : Messages.firstLine(problem);
        String worded = word(p);
        String c = context == null ? "" : Messages.firstLine(context);
        return CONTEXT.matcher(c).matches() ? worded + " (" + c + ")" : worded;
    }

    private static String word(String p) {
        if (p.contains("cannot start any token")) {
            return p.contains("\t") || p.contains("TAB")
                    ? "found a tab character where YAML expects indentation or a value; indent with spaces"
                    : "found a character that cannot start a YAML value (such as @ or `); put the value in quotes";
        }
        if (p.startsWith("found unknown escape character")) {
            return "found an unknown escape sequence in a double-quoted text; use single quotes, or \\\\ for a"
                    + " backslash";
        }
        if (p.contains("tag")) {
            return "found a YAML tag (!name); config files do not use tags";
        }
        if (p.contains("anchor") || p.contains("alias")) {
            return "found a malformed or repeated anchor or alias (&name, *name)";
        }
        String kept = QUOTED.matcher(p).replaceAll(m -> TOKEN.matcher(m.group(1)).matches()
                ? java.util.regex.Matcher.quoteReplacement(m.group()) : "something else");
        kept = FOUND_INPUT.matcher(kept).replaceAll("$1 something else");
        return kept.isBlank() ? "malformed YAML" : kept;
    }
}

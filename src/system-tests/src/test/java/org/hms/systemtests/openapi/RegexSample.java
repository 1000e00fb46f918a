package org.hms.systemtests.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A string matching a regular expression of the kind Bean Validation patterns use: literals,
 * escapes (\d \w \s \S \. \+ ...), classes with ranges, groups, alternation and the quantifiers
 * ? * + {n} {n,m}. Lookarounds and negated classes are not supported (the caller checks the
 * result and gives up when it does not match).
 */
final class RegexSample {

    private interface Node {
        void emit(StringBuilder out, Random random);
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private final String pattern;
    private int at;

    private RegexSample(String pattern) {
        this.pattern = pattern;
    }

    static String of(String pattern, Random random) {
        RegexSample parser = new RegexSample(pattern);
        Node node = parser.alternation();
        StringBuilder out = new StringBuilder();
        node.emit(out, random);
        return out.toString();
    }

    private Node alternation() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (at < pattern.length() && pattern.charAt(at) == '|') {
            at++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0)
                : (out, random) -> options.get(random.nextInt(options.size())).emit(out, random);
    }

    private Node sequence() {
        List<Node> nodes = new ArrayList<>();
        while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
            Node atom = atom();
            nodes.add(quantified(atom));
        }
        return (out, random) -> nodes.forEach(n -> n.emit(out, random));
    }

    private Node atom() {
        char c = pattern.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return (out, random) -> {};
            }
            case '(' -> {
                if (pattern.startsWith("?:", at)) {
                    at += 2;
                }
                Node inner = alternation();
                at++; // ')'
                return inner;
            }
            case '[' -> {
                return chars(charClass());
            }
            case '.' -> {
                return chars(LETTERS);
            }
            case '\\' -> {
                return chars(escape(pattern.charAt(at++)));
            }
            default -> {
                return (out, random) -> out.append(c);
            }
        }
    }

    private static Node chars(String set) {
        return (out, random) -> out.append(set.charAt(random.nextInt(set.length())));
    }

    private static String escape(char c) {
        return switch (c) {
            case 'd' -> DIGITS;
            case 'w' -> LETTERS + DIGITS + "_";
            case 's' -> " ";
            case 'S', 'W', 'D' -> c == 'D' ? LETTERS : "abcXYZ";
            default -> String.valueOf(c);
        };
    }

    private String charClass() {
        StringBuilder set = new StringBuilder();
        boolean first = true;
        while (pattern.charAt(at) != ']' || first) {
            char c = pattern.charAt(at++);
            first = false;
            if (c == '\\') {
                set.append(escape(pattern.charAt(at++)));
            } else if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
                char to = pattern.charAt(at + 1);
                at += 2;
                for (char x = c; x <= to; x++) {
                    set.append(x);
                }
            } else {
                set.append(c);
            }
        }
        at++; // ']'
        return set.toString();
    }

    private Node quantified(Node atom) {
        if (at >= pattern.length()) {
            return atom;
        }
        int min;
        int max;
        char c = pattern.charAt(at);
        if (c == '?') {
            min = 0;
            max = 1;
        } else if (c == '*') {
            min = 0;
            max = 3;
        } else if (c == '+') {
            min = 1;
            max = 3;
        } else if (c == '{') {
            int end = pattern.indexOf('}', at);
            String[] bounds = pattern.substring(at + 1, end).split(",", -1);
            min = Integer.parseInt(bounds[0]);
            max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 3 : Integer.parseInt(bounds[1]);
            at = end;
        } else {
            return atom;
        }
        at++;
        int lo = min;
        int hi = Math.min(max, min + 6);
        return (out, random) -> {
            int n = lo + random.nextInt(hi - lo + 1);
            for (int i = 0; i < n; i++) {
                atom.emit(out, random);
            }
        };
    }
}

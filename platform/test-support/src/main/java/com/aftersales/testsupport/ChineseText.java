package com.aftersales.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text meant for a Chinese reader carries an English sentence. Not a word list: a text fails when, after
 * placeholders, URLs and tags are taken out, it has a run of {@value #MAX_RUN_PLUS_ONE} or more consecutive Latin
 * words joined only by spaces or Latin punctuation (the shape of a phrase or sentence), or two such words one of
 * which is a lower-case word ("by rule", "Survey answered"). Codes (AIR_CONDITIONER,
 * NT-NO-CONSENT, CNY, E1, sha256), units (mm, kg), field names (ticketId) and short technical terms (JSON,
 * Authorization: Bearer) stay allowed: they are single tokens or runs of at most two. Chinese text between words
 * breaks a run.
 */
public final class ChineseText {

    /** A run of this many Latin words is a sentence. */
    public static final int MAX_RUN_PLUS_ONE = 3;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}|<[^<>]*>|https?://\\S+|\\$\\{[^}]*}");
    /** A word: Latin letters (digits, '_', '-', '.' inside allowed, so codes and versions are one token). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z](?:[A-Za-z0-9_./'’-]*[A-Za-z0-9])?");
    /** What may sit between two words of one run: spaces and Latin punctuation, nothing Chinese. */
    private static final Pattern JOINER = Pattern.compile("[\\s,.;:!?()\\[\\]\"/&+]*");

    private ChineseText() {
    }

    /** The English phrases found in the text, empty when it reads as Chinese. */
    public static List<String> englishSentences(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        String stripped = PLACEHOLDER.matcher(text).replaceAll(" ");
        Matcher words = TOKEN.matcher(stripped);
        List<String> run = new ArrayList<>();
        int lastEnd = -1;
        while (words.find()) {
            String word = words.group();
            boolean joined = lastEnd >= 0 && JOINER.matcher(stripped.substring(lastEnd, words.start())).matches();
            if (!joined) {
                flush(run, found);
            }
            if (isProse(word)) {
                run.add(word);
            } else {
                flush(run, found);
            }
            lastEnd = words.end();
        }
        flush(run, found);
        return found;
    }

    /** Whether the text has Chinese characters at all. */
    public static boolean hasChinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** A prose word: lower-case letters, or a capitalised word; not an all-caps code, a camelCase name or a mixed code. */
    private static boolean isProse(String word) {
        if (!word.matches("[A-Za-z]+(['’][a-z]+)?")) {
            return false;
        }
        if (word.length() == 1) {
            return word.equals("a") || word.equals("A") || word.equals("I");
        }
        if (word.equals(word.toUpperCase())) {
            return false;
        }
        return word.substring(1).chars().noneMatch(Character::isUpperCase);
    }

    private static void flush(List<String> run, List<String> found) {
        boolean lowerCaseWord = run.stream().anyMatch(w -> w.length() > 1 && w.equals(w.toLowerCase()));
        if (run.size() >= MAX_RUN_PLUS_ONE || run.size() == 2 && lowerCaseWord) {
            found.add(String.join(" ", run));
        }
        run.clear();
    }
}

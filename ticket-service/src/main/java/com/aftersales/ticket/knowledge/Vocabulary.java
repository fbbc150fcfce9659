package com.aftersales.ticket.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain vocabulary: groups of words customers and articles use for the same thing (不凉, 不制冷, 制冷差,
 * not cooling). A text is read for every group whose words it contains and each group becomes one concept token,
 * indexed next to the words, so "挂机往下滴水" and an article saying "室内机漏水" meet on the concepts
 * {@code AIR_CONDITIONER} and {@code leak-water}. Groups named after a product category code are that category's
 * words; an article of that category carries the concept even when its text does not name the product.
 * <p>
 * Matching is leftmost-longest over the NFKC-normalised, lower-cased text: at each position the longest word of any
 * group wins, so a longer word of one group ("跳闸", "乱跳") is not read as a shorter word of another ("跳"). Latin
 * words match only as whole words ("ac" does not match inside "back").
 */
public final class Vocabulary {

    /** A named group of words that mean the same thing. */
    public record Group(String name, List<String> terms) {
    }

    /** A word of the text read as a group. */
    public record Match(String group, String term) {
    }

    public static final Vocabulary EMPTY = new Vocabulary(List.of());
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʼ`]");

    private final List<Group> groups;
    private final Map<Character, List<Entry>> byFirstChar = new HashMap<>();

    private record Entry(String term, String group, boolean latin) {
    }

    public Vocabulary(Collection<Group> groups) {
        this.groups = List.copyOf(groups);
        for (Group g : groups) {
            for (String raw : g.terms()) {
                String term = normalise(raw).strip();
                if (term.isEmpty()) {
                    continue;
                }
                byFirstChar.computeIfAbsent(term.charAt(0), c -> new ArrayList<>())
                        .add(new Entry(term, g.name(), isLatin(term.charAt(0)) || isLatin(term.charAt(term.length() - 1))));
            }
        }
        // Longest first: the first entry that matches at a position is the longest there.
        byFirstChar.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.term().length(), a.term().length())));
    }

    public List<Group> groups() {
        return groups;
    }

    /**
     * NFKC (full-width Ｅ１ becomes E1), lower case, and no apostrophes (typed ’ or ' or left out, "doesn't" and
     * "doesnt" read the same): how texts are compared.
     */
    public static String normalise(String text) {
        return APOSTROPHES.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }


    /** The groups the text speaks of, each once, in order of first mention, with the word that named it. */
    public List<Match> read(String text) {
        String s = normalise(text);
        List<Match> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int i = 0;
        while (i < s.length()) {
            Entry hit = null;
            List<Entry> candidates = byFirstChar.get(s.charAt(i));
            if (candidates != null) {
                for (Entry e : candidates) {
                    if (s.startsWith(e.term(), i) && (!e.latin() || wholeWord(s, i, e.term().length()))) {
                        hit = e;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            if (seen.add(hit.group())) {
                found.add(new Match(hit.group(), hit.term()));
            }
            i += hit.term().length();
        }
        return found;
    }

    /** The names of the groups the text speaks of. */
    public List<String> concepts(String text) {
        return read(text).stream().map(Match::group).toList();
    }

    private static boolean wholeWord(String s, int start, int length) {
        int end = start + length;
        return (start == 0 || !isLatinOrDigit(s.charAt(start - 1))) && (end >= s.length() || !isLatinOrDigit(s.charAt(end)));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isLatinOrDigit(char c) {
        return isLatin(c) || (c >= 'A' && c <= 'Z');
    }
}

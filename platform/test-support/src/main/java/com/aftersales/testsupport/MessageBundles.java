package com.aftersales.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a module's message bundles: every {@code *_zh.properties} under a resource directory has its English base
 * bundle with exactly the same keys, and no Chinese value carries an English sentence ({@link ChineseText}).
 */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** One bundle pair found. */
    public record Pair(Path english, Path chinese) {
    }

    /** Every Chinese bundle under {@code resources} and its English base. */
    public static List<Pair> pairs(Path resources) {
        try (Stream<Path> files = Files.walk(resources)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_zh.properties")).sorted()
                    .map(zh -> new Pair(zh.resolveSibling(zh.getFileName().toString().replace("_zh.properties", ".properties")), zh))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the bundles under {@code resources}: missing bases, keys in one only, English in Chinese. */
    public static List<String> problems(Path resources) {
        List<String> problems = new ArrayList<>();
        for (Pair pair : pairs(resources)) {
            if (!Files.exists(pair.english())) {
                problems.add(pair.chinese() + ": no English base bundle " + pair.english().getFileName());
                continue;
            }
            Properties english = load(pair.english());
            Properties chinese = load(pair.chinese());
            TreeSet<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
            onlyEnglish.removeAll(chinese.stringPropertyNames());
            TreeSet<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
            onlyChinese.removeAll(english.stringPropertyNames());
            onlyEnglish.forEach(k -> problems.add(pair.chinese().getFileName() + ": missing key " + k));
            onlyChinese.forEach(k -> problems.add(pair.english().getFileName() + ": missing key " + k));
            for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
                List<String> sentences = ChineseText.englishSentences(chinese.getProperty(key));
                if (!sentences.isEmpty()) {
                    problems.add(pair.chinese().getFileName() + ": " + key + " has English " + sentences);
                }
            }
        }
        return problems;
    }

    public static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file); var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

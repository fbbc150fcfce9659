package com.aftersales.contracts.warranty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The warranty terms in force and the product category code list, as data. Immutable and thread-safe.
 * <p>
 * Rules, each named so that decisions can cite them:
 * <ul>
 *   <li>{@value #END_DATE_RULE}: the start day is day 0 and is not counted; a cover of a length ends on the
 *       day with the same number that many days, months or years later (the anniversary day), and that day
 *       is still covered; without such a day (31 January + 1 month) the month's last day is. A 7-day window
 *       from 1 March holds until 8 March; a year from 10 March 2026 until 10 March 2027 inclusive. This is
 *       how periods are counted under PRC Civil Code arts. 201–202, and every service uses it for warranty
 *       cover and the returns windows alike ({@link #lastDay(LocalDate, Period)}).</li>
 *   <li>{@value #START_RULE_PURCHASE} / {@value #START_RULE_INSTALLATION}: cover runs from the purchase date,
 *       or from the installation date where the category's terms say {@link WarrantyStart#INSTALLATION_DATE}
 *       and one is recorded.</li>
 *   <li>{@value #DEFAULT_TERMS}: a category outside the list takes the default terms.</li>
 * </ul>
 * Category codes are upper case; an alias (e.g. {@code PHONE}) is accepted on input and stands for its
 * canonical code ({@code MOBILE_PHONE}).
 */
public final class WarrantyTerms {

    public static final String END_DATE_RULE = "ANNIVERSARY_DAY_INCLUDED";
    public static final String START_RULE_PURCHASE = "STARTS_AT_PURCHASE";
    public static final String START_RULE_INSTALLATION = "STARTS_AT_INSTALLATION";
    public static final String DEFAULT_TERMS = "DEFAULT";
    /** The part code of the whole unit (整机). */
    public static final String UNIT = "UNIT";
    /** Where the terms shipped with the contracts live on the classpath. */
    public static final String BUNDLED_RESOURCE = "/com/aftersales/contracts/warranty/warranty-terms.json";
    static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";

    private static final int DAYS_PER_MONTH = 31;
    private static final int DAYS_PER_YEAR = 366;

    private final String version;
    private final CategoryTerms defaults;
    private final Map<String, CategoryTerms> categories;
    private final Map<String, String> aliases;

    public WarrantyTerms(String version, CategoryTerms defaults, Map<String, CategoryTerms> categories,
                         Map<String, String> aliases) {
        this.version = Objects.requireNonNull(version, "version");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.categories = Collections.unmodifiableMap(new TreeMap<>(categories));
        this.aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
        this.categories.forEach((code, terms) -> {
            if (!code.matches(CODE_PATTERN) || !code.equals(terms.category())) {
                throw new IllegalArgumentException("category code " + code + " must be upper case and match its terms");
            }
        });
        this.aliases.forEach((alias, code) -> {
            if (!alias.matches(CODE_PATTERN)) {
                throw new IllegalArgumentException("alias " + alias + " must be an upper-case code");
            }
            if (!this.categories.containsKey(code)) {
                throw new IllegalArgumentException("alias " + alias + " stands for " + code + ", which is not a listed category");
            }
            if (this.categories.containsKey(alias)) {
                throw new IllegalArgumentException("alias " + alias + " is also a category code");
            }
        });
    }

    /** The terms shipped with this contracts version. */
    public static WarrantyTerms bundled() {
        try (InputStream in = WarrantyTerms.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BUNDLED_RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads terms in the form of {@code warranty-terms.json}: {@code version}, {@code default} ({@code start},
     * {@code length}, {@code parts}), {@code categories} (code → the same), {@code aliases} (alias → code).
     *
     * @throws IllegalArgumentException when the data is malformed or inconsistent
     */
    public static WarrantyTerms parse(InputStream json) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("warranty terms are not valid JSON: " + e.getOriginalMessage(), e);
        }
        String version = text(root, "version");
        CategoryTerms defaults = terms(DEFAULT_TERMS, required(root, "default"));
        Map<String, CategoryTerms> categories = new LinkedHashMap<>();
        JsonNode listed = root.path("categories");
        for (String code : listed.propertyNames()) {
            categories.put(code, terms(code, listed.get(code)));
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        JsonNode aliasNode = root.path("aliases");
        for (String alias : aliasNode.propertyNames()) {
            aliases.put(alias, aliasNode.get(alias).asString());
        }
        return new WarrantyTerms(version, defaults, categories, aliases);
    }

    private static CategoryTerms terms(String code, JsonNode node) {
        WarrantyStart start = node.has("start") ? WarrantyStart.valueOf(node.get("start").asString()) : WarrantyStart.PURCHASE_DATE;
        Map<String, Period> parts = new LinkedHashMap<>();
        JsonNode partNode = node.path("parts");
        for (String part : partNode.propertyNames()) {
            parts.put(part, period(code + ".parts." + part, partNode.get(part).asString()));
        }
        return new CategoryTerms(code, start, period(code + ".length", text(node, "length")), parts);
    }

    private static Period period(String where, String text) {
        try {
            return Period.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " must be an ISO-8601 period such as P1Y, not " + text, e);
        }
    }

    private static JsonNode required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("warranty terms need '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        return required(node, name).asString();
    }

    public String version() {
        return version;
    }

    public CategoryTerms defaults() {
        return defaults;
    }

    /** The category code list with each category's terms, by code. */
    public Map<String, CategoryTerms> categories() {
        return categories;
    }

    /** Accepted alternative codes, alias → canonical code. */
    public Map<String, String> aliases() {
        return aliases;
    }

    public Set<String> codes() {
        return categories.keySet();
    }

    /**
     * The canonical code of a category as a client sent it: trimmed, upper case, an alias replaced by the code it
     * stands for. A code outside the list stays as it is (it takes the default terms); null stays null.
     */
    public String canonical(String category) {
        if (category == null) {
            return null;
        }
        String code = category.trim().toUpperCase(Locale.ROOT);
        return aliases.getOrDefault(code, code);
    }

    public boolean isListed(String category) {
        return categories.containsKey(canonical(category));
    }

    /** The terms of a category (an alias resolved), or the default terms. */
    public CategoryTerms forCategory(String category) {
        CategoryTerms listed = categories.get(canonical(category));
        return listed != null ? listed : defaults;
    }

    /**
     * The unit's cover and its parts' longer cover on {@code on}.
     *
     * @param installationDate null when not recorded
     */
    public WarrantyCheck check(String category, LocalDate purchaseDate, LocalDate installationDate, LocalDate on) {
        Objects.requireNonNull(purchaseDate, "purchaseDate");
        Objects.requireNonNull(on, "on");
        CategoryTerms terms = forCategory(category);
        WarrantyStart basis = terms.start() == WarrantyStart.INSTALLATION_DATE && installationDate != null
                ? WarrantyStart.INSTALLATION_DATE : WarrantyStart.PURCHASE_DATE;
        LocalDate start = basis == WarrantyStart.INSTALLATION_DATE ? installationDate : purchaseDate;
        Coverage unit = new Coverage(UNIT, basis, start, terms.length(), lastDay(start, terms.length()));
        List<Coverage> parts = new ArrayList<>();
        terms.parts().forEach((part, length) -> parts.add(new Coverage(part, basis, start, length, lastDay(start, length))));
        return new WarrantyCheck(version, terms.category(), on, unit, parts);
    }

    /** The start rule that applied to a cover. */
    public static String startRule(Coverage coverage) {
        return coverage.startBasis() == WarrantyStart.INSTALLATION_DATE ? START_RULE_INSTALLATION : START_RULE_PURCHASE;
    }

    /** The last covered day of a period of {@code length} from {@code start}, by {@value #END_DATE_RULE}. */
    public static LocalDate lastDay(LocalDate start, Period length) {
        return start.plus(length);
    }

    /** The last day of a window of {@code days} calendar days from {@code start}, by {@value #END_DATE_RULE}. */
    public static LocalDate lastDay(LocalDate start, int days) {
        return start.plusDays(days);
    }

    /** An upper bound of a period in days, to compare lengths without a start date. */
    static long approximateDays(Period period) {
        return period.getYears() * (long) DAYS_PER_YEAR + period.getMonths() * (long) DAYS_PER_MONTH + period.getDays();
    }

    /** The shortest number of days a period can span, e.g. to check that a warranty covers a window of days. */
    public static long shortestDays(Period period) {
        // February of a common year after a 365-day year: the least a month or year can be.
        return period.getYears() * 365L + period.getMonths() * 28L + period.getDays();
    }

    @Override
    public String toString() {
        return "WarrantyTerms[" + version + ", " + categories.size() + " categories, " + aliases.size() + " aliases]";
    }
}

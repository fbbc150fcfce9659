package com.aftersales.contracts.fault;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one list of fault categories the platform knows ({@code faultCategory} in ticket, job, visit and depot events,
 * a technician's FAULT_CATEGORY skills, the desk's choice list), and the one way a category is written: the code,
 * upper case, words joined by {@code _}. ticket-service normalises what a caller or technician gives, once, before it
 * is stored and published; consumers read the code as published and never rewrite it.
 *
 * <p>The field stays an open string in the event schemas: a category outside this list (a partner's own) is kept,
 * normalised the same way, so that no producer breaks when the list grows. Common other spellings of a listed
 * category ({@code LEAKAGE}, {@code 制冷}) are read as it.
 */
public final class FaultCategories {

    public static final String COOLING = "COOLING";
    public static final String HEATING = "HEATING";
    public static final String NOISE = "NOISE";
    public static final String LEAK = "LEAK";
    public static final String POWER = "POWER";
    public static final String DISPLAY = "DISPLAY";
    public static final String OTHER = "OTHER";

    /** The listed codes, in the order a choice list shows them. */
    public static final List<String> CODES = List.of(COOLING, HEATING, NOISE, LEAK, POWER, DISPLAY, OTHER);

    /** Other spellings callers, technicians and partners use, to the code they mean (keys already normalised). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("COOL", COOLING), Map.entry("NOT_COOLING", COOLING), Map.entry("制冷", COOLING), Map.entry("不制冷", COOLING),
            Map.entry("HEAT", HEATING), Map.entry("NOT_HEATING", HEATING), Map.entry("制热", HEATING), Map.entry("不制热", HEATING),
            Map.entry("NOISY", NOISE), Map.entry("ABNORMAL_NOISE", NOISE), Map.entry("噪音", NOISE), Map.entry("异响", NOISE),
            Map.entry("LEAKAGE", LEAK), Map.entry("WATER_LEAK", LEAK), Map.entry("LEAKING", LEAK), Map.entry("漏水", LEAK),
            Map.entry("ELECTRICAL", POWER), Map.entry("NO_POWER", POWER), Map.entry("电源", POWER), Map.entry("不开机", POWER),
            Map.entry("SCREEN", DISPLAY), Map.entry("显示", DISPLAY), Map.entry("其他", OTHER));

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    private FaultCategories() {
    }

    /**
     * The category's code: a listed code for its other spellings, else the text stripped, upper case (locale-neutral)
     * with separators as {@code _}. {@code null} or blank gives {@code null} (no category).
     */
    public static String normalise(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String code = EDGE_UNDERSCORES.matcher(SEPARATORS.matcher(category.strip()).replaceAll("_")).replaceAll("")
                .toUpperCase(Locale.ROOT);
        return code.isEmpty() ? null : ALIASES.getOrDefault(code, code);
    }

    /** Whether the (normalised) code is one of {@link #CODES}. */
    public static boolean isListed(String code) {
        return code != null && CODES.contains(code);
    }
}

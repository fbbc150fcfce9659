package com.aftersales.platform.web.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code aftersales.paging.*}: how many rows a list answers when the client does not say, and at most. The platform
 * defaults are in aftersales-platform-defaults.yml; a service sets its own lists under {@code lists.<name>}.
 *
 * @param lists per list name, what differs from the defaults
 */
@ConfigurationProperties("aftersales.paging")
public record PagingProperties(int defaultPageSize, int maxPageSize, Map<String, Sizes> lists) {

    /** The largest page any list may be configured for: also the {@code @Max} of every {@code pageSize}. */
    public static final int HARD_MAX_PAGE_SIZE = 1000;

    public PagingProperties {
        lists = lists == null ? Map.of() : Map.copyOf(lists);
        check("aftersales.paging", defaultPageSize, maxPageSize);
        lists.forEach((name, sizes) -> check("aftersales.paging.lists." + name,
                sizes.defaultPageSize() == null ? defaultPageSize : sizes.defaultPageSize(),
                sizes.maxPageSize() == null ? maxPageSize : sizes.maxPageSize()));
    }

    /** A list's own sizes; null means the platform's. */
    public record Sizes(Integer defaultPageSize, Integer maxPageSize) {
    }

    /**
     * The rows to answer for {@code list}: {@code pageSize}, else its deprecated alias {@code limit}, else the
     * default; never more than the list's maximum (a larger request gets a full page and a next link, not an error).
     */
    public int pageSize(String list, Integer pageSize, Integer limit) {
        Sizes own = lists.getOrDefault(list, new Sizes(null, null));
        Integer asked = pageSize != null ? pageSize : limit;
        int size = asked != null ? asked : own.defaultPageSize() == null ? defaultPageSize : own.defaultPageSize();
        return Math.min(size, maxPageSize(list));
    }

    /** The most rows {@code list} answers in one page. */
    public int maxPageSize(String list) {
        Sizes own = lists.get(list);
        return own == null || own.maxPageSize() == null ? maxPageSize : own.maxPageSize();
    }

    private static void check(String prefix, int defaultSize, int maxSize) {
        if (defaultSize < 1 || maxSize < defaultSize || maxSize > HARD_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(prefix + ": need 1 <= default-page-size (" + defaultSize
                    + ") <= max-page-size (" + maxSize + ") <= " + HARD_MAX_PAGE_SIZE);
        }
    }
}

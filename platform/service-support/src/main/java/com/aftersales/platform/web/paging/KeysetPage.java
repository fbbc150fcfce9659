package com.aftersales.platform.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the token of the next, null on the last page.
 *
 * @param nextPageToken what a client sends as {@code pageToken} for the page after this one
 */
public record KeysetPage<T>(List<T> items, String nextPageToken) {

    public KeysetPage {
        items = List.copyOf(items);
    }

    /**
     * The page out of rows read with a limit of {@code pageSize + 1}: the extra row only tells that another page
     * follows, and the token points after the last row shown.
     */
    public static <T> KeysetPage<T> of(List<T> fetched, int pageSize, Function<? super T, String> tokenOf) {
        if (fetched.size() <= pageSize) {
            return new KeysetPage<>(fetched, null);
        }
        List<T> page = fetched.subList(0, pageSize);
        return new KeysetPage<>(page, tokenOf.apply(page.get(pageSize - 1)));
    }

    /** The same page with each row turned into its view; the token stays. */
    public <R> KeysetPage<R> map(Function<? super T, ? extends R> view) {
        return new KeysetPage<>(items.stream().<R>map(view).toList(), nextPageToken);
    }
}

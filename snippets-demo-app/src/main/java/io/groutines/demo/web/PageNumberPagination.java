package io.groutines.demo.web;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * DRF's {@code PageNumberPagination} with {@code PAGE_SIZE = 10}: {@code ?page=N} or {@code ?page=last}, 404
 * "Invalid page." for anything else, links that keep the other query parameters.
 */
public final class PageNumberPagination {

    public static final int PAGE_SIZE = 10;
    private static final String PAGE_PARAM = "page";
    // what Python's int() takes, past surrounding whitespace: a sign, digits, single underscores between digits
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

    private PageNumberPagination() {
    }

    /**
     * One page of a listing.
     *
     * @param number 1-based page number
     * @param pages the number of pages, at least 1: an empty first page is allowed
     */
    public record PageSpec(int number, int pages) {

        public int offset() {
            return (number - 1) * PAGE_SIZE;
        }
    }

    /** The requested page of {@code count} items, or 404 "Invalid page.". */
    public static PageSpec resolve(HttpServletRequest request, long count) {
        int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        String requested = QueryString.parse(request.getQueryString()).last(PAGE_PARAM);
        if (requested == null) {
            return new PageSpec(1, pages);
        }
        if (requested.equals("last")) {
            return new PageSpec(pages, pages);
        }
        String text = PythonText.strip(requested);
        if (!PYTHON_INT.matcher(text).matches()) {
            throw ApiException.invalidPage();
        }
        BigInteger number = new BigInteger(text.replace("_", ""));
        if (number.signum() <= 0 || number.compareTo(BigInteger.valueOf(pages)) > 0) {
            throw ApiException.invalidPage();
        }
        return new PageSpec(number.intValueExact(), pages);
    }

    public static <T> PageJson<T> envelope(HttpServletRequest request, PageSpec page, long count, List<T> results) {
        String url = ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).build().toUriString();
        QueryString query = QueryString.parse(request.getQueryString());
        String next = page.number() < page.pages() ? link(url, query.with(PAGE_PARAM, String.valueOf(page.number() + 1))) : null;
        String previous = null;
        if (page.number() > 1) {
            // the link back to page 1 carries no page parameter at all
            previous = page.number() == 2 ? link(url, query.without(PAGE_PARAM))
                    : link(url, query.with(PAGE_PARAM, String.valueOf(page.number() - 1)));
        }
        return new PageJson<>(count, next, previous, results);
    }

    private static String link(String url, QueryString query) {
        String encoded = query.encode();
        return encoded.isEmpty() ? url : url + "?" + encoded;
    }
}

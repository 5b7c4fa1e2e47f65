package io.groutines.demo.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query string read and written as Python's {@code urllib.parse} does ({@code parse_qs} with blank values kept,
 * {@code urlencode} of the sorted items), so that pagination links come out as DRF makes them.
 */
public final class QueryString {

    private final Map<String, List<String>> params;

    private QueryString(Map<String, List<String>> params) {
        this.params = params;
    }

    public static QueryString parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new QueryString(params);
    }

    /** The parameter names in order of first appearance. */
    public java.util.List<String> names() {
        return List.copyOf(params.keySet());
    }

    /** The last value given for the name, as Django's {@code QueryDict.get} returns it, or null. */
    public String last(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    public QueryString with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        copy.put(name, List.of(value));
        return new QueryString(copy);
    }

    public QueryString without(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        copy.remove(name);
        return new QueryString(copy);
    }

    /** The encoded query, keys sorted, without the leading {@code ?}; empty when there are no parameters. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
            for (String value : entry.getValue()) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(quotePlus(entry.getKey())).append('=').append(quotePlus(value));
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            }
            else if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String quotePlus(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0) {
                out.append((char) c);
            }
            else if (c == ' ') {
                out.append('+');
            }
            else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}

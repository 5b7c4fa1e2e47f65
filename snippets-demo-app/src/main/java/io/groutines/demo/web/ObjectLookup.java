package io.groutines.demo.web;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/** DRF's {@code get_object_or_404} for an id taken from the path. */
public final class ObjectLookup {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final BigInteger MAX_ID = BigInteger.valueOf(Long.MAX_VALUE);

    private ObjectLookup() {
    }

    /**
     * The object with this id; 404 "Not found." when the id is no integer (the lookup cannot be made), 404 "No
     * {model} matches the given query." when it matches nothing, however large.
     */
    public static <T> T getOr404(String id, String modelName, LongFunction<Optional<T>> finder) {
        if (id == null || !INTEGER.matcher(id).matches()) {
            throw ApiException.notFound();
        }
        BigInteger value = new BigInteger(id);
        if (value.signum() <= 0 || value.compareTo(MAX_ID) > 0) {
            throw ApiException.noMatch(modelName);
        }
        return finder.apply(value.longValue()).orElseThrow(() -> ApiException.noMatch(modelName));
    }
}

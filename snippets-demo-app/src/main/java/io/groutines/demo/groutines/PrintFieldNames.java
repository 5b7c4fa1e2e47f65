package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.deser.SettableBeanProperty;

/**
 * The original's {@code print_field_names}: an endless loop over Jackson's per-field setter, logging
 * {@code field -> value} for each field of an incoming JSON body.
 *
 * <pre>
 * &#64;groutine(FunctionCall('rest_framework.serializers.Field.field_from_native'), loop=True)
 * def print_field_names(field, data, files, field_name, into, **kw):
 *     print field_name, '->', into.get(field_name, '----')
 * </pre>
 */
@Groutines("print_field_names")
public class PrintFieldNames {

    private static final Logger log = LoggerFactory.getLogger(PrintFieldNames.class);

    @Groutine(call = "tools.jackson.databind.deser.impl.MethodProperty.deserializeAndSet", phase = Phase.ENTER, loop = true)
    void printFieldNames(JsonParser parser, Call call) {
        log.info("{} -> {}", ((SettableBeanProperty) call.receiver()).getName(), parser.getString());
    }
}

package io.groutines.boot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor describes every property, for IDE help; the file goes into the jar.
 */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyIsDescribed() throws Exception {
        Path metadata = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
        assertThat(metadata).exists();
        String json = Files.readString(metadata);
        assertThat(json).contains("\"name\": \"groutines.enabled\"", "\"name\": \"groutines.scan-packages\"",
                "\"name\": \"groutines.active\"", "\"name\": \"groutines.weave.application-packages\"",
                "\"name\": \"groutines.fail-on-target-error\"", "\"name\": \"groutines.allow-in-production\"",
                "\"name\": \"groutines.production-profiles\"", "\"name\": \"groutines.weave.include\"",
                "\"name\": \"groutines.weave.exclude\"", "\"name\": \"groutines.filter.url-patterns\"",
                "\"name\": \"groutines.filter.order\"", "\"name\": \"groutines.filter.enabled\"",
                "\"name\": \"groutines.hold.timeout\"");
        assertThat(json).contains("Whether groutines run at all");
        // defaults the processor cannot read from field initializers come from additional metadata
        assertThat(defaultOf(json, "groutines.filter.url-patterns")).isEqualTo(List.of("/*"));
        assertThat(defaultOf(json, "groutines.production-profiles")).isEqualTo(List.of("prod*", "prd*", "production", "live"));
        assertThat(defaultOf(json, "groutines.fail-on-target-error")).isEqualTo(true);
        assertThat(defaultOf(json, "groutines.hold.timeout")).isEqualTo("5s");
        List<String> undescribed = JsonPath.read(json, "$.properties[?(!@.description)].name");
        assertThat(undescribed).isEmpty();
    }

    private static Object defaultOf(String json, String property) {
        List<Object> values = JsonPath.read(json, "$.properties[?(@.name == '" + property + "')].defaultValue");
        return values.get(0);
    }
}

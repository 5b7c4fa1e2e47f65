package io.groutines.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's float repr, which decides what a number given as code turns into. */
class PythonTextTest {

    @ParameterizedTest
    @CsvSource({
            "1.0,1.0", "0.1,0.1", "-2.5,-2.5", "100000.0,100000.0", "1e15,1000000000000000.0", "1e16,1e+16",
            "1.5e20,1.5e+20", "0.0001,0.0001", "0.00001,1e-05", "1.2345e-7,1.2345e-07", "123456789.125,123456789.125",
            "-0.0,-0.0", "0,0.0"})
    void floatReprIsPythons(double value, String repr) {
        assertThat(PythonText.floatRepr(value)).isEqualTo(repr);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' a b '|a b", "'\u00a0x\u2003'|x", "'\t\n'|''"})
    void stripIsPythons(String text, String stripped) {
        assertThat(PythonText.strip(text)).isEqualTo(stripped);
    }
}

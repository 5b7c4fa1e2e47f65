package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.groutines.demo.Api.Reply;

/** The serializer's rules: field errors and their order, coercions, body shapes and media types. */
class SnippetValidationTest extends ApiTestSupport {

    private Reply post(String body) {
        return api.json("POST", "/snippets/", "vitalii", body);
    }

    @Test
    void fieldErrorsComeInTheSerializersFieldOrderWithDrfsMessages() {
        Reply reply = post("""
                {"style": "nope", "language": "py", "linenos": "maybe", "code": "   ", "title": "%s"}"""
                .formatted("x".repeat(101)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"title\":[\"Ensure this field has no more than 100 characters.\"],"
                + "\"code\":[\"This field may not be blank.\"],\"linenos\":[\"Must be a valid boolean.\"],"
                + "\"language\":[\"\\\"py\\\" is not a valid choice.\"],\"style\":[\"\\\"nope\\\" is not a valid choice.\"]}");
    }

    @Test
    void codeIsRequired() {
        assertThat(post("{\"title\": \"t\"}").body()).isEqualTo("{\"code\":[\"This field is required.\"]}");
        assertThat(post("{}").body()).isEqualTo("{\"code\":[\"This field is required.\"]}");
    }

    @Test
    void nullIsRejectedForEveryField() {
        Reply reply = post("{\"title\": null, \"code\": null, \"linenos\": null, \"language\": null, \"style\": null}");

        assertThat(reply.body()).isEqualTo("{\"title\":[\"This field may not be null.\"],\"code\":[\"This field may not be null.\"],"
                + "\"linenos\":[\"This field may not be null.\"],\"language\":[\"This field may not be null.\"],"
                + "\"style\":[\"This field may not be null.\"]}");
    }

    @Test
    void booleansListsAndObjectsAreNotText() {
        Reply reply = post("{\"title\": [\"a\"], \"code\": true}");

        assertThat(reply.body()).isEqualTo("{\"title\":[\"Not a valid string.\"],\"code\":[\"Not a valid string.\"]}");
        assertThat(post("{\"code\": {\"a\": 1}}").body()).isEqualTo("{\"code\":[\"Not a valid string.\"]}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "42|42", "-7|-7", "1.5|1.5", "1e5|100000.0", "1.25e21|1.25e+21", "0.00001|1e-05", "12345678901234567890|12345678901234567890"})
    void numbersBecomeText(String number, String text) {
        Reply reply = post("{\"code\": " + number + ", \"title\": " + number + "}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("code").asString()).isEqualTo(text);
        assertThat(reply.json().get("title").asString()).isEqualTo(text);
    }

    @Test
    void textIsTrimmedAndABlankTitleIsAllowed() {
        Reply reply = post("{\"title\": \" \\t \", \"code\": \"\\n  x = 1\\t\\n\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("title").asString()).isEmpty();
        assertThat(reply.json().get("code").asString()).isEqualTo("x = 1");
    }

    @Test
    void theTitleMayHaveExactly100Characters() {
        String title = "é".repeat(100);

        Reply reply = post("{\"title\": \"" + title + "\", \"code\": \"c\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("title").asString()).isEqualTo(title);
    }

    @Test
    void nullCharactersAreRefused() {
        assertThat(post("{\"code\": \"a\\u0000b\"}").body()).isEqualTo("{\"code\":[\"Null characters are not allowed.\"]}");
    }

    @ParameterizedTest
    @CsvSource({
            "true,true", "false,false", "1,true", "0,false", "1.0,true", "0.0,false",
            "'\"t\"',true", "'\"Y\"',true", "'\"yes\"',true", "'\"TRUE\"',true", "'\"On\"',true", "'\"1\"',true",
            "'\"f\"',false", "'\"N\"',false", "'\"no\"',false", "'\"False\"',false", "'\"OFF\"',false", "'\"0\"',false"})
    void linenosAcceptsDrfsBooleanSpellings(String json, boolean expected) {
        Reply reply = post("{\"code\": \"c\", \"linenos\": " + json + "}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("linenos").asBoolean()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-1", "0.5", "\"\"", "\"yes please\"", "[]", "{}"})
    void linenosRefusesEverythingElse(String json) {
        assertThat(post("{\"code\": \"c\", \"linenos\": " + json + "}").body())
                .isEqualTo("{\"linenos\":[\"Must be a valid boolean.\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abap", "bash", "c", "java", "javascript", "json", "kotlin", "python", "sql", "text", "yaml"})
    void everyPygmentsLexerAliasIsALanguage(String language) {
        assertThat(post("{\"code\": \"c\", \"language\": \"" + language + "\"}").status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "emacs", "friendly", "monokai", "solarized-dark", "vim", "vs", "xcode", "zenburn"})
    void everyPygmentsStyleIsAStyle(String style) {
        assertThat(post("{\"code\": \"c\", \"style\": \"" + style + "\"}").status()).isEqualTo(201);
    }

    @Test
    void choicesAreExactAndQuotedAsPythonPrintsThem() {
        assertThat(post("{\"code\": \"c\", \"language\": \"Python\"}").body())
                .isEqualTo("{\"language\":[\"\\\"Python\\\" is not a valid choice.\"]}");
        assertThat(post("{\"code\": \"c\", \"language\": 1, \"style\": true}").body())
                .isEqualTo("{\"language\":[\"\\\"1\\\" is not a valid choice.\"],\"style\":[\"\\\"True\\\" is not a valid choice.\"]}");
        assertThat(post("{\"code\": \"c\", \"style\": \"\"}").body())
                .isEqualTo("{\"style\":[\"\\\"\\\" is not a valid choice.\"]}");
    }

    @Test
    void aBodyThatIsNotAnObjectIsANonFieldError() {
        assertThat(post("[1, 2]")).satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).isEqualTo("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
        });
        assertThat(post("\"text\"").body()).isEqualTo("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got str.\"]}");
        assertThat(post("12").body()).isEqualTo("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got int.\"]}");
        assertThat(post("true").body()).isEqualTo("{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got bool.\"]}");
        assertThat(post("null").body()).isEqualTo("{\"non_field_errors\":[\"No data provided\"]}");
    }

    @Test
    void malformedJsonIsAParseError() {
        for (String body : new String[] {"{\"code\": ", "{code: 1}", "{\"code\": \"c\"} x", "\u00ff"}) {
            Reply reply = post(body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().get("detail").asString()).as(body).startsWith("JSON parse error - ");
            assertThat(reply.json().size()).isEqualTo(1);
        }
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        Reply reply = api.send("POST", "/snippets/", "text/plain", "code", "Authorization", Api.as("tom"));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}");
    }

    @Test
    void anAcceptHeaderThatCannotBeMetIs406() {
        Reply reply = api.get("/snippets/", "Accept", "application/xml");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Could not satisfy the request Accept header.\"}");
        assertThat(api.get("/snippets/", "Accept", "application/json").status()).isEqualTo(200);
        assertThat(api.get("/snippets/", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").status()).isEqualTo(200);
    }

    @Test
    void aFormBodyIsAcceptedAndAMissingCheckboxMeansFalse() {
        long id = api.create("tom", "{\"code\": \"c\", \"linenos\": true, \"title\": \"t\"}");
        String path = "/snippets/" + id + "/";

        Reply patch = api.send("PATCH", path, Api.FORM, "style=vim", "Authorization", Api.as("tom"));
        Reply put = api.send("PUT", path + "?title=ignored", Api.FORM, "code=form+code&language=", "Authorization", Api.as("tom"));
        Reply created = api.send("POST", "/snippets/", Api.FORM, "code=%20x%20&linenos=on&title=", "Authorization", Api.as("tom"));

        assertThat(patch.body()).isEqualTo(snippetJson(id, "tom", "t", "c", true, "python", "vim"));
        assertThat(put.body()).isEqualTo(snippetJson(id, "tom", "t", "form code", false, "python", "vim"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo("x");
        assertThat(created.json().get("linenos").asBoolean()).isTrue();
    }

    @Test
    void aMultipartBodyIsAccepted() {
        String boundary = "XyZ";
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\nmultipart code\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"style\"\r\n\r\nvs\r\n--XyZ--\r\n";

        Reply reply = api.send("POST", "/snippets/", "multipart/form-data; boundary=" + boundary, body,
                "Authorization", Api.as("tom"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("code").asString()).isEqualTo("multipart code");
        assertThat(reply.json().get("style").asString()).isEqualTo("vs");
    }

    @Test
    void anEmptyBodyIsEmptyData() {
        Reply reply = api.send("POST", "/snippets/", "text/plain", "", "Authorization", Api.as("tom"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"code\":[\"This field is required.\"]}");
    }
}

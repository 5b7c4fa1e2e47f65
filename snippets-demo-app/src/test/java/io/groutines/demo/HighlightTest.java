package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.groutines.demo.Api.Reply;

/** The {@code highlighted} page: built on every save, served as HTML. */
class HighlightTest extends ApiTestSupport {

    private Reply page(long id) {
        return api.get("/snippets/" + id + "/highlight/");
    }

    @Test
    void thePageIsHtmlWithTitleStyleAndColouredTokens() {
        long id = api.create("tom", """
                {"title": "Fib <1>", "code": "def fib(n):\\n    return 1  # one", "style": "monokai"}""");

        Reply reply = page(id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(reply.header("Content-Type")))
                .isEqualTo(MediaType.parseMediaType("text/html; charset=utf-8"));
        assertThat(reply.body()).startsWith("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"")
                .contains("<title>Fib &lt;1&gt;</title>", "<h2>Fib &lt;1&gt;</h2>")
                .contains("body { background: #272822; color: #F8F8F2 }") // monokai
                .contains("<div class=\"highlight\"><pre><span></span><span class=\"k\">def</span> ")
                .contains("<span class=\"c1\"># one</span>\n</pre></div>")
                .doesNotContain("highlighttable", "null");
    }

    @Test
    void lineNumbersAreATableAndAnEmptyTitleHasNoHeading() {
        String code = "class A {}\\n".repeat(10) + "// end";
        long id = api.create("tom", "{\"code\": \"" + code + "\", \"language\": \"java\", \"linenos\": true}");

        String html = page(id).body();

        assertThat(html).contains("<title></title>", "body { background: #f0f0f0; }") // friendly
                .doesNotContain("<h2>")
                .contains("<table class=\"highlighttable\"><tr><td class=\"linenos\"><div class=\"linenodiv\"><pre>"
                        + "<span class=\"normal\"> 1</span>\n")
                .contains("<span class=\"normal\">11</span></pre></div></td><td class=\"code\"><div><pre><span></span>"
                        + "<span class=\"k\">class</span>");
    }

    @Test
    void languagesWithoutALexerAreEscapedPlainText() {
        long text = api.create("tom", "{\"code\": \"<b>&'\\\"</b>\", \"language\": \"text\"}");
        long abap = api.create("tom", "{\"code\": \"WRITE 'x'.\", \"language\": \"abap\"}");

        assertThat(page(text).body()).contains("<pre><span></span>&lt;b&gt;&amp;&#39;&quot;&lt;/b&gt;\n</pre>");
        assertThat(page(abap).body()).contains("<pre><span></span>WRITE &#39;x&#39;.\n</pre>");
    }

    @Test
    void thePageIsRebuiltOnEverySave() {
        long id = api.create("vitalii", "{\"code\": \"SELECT 1\", \"language\": \"sql\"}");
        assertThat(page(id).body()).contains("<span class=\"k\">SELECT</span>");

        api.json("PATCH", "/snippets/" + id + "/", "vitalii", "{\"style\": \"vim\", \"title\": \"Query\"}");

        assertThat(page(id).body()).contains("body { background: #000000; color: #CCC }", "<h2>Query</h2>");
    }

    @Test
    void thePageIsOnlyHtml() {
        long id = api.create("tom", "{\"code\": \"x\"}");

        Reply reply = api.get("/snippets/" + id + "/highlight/", "Accept", "application/json");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Could not satisfy the request Accept header.\"}");
        assertThat(api.get("/snippets/987654/highlight/").body()).isEqualTo("{\"detail\":\"No Snippet matches the given query.\"}");
    }
}

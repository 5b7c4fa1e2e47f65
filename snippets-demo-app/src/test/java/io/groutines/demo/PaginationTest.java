package io.groutines.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.groutines.demo.Api.Reply;
import io.groutines.demo.snippets.SnippetRepository;

/** Page-number pagination, 10 a page, with absolute links; the only test that needs a known number of snippets. */
class PaginationTest extends ApiTestSupport {

    @Autowired
    SnippetRepository snippets;

    @Test
    void pagesOfTenWithLinksAndInvalidPages() {
        snippets.deleteAll();
        String list = api.base() + "/snippets/";

        Reply empty = api.get("/snippets/");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
        assertThat(api.get("/snippets/?page=1").status()).isEqualTo(200);
        assertThat(api.get("/snippets/?page=2").body()).isEqualTo("{\"detail\":\"Invalid page.\"}");

        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            ids.add(api.create(i % 2 == 0 ? "tom" : "vitalii", "{\"code\": \"snippet " + i + "\"}"));
        }

        Reply first = api.get("/snippets/");
        assertThat(first.json().get("count").asLong()).isEqualTo(23);
        assertThat(first.json().get("next").asString()).isEqualTo(list + "?page=2");
        assertThat(first.json().get("previous").isNull()).isTrue();
        assertThat(idsOf(first)).isEqualTo(ids.subList(0, 10));

        Reply second = api.get("/snippets/?page=2");
        assertThat(second.json().get("next").asString()).isEqualTo(list + "?page=3");
        assertThat(second.json().get("previous").asString()).isEqualTo(list);
        assertThat(idsOf(second)).isEqualTo(ids.subList(10, 20));

        Reply last = api.get("/snippets/?page=last");
        assertThat(last.json().get("next").isNull()).isTrue();
        assertThat(last.json().get("previous").asString()).isEqualTo(list + "?page=2");
        assertThat(idsOf(last)).isEqualTo(ids.subList(20, 23));
        assertThat(api.get("/snippets/?page=3").body()).isEqualTo(last.body());

        for (String page : new String[] {"4", "0", "-1", "abc", "", "1.0", "99999999999999999999"}) {
            Reply invalid = api.get("/snippets/?page=" + page);
            assertThat(invalid.status()).as(page).isEqualTo(404);
            assertThat(invalid.body()).as(page).isEqualTo("{\"detail\":\"Invalid page.\"}");
        }
    }

    @Test
    void linksKeepTheOtherQueryParametersSorted() {
        while (snippets.count() < 25) {
            api.create("tom", "{\"code\": \"filler\"}");
        }

        Reply reply = api.get("/snippets/?zeta=last%20one&page=2&alpha=1");

        assertThat(reply.json().get("next").asString()).isEqualTo(api.base() + "/snippets/?alpha=1&page=3&zeta=last+one");
        assertThat(reply.json().get("previous").asString()).isEqualTo(api.base() + "/snippets/?alpha=1&zeta=last+one");
    }

    private static List<Long> idsOf(Reply page) {
        return page.json().get("results").values().stream().map(node -> node.get("id").asLong()).toList();
    }
}

package io.groutines.demo.groutines;

import io.groutines.Call;
import io.groutines.Groutine;
import io.groutines.Groutines;
import io.groutines.Phase;
import io.groutines.demo.snippets.Snippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces the calls of the demo that weaving alone cannot reach, and that real applications are made of: a CRUD method
 * a Spring Data repository inherits ({@code findById}, implemented by a library class), a derived query (implemented
 * by no class at all), a {@code @Transactional} service and a controller behind CGLIB proxies. Each call is logged
 * once, as {@code data_trace: ...}. Not in the original framework; switched on with {@code groutines.active}.
 */
@Groutines("data_trace")
public class DataTrace {

    private static final Logger log = LoggerFactory.getLogger(DataTrace.class);

    @Groutine(call = "io.groutines.demo.snippets.SnippetRepository.findById", loop = true)
    void snippetLookedUp(Call call) {
        log.info("data_trace: SnippetRepository.findById({}) -> {}", call.arg(0),
                call.returnValue() instanceof java.util.Optional<?> found && found.isPresent() ? "found" : "absent");
    }

    @Groutine(call = "io.groutines.demo.users.UserRepository.findByUsername", phase = Phase.ENTER, loop = true)
    void userLookedUp(String username) {
        log.info("data_trace: UserRepository.findByUsername({})", username);
    }

    @Groutine(call = "io.groutines.demo.snippets.SnippetStore.save", loop = true)
    void snippetSaved(Call call) {
        log.info("data_trace: SnippetStore.save -> snippet {}", ((Snippet) call.returnValue()).getId());
    }

    @Groutine(call = "io.groutines.demo.users.UserDetailController.retrieve", loop = true)
    void userServed(Call call) {
        log.info("data_trace: UserDetailController.retrieve({}) -> {}", call.arg(1),
                ((org.springframework.http.ResponseEntity<?>) call.returnValue()).getStatusCode().value());
    }
}

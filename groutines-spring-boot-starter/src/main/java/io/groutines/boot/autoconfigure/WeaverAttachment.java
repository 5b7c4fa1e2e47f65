package io.groutines.boot.autoconfigure;

import io.groutines.boot.discovery.DiscoveredGroutines;
import io.groutines.weaving.Agent;
import io.groutines.weaving.WeaveScope;
import io.groutines.weaving.Weaving;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.List;

/**
 * Makes sure a weaver runs: with {@code -javaagent} it runs already and its scope came from the agent's own scan;
 * without it, the runtime attaches itself here, with the configured scope and the classes the active groutines'
 * triggers name. That is early, but not early enough for everything: classes Spring Boot loaded before (such as
 * {@code DispatcherServlet}) stay unwoven, and the declared targets among them are named in a warning here and
 * refused when the groutines are checked.
 */
final class WeaverAttachment {

    private static final Log logger = LogFactory.getLog(WeaverAttachment.class);

    private WeaverAttachment() {
    }

    static void ensureWeaving(GroutinesProperties properties, List<DiscoveredGroutines> found) {
        if (Weaving.isStarted()) {
            logger.info("Groutines: calls are woven by the groutines agent (-javaagent), scope " + WeaveScope.entries());
            return;
        }
        if (!properties.getWeave().isAttach()) {
            logger.warn("Groutines: the JVM was started without the groutines agent and groutines.weave.attach=false: "
                    + "no call of a method will reach a groutine (events still do)");
            return;
        }
        WeaveScope.include(properties.getWeave().getInclude().toArray(String[]::new));
        WeaveScope.exclude(properties.getWeave().getExclude().toArray(String[]::new));
        for (DiscoveredGroutines groutines : found) {
            if (groutines.active()) {
                WeaveScope.includeTargets(groutines.callTargets());
                WeaveScope.include(groutines.weave().toArray(String[]::new));
            }
        }
        List<String> tooLate = Agent.attach();
        if (tooLate.isEmpty()) {
            logger.info("Groutines: attached the weaver at startup, scope " + WeaveScope.entries());
        }
        else {
            logger.warn("Groutines: attached the weaver at startup, but the classes of these declared targets were "
                    + "loaded before it and are not woven, so they cannot fire: " + tooLate + ". Start the JVM with "
                    + "-javaagent:groutines-runtime-<version>-agent.jar to reach them.");
        }
    }
}

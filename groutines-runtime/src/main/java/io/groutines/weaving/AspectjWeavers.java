package io.groutines.weaving;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * AspectJ's load-time weavers, one per class loader, each with its world of resolved types (a few megabytes for a
 * Spring Boot application). AspectJ keeps them in a map whose keys hold the class loaders weakly, so a weaver goes
 * when its class loader is collected. An application restarted in the same JVM (Spring Boot DevTools) leaves its
 * earlier class loaders to be collected — but libraries often keep them for a while (Spring Data's type caches keep
 * up to 128 of the application's classes), and a weaver kept with each would make every restart cost its world
 * again. So when a restart replaces the application's class loader, its weaver is released at once: should the old
 * class loader load a class after all, AspectJ makes it a new one.
 */
final class AspectjWeavers {

    private static volatile boolean warned;

    private AspectjWeavers() {
    }

    /**
     * Releases AspectJ's weaver of a class loader.
     * @param loader a class loader a restart replaced
     * @return whether a weaver was released
     */
    static boolean release(ClassLoader loader) {
        try {
            Class<?> container = Class.forName("org.aspectj.weaver.loadtime.Aj$WeaverContainer", true,
                    AspectjWeavers.class.getClassLoader());
            Field field = container.getDeclaredField("weavingAdaptors");
            field.setAccessible(true);
            Map<?, ?> weavers = (Map<?, ?>) field.get(null);
            synchronized (weavers) {
                return weavers.keySet().removeIf(key -> key instanceof Reference<?> ref && ref.get() == loader);
            }
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            if (!warned) {
                warned = true;
                System.getLogger(WeaverMessages.LOGGER).log(System.Logger.Level.WARNING, "Cannot release the weaver of "
                        + "a restarted application's class loader (" + ex + "): each restart keeps AspectJ's world of "
                        + "types of the run before until that class loader is collected");
            }
            return false;
        }
    }
}

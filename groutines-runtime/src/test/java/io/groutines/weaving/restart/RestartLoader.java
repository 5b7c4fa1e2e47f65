package io.groutines.weaving.restart;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The class loader of one run of the application, as Spring Boot DevTools' {@code RestartClassLoader}: a
 * {@link URLClassLoader} over the application's class directory that defines the application's classes itself, child
 * first, and leaves the rest (libraries, the test) to its parent.
 */
final class RestartLoader extends URLClassLoader {

    private static final String APPLICATION = "io.groutines.weaving.restart.app.";

    RestartLoader(int run) {
        super("restart-" + run, new URL[] { classes() }, RestartLoader.class.getClassLoader());
    }

    private static URL classes() {
        try {
            return Path.of(RestartLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        }
        catch (MalformedURLException | java.net.URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(APPLICATION)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}

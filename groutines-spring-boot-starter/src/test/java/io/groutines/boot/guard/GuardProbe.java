package io.groutines.boot.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application started in a JVM of its own by {@link ProductionGuardTests}, as a user would start it. */
@SpringBootApplication
public class GuardProbe {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GuardProbe.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> all = new ArrayList<>(List.of("--groutines.weave.attach=false", "--spring.main.banner-mode=off"));
        if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--groutines.enabled="))) {
            all.add("--groutines.enabled=true");
        }
        all.addAll(List.of(args));
        application.run(all.toArray(String[]::new)).close();
        System.out.println("GUARD-PROBE STARTED");
    }
}

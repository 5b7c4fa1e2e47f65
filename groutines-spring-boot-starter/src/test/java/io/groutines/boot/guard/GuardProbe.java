package io.groutines.boot.guard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application started in a JVM of its own by {@link ProductionGuardTests}, as a user would start it. */
@SpringBootApplication
public class GuardProbe {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GuardProbe.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 3];
        all[0] = "--groutines.enabled=true";
        all[1] = "--groutines.weave.attach=false";
        all[2] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 3, args.length);
        application.run(all).close();
        System.out.println("GUARD-PROBE STARTED");
    }
}

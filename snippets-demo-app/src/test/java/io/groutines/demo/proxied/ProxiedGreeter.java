package io.groutines.demo.proxied;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only controller that Spring proxies with a CGLIB subclass ({@code ProxiedGreeter$$SpringCGLIB$$0}): its
 * class-level {@code @Transactional} asks for a proxy, and Spring Boot proxies classes, not interfaces.
 */
@RestController
@RequestMapping("/proxied/")
@Transactional(readOnly = true)
public class ProxiedGreeter {

    @GetMapping("hello")
    public String hello() {
        return "hello";
    }
}

package io.adpulse.reporting.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reporting/openapi.yaml}: the hand-written OpenAPI 3.1 description of this service's API,
 * kept true by a test that calls every documented path and checks that every mapped path is documented.
 */
@RestController
class OpenApiController {

    private static final Resource DOCUMENT = new ClassPathResource("openapi.yaml");

    @GetMapping(path = "/api/reporting/openapi.yaml", produces = "application/yaml")
    Resource openApi() {
        return DOCUMENT;
    }
}

package io.adpulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventType;
import io.adpulse.events.Golden;
import io.adpulse.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the hand-written OpenAPI description true: every documented path answers its documented success
 * with its documented content type when called with the documented examples, every documented export format
 * answers, and every operation (method and path) the service maps under {@code /api/reporting} is documented, and
 * nothing more.
 */
class OpenApiTest extends ReportingServiceTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private static boolean observed;

    @BeforeEach
    void observeTheGoldenAdvertiserTheExamplesName() {
        if (observed) {
            return;
        }
        observed = true;
        kafka.publish(Topics.ENTITIES, "7002238017842757633", Golden.bytes(EventType.ENTITY_OBSERVED));
        kafka.publish(Topics.METRICS, "7002238017842757633", Golden.bytes(EventType.METRIC_OBSERVED));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
    }

    private Map<String, Object> document() {
        String yaml = web.get().uri("/api/reporting/openapi.yaml")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody(String.class).returnResult().getResponseBody();
        return new Yaml().load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    /** The operation's parameters, references resolved. */
    private static List<Map<String, Object>> parameters(Map<String, Object> doc, Map<String, Object> operation) {
        List<Map<String, Object>> resolved = new ArrayList<>();
        List<Map<String, Object>> declared = at(operation, "parameters");
        for (Map<String, Object> p : declared == null ? List.<Map<String, Object>>of() : declared) {
            Object ref = p.get("$ref");
            resolved.add(ref == null ? p : at(doc, ref.toString().substring(2).split("/")));
        }
        return resolved;
    }

    private static String uri(String path, List<Map<String, Object>> parameters, String format) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (Map<String, Object> p : parameters) {
            Object example = p.get("example");
            if (example instanceof List<?> values) {
                values.forEach(v -> uri.queryParam(p.get("name").toString(), v));
            } else if (example != null) {
                uri.queryParam(p.get("name").toString(), example);
            }
        }
        if (format != null) {
            uri.queryParam("format", format);
        }
        return uri.build().toUriString();
    }

    @Test
    void everyDocumentedPathAnswersItsDocumentedSuccessWithTheExamples() {
        Map<String, Object> doc = document();
        Map<String, Map<String, Object>> paths = at(doc, "paths");
        assertThat(paths).isNotEmpty();
        int exports = 0;
        for (var entry : paths.entrySet()) {
            Map<String, Object> operation = at(entry.getValue(), "get");
            if (operation == null || entry.getKey().contains("{")) {
                continue; // path variables and changes are exercised by the tests of their resources
            }
            List<Map<String, Object>> parameters = parameters(doc, operation);
            Map<String, Object> content = at(operation, "responses", "200", "content");
            String documentedType = content.keySet().iterator().next();
            web.get().uri(uri(entry.getKey(), parameters, null))
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(documentedType));
            boolean exportable = parameters.stream().anyMatch(p -> "format".equals(p.get("name")));
            if (exportable) {
                exports++;
                assertThat(content).containsKey("text/csv");
                web.get().uri(uri(entry.getKey(), parameters, "csv"))
                        .exchange()
                        .expectStatus().isOk()
                        .expectHeader().contentTypeCompatibleWith("text/csv");
                web.get().uri(uri(entry.getKey(), parameters, "json"))
                        .exchange()
                        .expectStatus().isOk()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                        .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment;"));
            }
        }
        assertThat(exports).isEqualTo(8);
    }

    @Test
    void everyMappedOperationIsDocumented() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().stream()
                .map(PathPattern::getPatternString)
                .filter(p -> p.startsWith("/api/reporting"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> mapped.add(m.name() + " " + p))));
        Map<String, Map<String, Object>> paths = at(document(), "paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key))
                .forEach(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));

        assertThat(mapped).isEqualTo(documented);
    }
}

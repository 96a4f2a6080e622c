package io.adpulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/TOPICS.md is what other teams build on: it must say what the schemas say. Regenerate it with
 * {@code ./mvnw -pl events test -Dtest=TopicsPageTest -Dadpulse.write-topics-page=true}.
 */
class TopicsPageTest {

    private static final Path PAGE = Path.of("..", "docs", "TOPICS.md");

    @Test
    void theCommittedPageIsTheRenderingOfTheSchemas() throws IOException {
        String rendered = TopicsPage.render();
        if (Boolean.getBoolean("adpulse.write-topics-page")) {
            Files.writeString(PAGE, rendered, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/TOPICS.md is stale: regenerate it with ./mvnw -pl events test -Dtest=TopicsPageTest "
                        + "-Dadpulse.write-topics-page=true")
                .isEqualTo(rendered);
    }

    @Test
    void everyTopicAndEveryFieldOfEverySchemaIsOnThePage() {
        String rendered = TopicsPage.render();

        for (String topic : Topics.ALL) {
            assertThat(rendered).contains("\n## " + topic + "\n");
        }
        for (EventType type : EventType.values()) {
            String section = rendered.substring(rendered.indexOf("\n### " + type.type() + "\n"));
            int next = section.indexOf("\n#", 5);
            section = next < 0 ? section : section.substring(0, next);
            for (Map.Entry<String, JsonNode> field : TopicsPage.schema(type).path("properties").properties()) {
                assertThat(section).as(type.type()).contains("| `" + field.getKey() + "` |");
            }
        }
    }
}

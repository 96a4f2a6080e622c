package io.adpulse.alerting.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.config.AlertingProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The routing shipped in application.yml binds and compiles: every alert goes to the integration-less "none". */
class ShippedRoutingConfigurationTest {

    @Test
    void theShippedConfigurationSendsEveryAlertToTheDefaultReceiver() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        AlertingProperties properties = Binder.get(environment).bind("adpulse.alerting", AlertingProperties.class).get();

        Receivers receivers = Receivers.of(properties.receivers());
        RoutingTree tree = RoutingTree.of(properties.routes(), receivers.names());

        assertThat(tree.route(Map.of("alertname", "daily-budget-pacing", "severity", "critical")))
                .extracting(RouteNode::receiver).containsExactly("none");
        assertThat(tree.root().groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(tree.root().repeatInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(receivers.get("none").orElseThrow().webhooks()).isEmpty();
    }
}

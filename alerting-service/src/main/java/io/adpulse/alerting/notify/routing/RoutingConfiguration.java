package io.adpulse.alerting.notify.routing;

import io.adpulse.alerting.config.AlertingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The receivers and the routing tree, compiled and checked once at startup: a bad configuration stops the service. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Receivers receivers(AlertingProperties properties) {
        return Receivers.of(properties.receivers());
    }

    @Bean
    RoutingTree routingTree(AlertingProperties properties, Receivers receivers) {
        return RoutingTree.of(properties.routes(), receivers.names());
    }
}

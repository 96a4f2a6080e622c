package io.adpulse.alerting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of alerting-service: evaluates alert rules and publishes alert events on {@code alerts.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertingApplication.class, args);
    }
}

package io.adpulse.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * audit-service: appends every record of every Adpulse topic, access records from the gateway included, to
 * a hash-chained, append-only table, and serves it (listing, chain head, verification) over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditServiceApplication.class, args);
    }
}

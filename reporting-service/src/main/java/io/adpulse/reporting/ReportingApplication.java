package io.adpulse.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * reporting-service: keeps a read model of TikTok entities and daily and hourly metrics from Kafka and serves
 * campaign, advertiser and spend reports, time series, overviews, rankings and their exports over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}

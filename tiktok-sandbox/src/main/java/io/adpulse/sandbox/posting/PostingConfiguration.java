package io.adpulse.sandbox.posting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the Content Posting settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostingProperties.class)
class PostingConfiguration {
}

package io.adpulse.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.adpulse.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("io.adpulse.ingest.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule syncDependsOnThePortNotTheTikTokAdapter = noClasses().that()
            .resideInAPackage("..ingest.sync..").should().dependOnClassesThat().resideInAPackage("..ingest.tiktok..");

    @ArchTest
    static final ArchRule organicDependsOnThePortNotTheTikTokAdapter = noClasses().that()
            .resideInAPackage("..ingest.organic..").should().dependOnClassesThat().resideInAPackage("..ingest.tiktok..");

    @ArchTest
    static final ArchRule onlyTheAdapterSpeaksHttpToTikTok = noClasses().that()
            .resideOutsideOfPackage("..ingest.tiktok..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.reactive.function.client..",
                    "reactor.netty.http.client..", "io.github.resilience4j..");

    @ArchTest
    static final ArchRule onlyThePublisherAndConfigUseTheKafkaProducer = noClasses().that()
            .resideOutsideOfPackages("..ingest.publish..", "..ingest.config..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.kafka.core..");

    @ArchTest
    static final ArchRule adapterJsonStaysInTheAdapter = noClasses().that()
            // TikTok's JSON comes in through the API client (tiktok) and through webhooks (webhook)
            .resideOutsideOfPackages("..ingest.tiktok..", "..ingest.webhook..")
            .should().dependOnClassesThat().resideInAPackage("tools.jackson.databind..");

    @ArchTest
    static final ArchRule tikTokFailuresAreNotPublicApi = classes().that()
            .areAssignableTo(RuntimeException.class).and().resideInAPackage("..ingest.tiktok..")
            .should().notBePublic();
}

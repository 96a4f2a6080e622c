package io.adpulse.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.web.bind.annotation.RestController;

import io.adpulse.sandbox.api.TikTokApi;

@AnalyzeClasses(packages = "io.adpulse.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The model knows nothing of HTTP: seeded data and metrics are usable by any endpoint, or none. */
    @ArchTest
    static final ArchRule modelIsFreeOfWeb = noClasses().that()
            .resideInAnyPackage("..sandbox.catalog..", "..sandbox.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "..sandbox.api..", "..sandbox.entity..", "..sandbox.report..", "..sandbox.traffic..",
                    "..sandbox.control..", "..sandbox.oauth..");

    /** TikTok's endpoints never lean on the test-only control API. */
    @ArchTest
    static final ArchRule tikTokEndpointsIgnoreTheControlApi = noClasses().that()
            .resideInAnyPackage("..sandbox.entity..", "..sandbox.report..", "..sandbox.oauth..", "..sandbox.api..",
                    "..sandbox.loginkit..", "..sandbox.display..", "..sandbox.posting..", "..sandbox.comments..")
            .should().dependOnClassesThat().resideInAPackage("..sandbox.control..");

    /** Controllers of TikTok's API answer errors in TikTok's envelope, which only TikTokApi controllers get. */
    @ArchTest
    static final ArchRule openApiControllersAreMarked = classes().that().areAnnotatedWith(RestController.class)
            .and().resideInAnyPackage("..sandbox.entity..", "..sandbox.report..")
            .should().implement(TikTokApi.class);
}

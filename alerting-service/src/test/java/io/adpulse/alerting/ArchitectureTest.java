package io.adpulse.alerting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature boundaries: {@code alert} is the core; rules, silences and notifications build on it, never the reverse. */
@AnalyzeClasses(packages = "io.adpulse.alerting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule alertsDependOnNoFeature = noClasses().that().resideInAPackage("..alerting.alert..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("..alerting.pacing..", "..alerting.health..", "..alerting.silence..",
                    "..alerting.inhibit..", "..alerting.notify..");

    @ArchTest
    static final ArchRule silencesKnowNothingOfRulesOrNotifications = noClasses().that()
            .resideInAPackage("..alerting.silence..")
            .should().dependOnClassesThat().resideInAnyPackage("..alerting.pacing..", "..alerting.notify..");

    @ArchTest
    static final ArchRule rulesKnowNothingOfSilencesOrNotifications = noClasses().that()
            .resideInAPackage("..alerting.pacing..")
            .should().dependOnClassesThat().resideInAnyPackage("..alerting.silence..", "..alerting.notify..");

    @ArchTest
    static final ArchRule healthRulesKnowNothingOfCampaignsSilencesOrNotifications = noClasses().that()
            .resideInAPackage("..alerting.health..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("..alerting.pacing..", "..alerting.silence..", "..alerting.notify..");

    /** Only the metric listener tells the health rules that a connection syncs; the campaign rules do not know them. */
    @ArchTest
    static final ArchRule campaignRulesUseHealthOnlyFromTheirListener = noClasses().that()
            .resideInAnyPackage("..alerting.pacing.domain..", "..alerting.pacing.evaluation..", "..alerting.pacing.store..")
            .should().dependOnClassesThat().resideInAPackage("..alerting.health..");

    @ArchTest
    static final ArchRule inhibitionKnowsNothingOfRulesSilencesOrNotifications = noClasses().that()
            .resideInAPackage("..alerting.inhibit..")
            .should().dependOnClassesThat().resideInAnyPackage("..alerting.pacing..", "..alerting.health..",
                    "..alerting.silence..", "..alerting.notify..");
}

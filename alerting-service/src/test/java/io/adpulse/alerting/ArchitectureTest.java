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
            .resideInAnyPackage("..alerting.pacing..", "..alerting.silence..", "..alerting.notify..");

    @ArchTest
    static final ArchRule silencesKnowNothingOfRulesOrNotifications = noClasses().that()
            .resideInAPackage("..alerting.silence..")
            .should().dependOnClassesThat().resideInAnyPackage("..alerting.pacing..", "..alerting.notify..");

    @ArchTest
    static final ArchRule rulesKnowNothingOfSilencesOrNotifications = noClasses().that()
            .resideInAPackage("..alerting.pacing..")
            .should().dependOnClassesThat().resideInAnyPackage("..alerting.silence..", "..alerting.notify..");
}

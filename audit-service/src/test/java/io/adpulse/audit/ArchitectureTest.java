package io.adpulse.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.adpulse.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("io.adpulse.audit.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule captureIsPureLogic = noClasses().that().resideInAPackage("..audit.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("..audit.chain..", "..audit.query..", "..audit.intake..",
                    "org.springframework.r2dbc..", "io.r2dbc..", "org.springframework.web..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyIntakeSpeaksKafka = noClasses().that().resideOutsideOfPackage("..audit.intake..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyTheChainWritesTheChain = noClasses().that().resideOutsideOfPackage("..audit.chain..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.adpulse.audit.chain.ChainHasher");
}

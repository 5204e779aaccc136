package io.leadrouter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package boundaries of Lead Router, so that they do not grow back: no cycles between the
 * top-level packages, each package importing only the packages listed for it below, and
 * Camunda's engine types only in the one adapter package ({@code engine}) and in the delegates
 * and listeners the models call. A new import across a boundary fails here, naming the class.
 */
@AnalyzeClasses(packages = "io.leadrouter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("io.leadrouter.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one: neither can be understood, tested or moved alone");

    /**
     * Who may import whom, from the bottom up. The bottom packages know no feature; a feature
     * knows the features it builds on and nothing above it.
     */
    @ArchTest
    static final ArchRule eachPackageImportsOnlyWhatItBuildsOn = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitectureIgnoring("io.leadrouter")
            // plain building blocks, no feature inside
            .layer("normalise").definedBy("io.leadrouter.normalise..")
            .layer("web").definedBy("io.leadrouter.web..")
            .layer("storage").definedBy("io.leadrouter.storage..")
            .layer("engine").definedBy("io.leadrouter.engine..")
            .layer("security").definedBy("io.leadrouter.security..")
            // features, each above what it uses
            .layer("team").definedBy("io.leadrouter.team..")
            .layer("lead").definedBy("io.leadrouter.lead..")
            .layer("performance").definedBy("io.leadrouter.performance..")
            .layer("account").definedBy("io.leadrouter.account..")
            .layer("source").definedBy("io.leadrouter.source..")
            .layer("intake").definedBy("io.leadrouter.intake..")
            .layer("history").definedBy("io.leadrouter.history..")
            .layer("scoring").definedBy("io.leadrouter.scoring..")
            .layer("routing").definedBy("io.leadrouter.routing..")
            .layer("notification").definedBy("io.leadrouter.notification..")
            .layer("sla").definedBy("io.leadrouter.sla..")
            .layer("stats").definedBy("io.leadrouter.stats..")
            .layer("panel").definedBy("io.leadrouter.panel..")
            .layer("analytics").definedBy("io.leadrouter.analytics..")
            .layer("forecast").definedBy("io.leadrouter.forecast..")
            .layer("webapps").definedBy("io.leadrouter.webapps..")
            .layer("demo").definedBy("io.leadrouter.demo..")

            .whereLayer("normalise").mayNotAccessAnyLayer()
            .whereLayer("web").mayNotAccessAnyLayer()
            .whereLayer("storage").mayNotAccessAnyLayer()
            .whereLayer("engine").mayNotAccessAnyLayer()
            .whereLayer("security").mayOnlyAccessLayers("web")
            .whereLayer("team").mayOnlyAccessLayers("security", "web", "storage", "engine")
            .whereLayer("lead").mayOnlyAccessLayers("team", "security", "normalise", "web", "storage", "engine")
            .whereLayer("performance").mayOnlyAccessLayers("lead", "team", "web", "storage", "engine")
            .whereLayer("account").mayOnlyAccessLayers("lead", "security", "normalise", "web", "storage", "engine")
            .whereLayer("source").mayOnlyAccessLayers("lead", "web", "engine")
            .whereLayer("intake").mayOnlyAccessLayers("source", "lead", "security", "normalise", "web", "storage",
                    "engine")
            .whereLayer("history").mayOnlyAccessLayers("intake", "source", "lead", "security", "web", "storage")
            .whereLayer("scoring").mayOnlyAccessLayers("lead", "security", "normalise", "web", "storage", "engine")
            .whereLayer("routing").mayOnlyAccessLayers("account", "performance", "lead", "team", "security",
                    "normalise", "web", "storage", "engine")
            .whereLayer("notification").mayOnlyAccessLayers("lead", "team", "web", "storage", "engine")
            .whereLayer("sla").mayOnlyAccessLayers("routing", "lead", "team", "security", "web", "storage", "engine")
            .whereLayer("stats").mayOnlyAccessLayers("lead", "team", "security", "web", "storage", "engine")
            .whereLayer("panel").mayOnlyAccessLayers("routing", "stats", "lead", "team", "security", "web")
            .whereLayer("analytics").mayOnlyAccessLayers("routing", "stats", "lead", "team", "security", "web")
            .whereLayer("forecast").mayOnlyAccessLayers("lead", "team", "security", "web")
            .whereLayer("webapps").mayOnlyAccessLayers("intake", "lead", "team", "security", "web", "storage", "engine")
            .whereLayer("demo").mayOnlyAccessLayers("webapps", "scoring", "history", "account", "performance", "team",
                    "security",
                    "normalise", "web", "storage", "engine")
            .because("low packages never know the features built on them, and a feature imports only the "
                    + "features listed as below it: add the import to this list only when the design says so");

    /**
     * Predictive scoring's learning core (train, validate, explain, persist) is plain Java and the
     * ML library: the registry, the REST API and the retraining process build on it, and it can be
     * tested and benchmarked without Spring or an engine.
     */
    @ArchTest
    static final ArchRule theScoringModelIsPlainJava = noClasses()
            .that().resideInAPackage("io.leadrouter.scoring.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.springframework..")
            .because("the learning core is domain code: whatever serves or retrains a model adapts it, not the "
                    + "other way round");

    /**
     * The registry ({@code scoring.registry}) keeps, governs and serves what the learning core trains;
     * the core does not know where models are kept or who publishes them.
     */
    @ArchTest
    static final ArchRule theScoringModelKnowsNoRegistry = noClasses()
            .that().resideInAPackage("io.leadrouter.scoring.model..")
            .should().dependOnClassesThat().resideInAPackage("io.leadrouter.scoring.registry..")
            .because("training and validating a model is the same whether a registry, a test or a benchmark "
                    + "asks for it");

    @ArchTest
    static final ArchRule theMlLibraryStaysInTheScoringModel = noClasses()
            .that().resideOutsideOfPackage("io.leadrouter.scoring.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "ml.dmlc..")
            .because("Tribuo and XGBoost4J are one package's choice: replacing them changes scoring/model only");

    /**
     * Classes outside the adapter package that still use Camunda's engine types, and why. Each
     * is a known debt or a class that is an engine extension by nature; none may be added without
     * a reason here.
     */
    private static final Map<String, String> CAMUNDA_OUTSIDE_THE_ADAPTER = Map.of(
            "io.leadrouter.security.",
            "Camunda's identity service is the user store: users, groups and password hashes are engine data",
            "io.leadrouter.webapps.",
            "it configures Camunda's own web apps: authorizations, Tasklist filters, an authorization "
                    + "provider and a command checker are engine extensions by nature");

    @ArchTest
    static final ArchRule camundaTypesStayInTheAdapterAndTheDelegates = noClasses()
            .that().resideOutsideOfPackage("io.leadrouter.engine..")
            .and().doNotImplement(JavaDelegate.class)
            .and().doNotImplement(ExecutionListener.class)
            .and().doNotImplement(TaskListener.class)
            .and(DescribedPredicate.not(knownCamundaUser()))
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the domain stays free of Camunda 7 so that a move to a maintained fork (Operaton) is a "
                    + "rename of the adapter; known exceptions: "
                    + CAMUNDA_OUTSIDE_THE_ADAPTER.entrySet().stream().map(known -> known.getKey() + " (" + known.getValue() + ")")
                            .sorted().collect(Collectors.joining("; ")));

    private static DescribedPredicate<JavaClass> knownCamundaUser() {
        return DescribedPredicate.describe("are known Camunda users outside the adapter",
                javaClass -> CAMUNDA_OUTSIDE_THE_ADAPTER.keySet().stream()
                        .anyMatch(known -> javaClass.getName().startsWith(known)));
    }
}

package io.adpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks the compose file, the Kubernetes manifests, the Prometheus rules and the Grafana dashboards against the
 * code: services, ports, environment variables, topics and metric names. Docker, kubectl and a cluster are not
 * needed; promtool and kubectl run in {@link ExternalToolsTest} when they are installed.
 */
class DeployConsistencyTest {

    /** Settings that must be given outside the local stack: their defaults point at localhost or are test keys. */
    private static final Set<String> REQUIRED_WHEN_READ = Set.of("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT",
            "DB_NAME", "DB_USER", "DB_PASSWORD", "ADPULSE_TRANSIT_KEYS", "ADPULSE_TOKEN_KEYS", "ADPULSE_ADMIN_PASSWORD",
            "ADPULSE_AUTH_URI", "ADPULSE_INGEST_URI", "ADPULSE_REPORTING_URI", "ADPULSE_ALERTING_URI", "ADPULSE_AUDIT_URI",
            "TIKTOK_BUSINESS_API_BASE_URL", "TIKTOK_APP_SECRET", "ADPULSE_IDENTITY_URI", "ADPULSE_IDENTITY_ISSUER",
            "ADPULSE_IDENTITY_MFA_KEYS", "ADPULSE_OIDC_ISSUER_URI", "ADPULSE_OIDC_CLIENT_SECRET");
    /**
     * Services that must run as exactly one instance. ingest-service: every instance polls all active connections
     * from its database with its own app-wide TikTok rate limiter, and marks running syncs interrupted on start.
     */
    private static final Set<String> SINGLE_INSTANCE = Set.of("ingest-service");
    private static final Pattern SERVICE_URI = Pattern.compile("ADPULSE_([A-Z]+)_URI");
    private static final Pattern URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)/?");

    private static Workspace ws;
    private static List<String> services;
    private static JsonNode compose;
    private static List<JsonNode> base;

    @BeforeAll
    static void load() {
        ws = new Workspace();
        services = ws.services();
        compose = Workspace.composeFile(ws.deploy.resolve("compose/compose.yaml"));
        base = new ArrayList<>();
        for (Path file : Workspace.files(ws.deploy.resolve("k8s/base"), ".yaml")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                base.addAll(Workspace.yamlDocuments(file));
            }
        }
    }

    @Test
    void findsTheServiceModulesOfTheReactor() {
        assertThat(services).contains("gateway", "auth-service", "ingest-service", "reporting-service",
                "alerting-service", "audit-service", "identity-service");
    }

    @Test
    void jibNamesEveryServiceImageAsTheDeploymentsExpect() {
        String root = Workspace.read(ws.root.resolve("pom.xml"));
        assertThat(root).contains("<adpulse.image.registry>adpulse</adpulse.image.registry>")
                .contains("<image>${adpulse.image.registry}/${project.artifactId}</image>")
                .contains("<exists>${basedir}/src/main/resources/application.yml</exists>");
        for (String module : services) {
            String pom = Workspace.read(ws.root.resolve(module).resolve("pom.xml"));
            Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
            assertThat(artifact.find()).as("artifactId of %s", module).isTrue();
            assertThat(artifact.group(1)).as("artifactId of %s (the image name)", module).isEqualTo(module);
        }
    }

    @Test
    void defaultPortsAgreeWithTheConventions() {
        Map<String, Integer> documented = ws.conventionPorts();
        for (String module : runnableModules()) {
            assertThat(documented).as("docs/CONVENTIONS.md port of %s", module).containsEntry(module, ws.defaultPort(module));
        }
    }

    // ---- compose ---------------------------------------------------------------------------------------------

    @Test
    void composeRunsEveryServiceFromItsImageOnItsPort() {
        JsonNode declared = compose.path("services");
        for (String module : services) {
            JsonNode service = declared.path(module);
            assertThat(service.isObject()).as("compose service %s", module).isTrue();
            assertThat(service.path("image").asString()).as("image of %s", module).startsWith("adpulse/" + module + ":");
            String port = Integer.toString(ws.defaultPort(module));
            assertThat(strings(service.path("expose"))).as("exposed port of %s", module).containsExactly(port);
            assertThat(String.join(" ", strings(service.path("healthcheck").path("test"))))
                    .as("healthcheck of %s", module).contains("/127.0.0.1/" + port + " ").contains("/actuator/health/readiness");
        }
        assertThat(strings(declared.path("gateway").path("ports"))).as("published ports of the gateway")
                .singleElement().asString().endsWith(":8080");
    }

    @Test
    void composePublishesNoServiceButTheGateway() {
        for (String module : services) {
            if (!module.equals("gateway")) {
                assertThat(compose.path("services").path(module).has("ports")).as("%s publishes ports", module).isFalse();
            }
        }
    }

    @Test
    void composeSetsOnlyEnvironmentTheServicesRead() {
        for (String module : composeModules()) {
            Set<String> set = compose.path("services").path(module).path("environment").propertyNames()
                    .stream().collect(Collectors.toCollection(TreeSet::new));
            assertThat(ws.referencedEnv(module)).as("variables %s's settings read", module).containsAll(set);
        }
    }

    @Test
    void composeSetsEverySettingWhoseDefaultOnlyFitsTheLocalStack() {
        for (String module : services) {
            Set<String> set = compose.path("services").path(module).path("environment").propertyNames().stream()
                    .collect(Collectors.toSet());
            assertThat(set).as("environment of %s", module).containsAll(required(module));
        }
    }

    @Test
    void composeGivesEachServiceItsOwnDatabaseCreatedByTheInitScript() {
        String init = Workspace.read(ws.deploy.resolve("compose/postgres/init-databases.sh"));
        Matcher loop = Pattern.compile("for db in ([a-z ]+);").matcher(init);
        assertThat(loop.find()).as("database loop in init-databases.sh").isTrue();
        Set<String> created = Set.of(loop.group(1).trim().split("\\s+"));
        Set<String> used = new HashSet<>();
        for (String module : services) {
            JsonNode env = compose.path("services").path(module).path("environment");
            if (ws.referencedEnv(module).contains("DB_NAME")) {
                String db = env.path("DB_NAME").asString();
                assertThat(db).as("DB_NAME of %s", module).isEqualTo(ws.envDefault(module, "DB_NAME").orElseThrow());
                assertThat(env.path("DB_USER").asString()).as("DB_USER of %s", module).isEqualTo(db);
                assertThat(env.path("DB_PASSWORD").asString()).as("DB_PASSWORD of %s", module)
                        .contains(db.toUpperCase() + "_DB_PASSWORD");
                assertThat(compose.path("services").path("postgres").path("environment").has(db.toUpperCase() + "_DB_PASSWORD"))
                        .as("postgres gets %s's password", module).isTrue();
                assertThat(used.add(db)).as("database %s is shared", db).isTrue();
            }
        }
        assertThat(created).isEqualTo(used);
    }

    @Test
    void composeGatewayRoutesReachEachServiceOnItsPort() {
        assertGatewayRoutes(compose.path("services").path("gateway").path("environment"), compose.path("services"));
    }

    @Test
    void composeKafkaIsAThreeBrokerKraftClusterWithoutAutoCreatedTopics() {
        List<String> brokers = new ArrayList<>();
        compose.path("services").properties().forEach(e -> {
            if (e.getValue().path("image").asString().startsWith("apache/kafka:")
                    && e.getValue().path("environment").has("KAFKA_NODE_ID")) {
                brokers.add(e.getKey());
                JsonNode env = e.getValue().path("environment");
                assertThat(env.path("KAFKA_PROCESS_ROLES").asString()).contains("broker").contains("controller");
                assertThat(env.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asString()).isEqualTo("false");
                assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
                assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asString().split(",")).hasSize(3);
            }
        });
        assertThat(brokers).hasSize(3);
        for (String module : services) {
            JsonNode env = compose.path("services").path(module).path("environment");
            if (env.has("KAFKA_BOOTSTRAP_SERVERS")) {
                assertThat(env.path("KAFKA_BOOTSTRAP_SERVERS").asString().split(","))
                        .as("bootstrap servers of %s", module).containsExactlyInAnyOrderElementsOf(
                                brokers.stream().map(b -> b + ":9092").toList());
            }
        }
    }

    @Test
    void composeTopicScriptCreatesEveryTopicAndItsDeadLetterTopic() {
        String script = Workspace.read(ws.deploy.resolve("compose/kafka/create-topics.sh"));
        Map<String, String> policies = new HashMap<>();
        Matcher create = Pattern.compile("(?m)^create (\\S+) (compact|delete) ").matcher(script);
        while (create.find()) {
            policies.put(create.group(1), create.group(2));
        }
        Matcher loop = Pattern.compile("for t in ([^;]+); do\\s+create \"\\$t\\.dlt\" delete").matcher(script);
        assertThat(loop.find()).as("dead-letter loop in create-topics.sh").isTrue();
        for (String topic : loop.group(1).replace("\\", " ").trim().split("\\s+")) {
            policies.put(Topics.deadLetter(topic), "delete");
        }
        assertThat(policies.keySet()).isEqualTo(expectedTopics());
        for (String topic : Topics.ALL) {
            assertThat(policies.get(topic)).as("cleanup.policy of %s", topic)
                    .isEqualTo(Topics.COMPACTED.contains(topic) ? "compact" : "delete");
        }
    }

    // ---- kubernetes ------------------------------------------------------------------------------------------

    @Test
    void kubernetesRunsEveryServiceWithProbesResourcesAndItsPort() {
        for (String module : services) {
            JsonNode deployment = resource(base, "Deployment", module);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            int port = ws.defaultPort(module);
            assertThat(container.path("image").asString()).as("image of %s", module).startsWith("adpulse/" + module + ":");
            assertThat(container.path("ports").path(0).path("containerPort").asInt()).as("port of %s", module).isEqualTo(port);
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(container.path("resources").path("requests").has("memory")).as("memory request of %s", module).isTrue();
            assertThat(container.path("resources").path("limits").has("memory")).as("memory limit of %s", module).isTrue();
            assertThat(deployment.path("spec").path("template").path("spec").path("securityContext").path("runAsNonRoot").asBoolean())
                    .as("%s runs as non-root", module).isTrue();
            assertThat(deployment.path("spec").path("template").path("metadata").path("annotations").path("prometheus.io/port").asString())
                    .isEqualTo(Integer.toString(port));

            JsonNode service = resource(base, "Service", module);
            assertThat(service.path("spec").path("ports").path(0).path("port").asInt()).as("Service port of %s", module).isEqualTo(port);
            if (SINGLE_INSTANCE.contains(module)) {
                assertThat(deployment.path("spec").path("replicas").asInt()).as("replicas of %s", module).isEqualTo(1);
                assertThat(deployment.path("spec").path("strategy").path("type").asString()).as("rollout of %s", module)
                        .isEqualTo("Recreate");
                assertThat(ofKind(base, "HorizontalPodAutoscaler")).as("HPAs")
                        .noneMatch(h -> module.equals(h.path("spec").path("scaleTargetRef").path("name").asString()));
            } else {
                assertThat(resource(base, "HorizontalPodAutoscaler", module).path("spec").path("scaleTargetRef").path("name").asString())
                        .isEqualTo(module);
            }
            assertThat(resource(base, "PodDisruptionBudget", module).path("spec").path("selector").path("matchLabels")
                    .path("app.kubernetes.io/name").asString()).isEqualTo(module);
        }
    }

    @Test
    void kubernetesSetsOnlyEnvironmentTheServicesReadAndEveryRequiredSetting() {
        JsonNode config = resource(base, "ConfigMap", "adpulse-config").path("data");
        List<JsonNode> all = new ArrayList<>(base);
        all.addAll(Workspace.yamlDocuments(ws.deploy.resolve("k8s/overlays/dev/tiktok-sandbox.yaml")));
        for (JsonNode deployment : ofKind(all, "Deployment")) {
            String module = deployment.path("metadata").path("name").asString();
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            Set<String> set = new TreeSet<>();
            for (JsonNode env : container.path("env")) {
                set.add(env.path("name").asString());
                JsonNode configKey = env.path("valueFrom").path("configMapKeyRef");
                if (!configKey.isMissingNode()) {
                    assertThat(config.has(configKey.path("key").asString()))
                            .as("ConfigMap key %s used by %s", configKey.path("key").asString(), module).isTrue();
                }
            }
            assertThat(ws.referencedEnv(module)).as("variables %s's settings read", module).containsAll(set);
            if (services.contains(module)) {
                assertThat(set).as("environment of %s", module).containsAll(required(module));
            }
        }
    }

    @Test
    void kubernetesSecretsAreReferencedNotCommittedAndDocumented() {
        assertThat(ofKind(base, "Secret")).as("Secrets in the base").isEmpty();
        String readme = Workspace.read(ws.deploy.resolve("README.md"));
        for (JsonNode deployment : ofKind(base, "Deployment")) {
            for (JsonNode env : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    assertThat(readme).as("deploy/README.md documents Secret %s", ref.path("name").asString())
                            .contains(ref.path("name").asString());
                }
            }
        }
    }

    @Test
    void kubernetesGatewayRoutesReachEachServiceOnItsPort() {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode e : resource(base, "Deployment", "gateway").path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
            if (e.has("value")) {
                env.put(e.path("name").asString(), e.path("value").asString());
            }
        }
        Map<String, Integer> servicePorts = new TreeMap<>();
        for (JsonNode service : ofKind(base, "Service")) {
            servicePorts.put(service.path("metadata").path("name").asString(), service.path("spec").path("ports").path(0).path("port").asInt());
        }
        for (String variable : gatewayRouteVariables()) {
            assertThat(env).as("gateway sets %s", variable).containsKey(variable);
            Matcher url = URL.matcher(env.get(variable));
            assertThat(url.matches()).as("%s is http://<service>:<port>", variable).isTrue();
            String module = SERVICE_URI.matcher(variable).replaceAll(m -> m.group(1).toLowerCase() + "-service");
            assertThat(url.group(1)).isEqualTo(module);
            assertThat(servicePorts).containsEntry(module, ws.defaultPort(module));
            assertThat(Integer.parseInt(url.group(2))).isEqualTo(ws.defaultPort(module));
        }
    }

    @Test
    void kubernetesExposesOnlyTheGateway() {
        List<String> open = new ArrayList<>();
        for (JsonNode policy : ofKind(base, "NetworkPolicy")) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!rule.has("from")) {
                    open.add(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString());
                }
            }
        }
        assertThat(open).containsExactly("gateway");
        JsonNode deny = resource(base, "NetworkPolicy", "default-deny-ingress");
        assertThat(deny.path("spec").has("ingress")).isFalse();
        assertThat(strings(deny.path("spec").path("policyTypes"))).containsExactly("Ingress");
        for (JsonNode service : ofKind(base, "Service")) {
            assertThat(service.path("spec").path("type").asString("ClusterIP")).as("type of Service %s",
                    service.path("metadata").path("name").asString()).isEqualTo("ClusterIP");
        }
    }

    @Test
    void kubernetesDeclaresEveryTopicWithReplicationThreeAndCompactionForState() {
        Map<String, JsonNode> declared = new TreeMap<>();
        for (JsonNode topic : ofKind(base, "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asString(topic.path("metadata").path("name").asString());
            assertThat(declared.put(name, spec)).as("%s declared twice", name).isNull();
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asString()).isEqualTo("adpulse");
            assertThat(spec.path("replicas").asInt()).as("replicas of %s", name).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as("min.insync.replicas of %s", name).isEqualTo(2);
            assertThat(spec.path("partitions").asInt()).as("partitions of %s", name).isGreaterThanOrEqualTo(3);
        }
        assertThat(declared.keySet()).isEqualTo(expectedTopics());
        for (String topic : Topics.ALL) {
            assertThat(declared.get(topic).path("config").path("cleanup.policy").asString()).as("cleanup.policy of %s", topic)
                    .isEqualTo(Topics.COMPACTED.contains(topic) ? "compact" : "delete");
        }
        int fewestPartitions = declared.values().stream().mapToInt(s -> s.path("partitions").asInt()).min().orElseThrow();
        for (JsonNode hpa : ofKind(base, "HorizontalPodAutoscaler")) {
            assertThat(hpa.path("spec").path("maxReplicas").asInt()).as("maxReplicas of %s (idle consumers beyond the partitions)",
                    hpa.path("metadata").path("name").asString()).isLessThanOrEqualTo(fewestPartitions);
        }
    }

    @Test
    void kubernetesKafkaClusterKeepsWritesSafeWithOneNodeDown() {
        JsonNode kafka = resource(base, "Kafka", "adpulse").path("spec").path("kafka").path("config");
        assertThat(kafka.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        JsonNode pool = ofKind(base, "KafkaNodePool").get(0).path("spec");
        assertThat(pool.path("replicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(strings(pool.path("roles"))).contains("broker", "controller");
    }

    @Test
    void kubernetesBootstrapServersPointAtTheStrimziCluster() {
        String bootstrap = resource(base, "ConfigMap", "adpulse-config").path("data").path("kafka-bootstrap-servers").asString();
        assertThat(bootstrap).isEqualTo(resource(base, "Kafka", "adpulse").path("metadata").path("name").asString() + "-kafka-bootstrap:9092");
    }

    @Test
    void kustomizationsListExistingFilesAndTheBaseListsAllOfItsFiles() {
        Path baseDir = ws.deploy.resolve("k8s/base");
        Set<String> listed = new TreeSet<>(strings(Workspace.yaml(baseDir.resolve("kustomization.yaml")).path("resources")));
        Set<String> present = Workspace.files(baseDir, ".yaml").stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(present);
        for (Path kustomization : Workspace.files(ws.deploy.resolve("k8s"), "kustomization.yaml")) {
            JsonNode k = Workspace.yaml(kustomization);
            for (String field : List.of("resources", "components")) {
                for (String entry : strings(k.path(field))) {
                    assertThat(kustomization.getParent().resolve(entry)).as("%s of %s", entry, kustomization).exists();
                }
            }
        }
    }

    // ---- topics used by the code -----------------------------------------------------------------------------

    @Test
    void everyTopicNamedInTheCodeIsDeclared() {
        Pattern topicLiteral = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.v\\d+(?:\\.dlt)?)\"");
        Set<String> named = new TreeSet<>();
        for (Path source : ws.mainSources()) {
            Matcher m = topicLiteral.matcher(Workspace.read(source));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        // CloudEvents types look like topic names (adpulse.alerts.fired.v1) but are not topics.
        Arrays.stream(EventType.values()).map(EventType::type).forEach(named::remove);
        assertThat(named).isNotEmpty();
        assertThat(expectedTopics()).as("topics named in the services' code").containsAll(named);
        assertThat(expectedTopics()).as("topics of the event types")
                .containsAll(Arrays.stream(EventType.values()).map(EventType::topic).toList());
    }

    // ---- metrics ---------------------------------------------------------------------------------------------

    @Test
    void alertRulesAndDashboardsQueryOnlyMetricsTheServicesRegister() {
        MeterCatalog catalog = new MeterCatalog(ws.mainSources());
        assertThat(catalog.names()).contains("adpulse.tiktok.api.calls", "adpulse.reporting.observations",
                "adpulse.alerting.deliveries", "adpulse.audit.appended");
        Map<String, Set<String>> unknown = new TreeMap<>();
        Set<String> used = new TreeSet<>();
        queries().forEach((where, expr) -> {
            for (String series : MeterCatalog.seriesIn(expr)) {
                used.add(series);
                boolean known = series.startsWith("adpulse_") ? catalog.meterFor(series).isPresent()
                        : MeterCatalog.STANDARD.contains(series);
                if (!known) {
                    unknown.computeIfAbsent(where, w -> new TreeSet<>()).add(series);
                }
            }
        });
        assertThat(unknown).as("series that no service registers").isEmpty();
        assertThat(used).contains("adpulse_tiktok_api_calls_total", "kafka_consumer_fetch_manager_records_lag_max", "up");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPortAsAJobNamedAfterTheModule() {
        JsonNode config = Workspace.yaml(ws.deploy.resolve("prometheus/prometheus.yml"));
        Map<String, List<String>> targets = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            List<String> hosts = new ArrayList<>();
            job.path("static_configs").forEach(c -> hosts.addAll(strings(c.path("targets"))));
            targets.put(job.path("job_name").asString(), hosts);
            if (services.contains(job.path("job_name").asString())) {
                assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
            }
        }
        for (String module : services) {
            assertThat(targets).as("scrape jobs").containsKey(module);
            assertThat(targets.get(module)).as("targets of %s", module).containsExactly(module + ":" + ws.defaultPort(module));
            assertThat(compose.path("services").has(module)).isTrue();
        }
        String rules = Workspace.read(ws.deploy.resolve("prometheus/rules/adpulse-alerts.yml"));
        Matcher down = Pattern.compile("up\\{job=~\"([^\"]+)\"}").matcher(rules);
        assertThat(down.find()).as("AdpulseServiceDown's job list").isTrue();
        assertThat(Set.of(down.group(1).split("\\|"))).isEqualTo(Set.copyOf(services));
    }

    @Test
    void dashboardsUseTheProvisionedDatasourceAndHaveUniqueIds() {
        JsonNode datasources = Workspace.yaml(ws.deploy.resolve("compose/grafana/provisioning/datasources/prometheus.yaml"));
        String uid = datasources.path("datasources").path(0).path("uid").asString();
        Set<String> uids = new HashSet<>();
        List<Path> dashboards = Workspace.files(ws.deploy.resolve("grafana/dashboards"), ".json");
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : dashboards) {
            JsonNode dashboard = Workspace.JSON.readTree(file);
            assertThat(uids.add(dashboard.path("uid").asString())).as("uid of %s is unique", file).isTrue();
            Set<Integer> panelIds = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panelIds.add(panel.path("id").asInt())).as("panel id in %s", file).isTrue();
                assertThat(panel.path("datasource").path("uid").asString()).as("datasource of %s", panel.path("title").asString()).isEqualTo(uid);
                assertThat(panel.path("targets").isEmpty()).as("queries of %s", panel.path("title").asString()).isFalse();
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Every PromQL expression of the alert rules and dashboards, keyed by where it is. */
    private static Map<String, String> queries() {
        Map<String, String> queries = new TreeMap<>();
        for (Path rules : Workspace.files(ws.deploy.resolve("prometheus/rules"), ".yml")) {
            for (JsonNode group : Workspace.yaml(rules).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("alert") ? rule.path("alert").asString() : rule.path("record").asString();
                    queries.put(rules.getFileName() + " " + name, rule.path("expr").asString());
                }
            }
        }
        for (Path file : Workspace.files(ws.deploy.resolve("grafana/dashboards"), ".json")) {
            JsonNode dashboard = Workspace.JSON.readTree(file);
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(file.getFileName() + " " + panel.path("title").asString() + " " + target.path("refId").asString(),
                            target.path("expr").asString());
                }
            }
        }
        assertThat(queries).isNotEmpty();
        return queries;
    }

    private static void assertGatewayRoutes(JsonNode env, JsonNode composeServices) {
        for (String variable : gatewayRouteVariables()) {
            assertThat(env.has(variable)).as("gateway sets %s", variable).isTrue();
            Matcher url = URL.matcher(env.path(variable).asString());
            assertThat(url.matches()).as("%s is http://<service>:<port>", variable).isTrue();
            String module = url.group(1);
            assertThat(composeServices.has(module)).as("%s points at a compose service", variable).isTrue();
            assertThat(Integer.parseInt(url.group(2))).as("port in %s", variable).isEqualTo(ws.defaultPort(module));
            assertThat(module).isEqualTo(SERVICE_URI.matcher(variable).replaceAll(m -> m.group(1).toLowerCase() + "-service"));
        }
    }

    /** The ADPULSE_&lt;SVC&gt;_URI variables the gateway's routes read. */
    private static Set<String> gatewayRouteVariables() {
        Set<String> variables = ws.referencedEnv("gateway").stream().filter(v -> SERVICE_URI.matcher(v).matches())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(variables).hasSizeGreaterThanOrEqualTo(5);
        return variables;
    }

    private static Set<String> required(String module) {
        Set<String> required = new TreeSet<>(ws.referencedEnv(module));
        required.retainAll(REQUIRED_WHEN_READ);
        return required;
    }

    private static Set<String> expectedTopics() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
        return topics;
    }

    /** Services plus the sandbox, which compose and the dev overlay also run. */
    private static List<String> runnableModules() {
        return Stream.concat(services.stream(), Stream.of("tiktok-sandbox")).toList();
    }

    private static List<String> composeModules() {
        return runnableModules().stream().filter(m -> compose.path("services").has(m)).toList();
    }

    private static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asString())).toList();
    }

    private static JsonNode resource(List<JsonNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asString()))
                .findFirst().orElseGet(() -> fail("no " + kind + " named " + name + " in deploy/k8s/base"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

}

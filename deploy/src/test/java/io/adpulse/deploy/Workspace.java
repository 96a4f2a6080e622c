package io.adpulse.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository as the deploy test sees it: the reactor's service modules with their settings files and
 * Java sources, and the files under deploy/. Read once per test JVM.
 */
final class Workspace {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DEFAULT_PORT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");

    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    final Path deploy;
    final Path root;

    Workspace() {
        Path here = Path.of("").toAbsolutePath();
        this.deploy = Files.exists(here.resolve("compose")) ? here : here.resolve("deploy");
        this.root = deploy.getParent();
    }

    /** The reactor modules in root pom order. */
    List<String> modules() {
        Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    /** Modules that are deployable services: they have src/main/resources/application.yml. */
    List<String> services() {
        return modules().stream().filter(m -> Files.exists(applicationYml(m))).toList();
    }

    Path applicationYml(String module) {
        return root.resolve(module).resolve("src/main/resources/application.yml");
    }

    /** The settings file of a runnable module: application.yml, or &lt;module&gt;.yml (the sandbox renames its own). */
    Optional<Path> settingsFile(String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        return Stream.of(resources.resolve("application.yml"), resources.resolve(module + ".yml"))
                .filter(Files::exists).findFirst();
    }

    /** Every environment variable the settings file reads through ${NAME...} placeholders, nested ones included. */
    Set<String> referencedEnv(String module) {
        String text = read(settingsFile(module).orElseThrow(() -> new AssertionError(module + " has no settings file")));
        Set<String> names = new TreeSet<>();
        Matcher m = ENV_REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** server.port's default (${SERVER_PORT:nnnn}) of a runnable module. */
    int defaultPort(String module) {
        JsonNode settings = yaml(settingsFile(module).orElseThrow());
        String port = settings.path("server").path("port").asString();
        Matcher m = DEFAULT_PORT.matcher(port);
        if (!m.matches()) {
            throw new AssertionError(module + ": server.port is not ${SERVER_PORT:<port>} but " + port);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The default of ${NAME:default} in a module's settings, when it has one. */
    Optional<String> envDefault(String module, String name) {
        Matcher m = Pattern.compile("\\$\\{" + Pattern.quote(name) + ":([^}$]*)}").matcher(read(settingsFile(module).orElseThrow()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Ports of docs/CONVENTIONS.md's module table: | module | port | ... */
    Map<String, Integer> conventionPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\|\\s*([a-z-]+)\\s*\\|\\s*(\\d+)\\s*\\|").matcher(read(root.resolve("docs/CONVENTIONS.md")));
        while (m.find()) {
            ports.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return ports;
    }

    /** Java sources of every module's src/main/java. */
    List<Path> mainSources() {
        List<Path> sources = new ArrayList<>();
        for (String module : modules()) {
            if (module.equals("bench")) {
                continue; // the benchmarks' scratch topics and meters are not part of what is deployed
            }
            Path java = root.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(java)) {
                try (Stream<Path> files = Files.walk(java)) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sources;
    }

    /** A multi-document YAML file as Jackson trees (empty documents skipped). */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + " holds " + documents.size() + " YAML documents, expected 1");
        }
        return documents.get(0);
    }

    /**
     * A compose file with its anchors, aliases and merge keys ({@code <<}) resolved. Jackson's YAML parser does not
     * apply merge keys, so this reads with snakeyaml-engine (the YAML engine under jackson-dataformat-yaml) and
     * applies them; the result is converted to a Jackson tree.
     */
    static JsonNode composeFile(Path file) {
        Object loaded = new Load(LoadSettings.builder().setMaxAliasesForCollections(200).build()).loadFromString(read(file));
        return JSON.valueToTree(mergeKeys(loaded));
    }

    @SuppressWarnings("unchecked")
    private static Object mergeKeys(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Object base = map.get("<<");
            if (base != null) {
                List<Object> bases = base instanceof List<?> list ? (List<Object>) list : List.of(base);
                for (Object b : bases) {
                    ((Map<String, Object>) mergeKeys(b)).forEach(merged::putIfAbsent);
                }
            }
            Map<String, Object> own = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!"<<".equals(k)) {
                    own.put(String.valueOf(k), mergeKeys(v));
                }
            });
            own.forEach(merged::put);
            return merged;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(Workspace::mergeKeys).toList();
        }
        return node;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.gongkai.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart in helm/gongkai, linted and rendered by Helm itself (helm-java: Helm's Go code as a native library,
 * called in-process).
 *
 * <p>Two gaps of helm-java 0.0.15 are bridged here, each in a copy of the chart, never in the chart itself:
 * its lint takes no values file, so linting with extra values lints a copy whose values.yaml is the chart's
 * values coalesced with them as Helm does for {@code -f}; and its template returns only the release manifest,
 * without the hooks that {@code helm template} prints, so {@link #renderHooks} renders a copy in which the
 * {@code helm.sh/hook*} annotation keys are renamed to {@link #HOOK_PREFIX}, which makes Helm treat the hook
 * resources as plain ones while keeping the annotations' values for the assertions.
 */
final class Chart {

    static final Path DIR = locate();
    static final Path PRODUCTION_VALUES = DIR.resolve("values-production.yaml");
    static final String RELEASE = "gongkai";
    static final String NAMESPACE = "gongkai";
    static final String HOOK_PREFIX = "test.gongkai/hook";

    private Chart() {}

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("gongkai"), p.resolve("helm/gongkai"))) {
                if (Files.isRegularFile(candidate.resolve("Chart.yaml"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(
                "helm/gongkai/Chart.yaml not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code helm lint helm/gongkai}. */
    static LintResult lint() {
        return new Helm(DIR).lint().call();
    }

    /** {@code helm lint helm/gongkai -f valuesFile}. */
    static LintResult lint(Path valuesFile) {
        Path copy = copyChart();
        try {
            Map<String, Object> merged = coalesce(load(DIR.resolve("values.yaml")), load(valuesFile));
            Files.writeString(copy.resolve("values.yaml"), dump(merged));
            return new Helm(copy).lint().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    /** {@code helm template gongkai helm/gongkai -n gongkai [-f valuesFile] [--set k=v ...]}: the release manifest. */
    static Manifests render(Path valuesFile, Map<String, Object> set) {
        return Manifests.parse(template(DIR, valuesFile, set));
    }

    static Manifests render() {
        return render(null, Map.of());
    }

    static Manifests render(Map<String, Object> set) {
        return render(null, set);
    }

    /**
     * The hook resources (and the rest): rendered from a copy whose hook annotation keys are renamed, see the class
     * comment.
     */
    static Manifests renderHooks(Path valuesFile, Map<String, Object> set) {
        Path copy = copyChart();
        try (Stream<Path> files = Files.list(copy.resolve("templates"))) {
            for (Path f : files.toList()) {
                Files.writeString(f, Files.readString(f).replace("helm.sh/hook", HOOK_PREFIX));
            }
            return Manifests.parse(template(copy, valuesFile, set));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    private static String template(Path chart, Path valuesFile, Map<String, Object> set) {
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    /** Helm's coalescing of a values file over the chart's values: maps merge, anything else replaces, null deletes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> coalesce(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> m && result.get(key) instanceof Map<?, ?> b) {
                result.put(key, coalesce((Map<String, Object>) b, (Map<String, Object>) m));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    static Map<String, Object> load(Path yaml) throws IOException {
        Map<String, Object> map = new Yaml(new LoaderOptions()).load(Files.readString(yaml));
        return map == null ? Map.of() : map;
    }

    private static String dump(Map<String, Object> values) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(values);
    }

    private static Path copyChart() {
        try {
            Path target = Files.createTempDirectory("gongkai-chart-").resolve("gongkai");
            try (Stream<Path> all = Files.walk(DIR)) {
                for (Path source : all.toList()) {
                    Path dest = target.resolve(DIR.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path chartCopy) {
        try (Stream<Path> all = Files.walk(chartCopy.getParent())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a rendered manifest, parsed. */
    record Manifests(List<Map<String, Object>> documents) {

        static Manifests parse(String multiDocumentYaml) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(multiDocumentYaml)) {
                if (doc instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) m;
                    docs.add(typed);
                }
            }
            return new Manifests(List.copyOf(docs));
        }

        List<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> get(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(d -> name.equals(Y.str(d, "metadata.name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
        }

        List<String> names() {
            return documents.stream()
                    .map(d -> d.get("kind") + "/" + Y.str(d, "metadata.name"))
                    .toList();
        }
    }
}

package dev.gongkai.helm;

import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML by dotted paths ("spec.template.spec"). */
final class Y {

    private Y() {}

    static Object at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    static String str(Object node, String path) {
        Object v = at(node, path);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object v = at(node, path);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String path) {
        Object v = at(node, path);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Object node, String path) {
        Object v = at(node, path);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The one container of a Deployment or Job. */
    static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = list(workload, "spec.template.spec.containers");
        if (containers.size() != 1) {
            throw new AssertionError("expected one container in " + str(workload, "metadata.name") + ": " + containers);
        }
        return containers.getFirst();
    }

    /** Environment variable names of a container. */
    static List<String> envNames(Map<String, Object> container) {
        return list(container, "env").stream().map(e -> (String) e.get("name")).toList();
    }
}

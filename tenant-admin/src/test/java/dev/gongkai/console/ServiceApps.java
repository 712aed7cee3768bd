package dev.gongkai.console;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Starts a Gongkai service inside the test's JVM from its Spring Boot jar: the jar is unpacked once
 * ({@code BOOT-INF/classes} and {@code BOOT-INF/lib}) and the application runs in a class loader of its own whose
 * parent is the platform class loader, so neither its classes nor its {@code application.yaml} meet the console's.
 * The services' artifacts are executable jars, which cannot serve as ordinary test dependencies.
 */
final class ServiceApps {

    private ServiceApps() {}

    /** A running service: its application context, reached by reflection across the class-loader boundary. */
    record Running(String name, int port, Object context, ClassLoader loader) {

        Object bean(String name) throws ReflectiveOperationException {
            return context.getClass().getMethod("getBean", String.class).invoke(context, name);
        }

        /** Calls into the service with its class loader as the context class loader (Liquibase looks there). */
        Object invoke(Object target, String method, Class<?>[] types, Object... args)
                throws ReflectiveOperationException {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return target.getClass().getMethod(method, types).invoke(target, args);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    static Path jars() {
        String dir = System.getProperty("gongkai.serviceJars", "target/service-jars");
        return Path.of(dir);
    }

    static Running start(String name, String mainClass, int port, List<String> args) throws Exception {
        Path jar = jars().resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No " + jar + ": build the services first " + "(mvn -pl tenant-admin -am install -DskipTests)");
        }
        Path unpacked = unpack(jar);
        List<URL> urls = new ArrayList<>();
        urls.add(unpacked.resolve("BOOT-INF/classes").toUri().toURL());
        try (Stream<Path> libs = Files.list(unpacked.resolve("BOOT-INF/lib"))) {
            for (Path lib : libs.sorted().toList()) {
                urls.add(lib.toUri().toURL());
            }
        }
        URLClassLoader loader =
                new URLClassLoader(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        all.add("--logging.level.root=WARN");
        all.add("--spring.main.banner-mode=off");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            // Tomcat sets the JVM's one URL stream handler factory; only the console's Tomcat may.
            loader.loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory")
                    .getMethod("disable")
                    .invoke(null);
            Class<?> main = loader.loadClass(mainClass);
            Class<?> spring = loader.loadClass("org.springframework.boot.SpringApplication");
            Method run = spring.getMethod("run", Class.class, String[].class);
            Object context = run.invoke(null, main, all.toArray(String[]::new));
            return new Running(name, port, context, loader);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Unpacks the jar next to it, once per jar content (keyed by size and time). */
    private static Path unpack(Path jar) throws IOException {
        Path target = jar.resolveSibling(jar.getFileName() + "-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis());
        if (Files.isDirectory(target.resolve("BOOT-INF"))) {
            return target;
        }
        Path partial = Files.createTempDirectory(jar.getParent(), "unpacking");
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.isDirectory() || !entry.getName().startsWith("BOOT-INF/")) {
                    continue;
                }
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}

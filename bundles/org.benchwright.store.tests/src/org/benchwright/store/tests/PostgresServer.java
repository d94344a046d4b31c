/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.benchwright.store.PlantStores.Credentials;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for one test class: Debian's binaries ({@code /usr/lib/postgresql/<version>/bin}), a
 * cluster in a temporary folder, a free loopback port, started and stopped here. PostgreSQL refuses to run as root,
 * so as root the cluster belongs to the {@code postgres} user the package creates. Nothing depends on the system's
 * own cluster or service.
 */
final class PostgresServer {

    static final Credentials CREDENTIALS = new Credentials("bw", "");

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean root;
    private int databases;

    private PostgresServer(Path bin, Path folder, int port, boolean root) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.root = root;
    }

    private static PostgresServer shared;

    /**
     * The server the test classes share, started on first use (about two seconds) and stopped when the test run's
     * JVM ends; each test takes a {@link #newDatabase() database} of its own.
     */
    static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException | InterruptedException e) {
                    // the JVM is ending; the cluster's folder is temporary
                }
            }, "stop the test PostgreSQL server"));
            shared = server;
        }
        return shared;
    }

    /** Creates a cluster and starts it. */
    private static PostgresServer start() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElseThrow(() -> new IOException(
                            "no PostgreSQL under /usr/lib/postgresql: install Debian's postgresql (releng/packages)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no /usr/lib/postgresql: install Debian's postgresql (releng/packages)", e);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("benchwright-pg");
        if (root) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, folder, port, root);
        server.run("initdb", "-D", folder.resolve("data").toString(), "-A", "trust", "-U", "bw", "-E", "UTF8",
                "--no-sync");
        server.startServer();
        return server;
    }

    private void startServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", folder.resolve("data").toString(), "-o", "-p " + port + " -k " + folder
                + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "-l",
                folder.resolve("log").toString(), "-w", "-t", "60", "start");
    }

    /** Stops the server at once ({@code -m immediate}: as a crash or a pulled cable would look to a bench). */
    void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts it again after {@link #stop()}. */
    void startAgain() throws IOException, InterruptedException {
        startServer();
    }

    /** A new, empty database on this server, as a plant store location. */
    String newDatabase() throws SQLException {
        String name = "plant" + (++databases);
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgresql://127.0.0.1:" + port + "/" + name;
    }

    PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { "127.0.0.1" });
        ds.setPortNumbers(new int[] { port });
        ds.setDatabaseName(database);
        ds.setUser("bw");
        return ds;
    }

    private void run(String command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.add(bin.resolve(command).toString());
        line.addAll(List.of(args));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = Files.exists(folder.resolve("log")) ? Files.readString(folder.resolve("log")) : "";
            throw new IOException(String.join(" ", line) + " failed: " + out + log);
        }
    }

    private void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

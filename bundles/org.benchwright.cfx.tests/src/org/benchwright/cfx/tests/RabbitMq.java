/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real RabbitMQ broker with its AMQP 1.0 plugin for the tests: Debian's {@code rabbitmq-server}, the broker the
 * CFX SDK was tested against, started here as a node of its own ({@code bwtest-<port>@localhost}) on free loopback
 * ports, with its Erlang port mapper on a port of its own, its database, logs, configuration and cookie in a
 * temporary folder, and stopped when the test run's JVM ends. Nothing depends on a system broker or service.
 * {@link #stop()} and {@link #start()} restart it on the same folder: its durable queues keep their messages.
 */
final class RabbitMq {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");

    private final Path folder;
    private final int port;
    private final int tlsPort;
    private final int distribution;
    private final int portMapper;
    private final String node;
    private Process server;

    private RabbitMq(Path folder, int port, int tlsPort, int distribution, int portMapper) {
        this.folder = folder;
        this.port = port;
        this.tlsPort = tlsPort;
        this.distribution = distribution;
        this.portMapper = portMapper;
        this.node = "bwtest-" + port + "@localhost";
    }

    private static RabbitMq shared;

    /** The broker the test classes share, started on first use (5 to 10 s) and stopped with the JVM. */
    static synchronized RabbitMq shared() throws IOException, InterruptedException {
        if (shared == null) {
            if (!Files.isExecutable(BIN.resolve("rabbitmq-server"))) {
                throw new IOException("no " + BIN.resolve("rabbitmq-server") + ": install Debian's rabbitmq-server "
                        + "(releng/packages)");
            }
            RabbitMq broker = new RabbitMq(Files.createTempDirectory("benchwright-rabbitmq"), freePort(), freePort(),
                    freePort(), freePort());
            broker.configure();
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop the test RabbitMQ broker"));
            shared = broker;
        }
        return shared;
    }

    /** Where an AMQP 1.0 client reaches it: {@code amqp://127.0.0.1:<port>}. */
    URI uri() {
        return URI.create("amqp://127.0.0.1:" + port);
    }

    /** Where a client reaches it over TLS: {@code amqps://127.0.0.1:<port>}, its certificate {@link #certificate()}. */
    URI tlsUri() {
        return URI.create("amqps://127.0.0.1:" + tlsPort);
    }

    /** The broker's self-signed certificate (PEM), made for this run, naming 127.0.0.1 and localhost. */
    Path certificate() {
        return folder.resolve("server.pem");
    }

    private void configure() throws IOException, InterruptedException {
        Files.createDirectories(folder.resolve("home"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout",
                folder.resolve("server.key").toString(), "-out", certificate().toString()).redirectErrorStream(true)
                .start();
        String said = new String(openssl.getInputStream().readAllBytes());
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make the test broker's certificate: " + said);
        }
        Files.writeString(folder.resolve("enabled_plugins"), "[rabbitmq_amqp1_0].\n");
        Files.writeString(folder.resolve("rabbitmq.conf"), String.join("\n",
                "listeners.tcp.1 = 127.0.0.1:" + port,
                "listeners.ssl.1 = 127.0.0.1:" + tlsPort,
                "ssl_options.certfile = " + certificate(),
                "ssl_options.keyfile = " + folder.resolve("server.key"),
                "ssl_options.verify = verify_none",
                "ssl_options.fail_if_no_peer_cert = false",
                "loopback_users = none",
                "amqp1_0.default_user = guest",
                "log.console = false",
                "log.file.level = warning", ""));
    }

    private Map<String, String> environment(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.put("HOME", folder.resolve("home").toString()); // the Erlang cookie
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distribution));
        env.put("RABBITMQ_MNESIA_BASE", folder.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", folder.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", folder.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_CONFIG_FILE", folder.resolve("rabbitmq").toString());
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        env.put("ERL_EPMD_PORT", Integer.toString(portMapper));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        return env;
    }

    /** Starts the node and waits until it has started its applications and listens. */
    synchronized void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("server.out").toFile());
        environment(builder);
        server = builder.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                ctl(120, "await_startup"); // fails at once until the node has registered its name
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > end) {
                    kill();
                    throw new IOException("the test broker did not start: " + notYet.getMessage(), notYet);
                }
                Thread.sleep(500); // polling the node's start, the only way rabbitmqctl offers
            }
        }
    }

    /** Stops the node (its queues and their messages stay on disk for {@link #start()}). */
    synchronized void stop() throws IOException, InterruptedException {
        try {
            ctl(120, "stop");
            if (server != null && !server.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
            throw e;
        }
        server = null;
    }

    /** Ends the node by force: the Erlang VM the start script began as well as the script. */
    private void kill() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    /** How many messages wait in a queue. */
    int depth(String queue) throws IOException, InterruptedException {
        for (String line : ctl(60, "list_queues", "-q", "--no-table-headers", "name", "messages").split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals(queue)) {
                return Integer.parseInt(fields[1]);
            }
        }
        return 0;
    }

    private String ctl(int seconds, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        environment(builder);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", line) + " failed: " + out + log());
        }
        return out;
    }

    private String log() throws IOException {
        Path out = folder.resolve("server.out");
        return Files.exists(out) ? "\n" + Files.readString(out) : "";
    }

    private void close() {
        try {
            if (server != null) {
                stop();
            }
            ProcessBuilder builder = new ProcessBuilder("epmd", "-port", Integer.toString(portMapper), "-kill");
            environment(builder);
            builder.redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; the folder is temporary
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // left in the temporary folder
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }
}

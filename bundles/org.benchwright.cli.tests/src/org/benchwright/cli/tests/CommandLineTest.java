/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.cli.Cli;
import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.journal.Hashes;
import org.junit.jupiter.api.io.TempDir;
/** What the command line's tests share: the library, the examples, a folder, the output and the commands run. */
abstract class CommandLineTest {

    static final Path LIBRARY = Path.of("../org.benchwright.library/library");
    static final Path EXAMPLES = Path.of("../../releng/examples");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--library", LIBRARY.toString(), "--speed", "max",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--records",
                dir.resolve("records").toString(), "--documents", dir.resolve("documents.jsonl").toString()));
        all.addAll(List.of(args));
        if (!all.contains("--station")) {
            all.addAll(List.of("--station", "sim"));
        }
        return onTheBench(all);
    }

    /**
     * Runs a command line on the bench's own embedded store, unless it names another; once that store has accounts,
     * its technician signed in first.
     */
    int onTheBench(List<String> all) {
        if (!all.contains("--store")) {
            all.addAll(List.of("--store", benchStore()));
        }
        String store = all.get(all.indexOf("--store") + 1);
        if (accounts.containsKey(store) && all.contains("--technician")) {
            signIn(store, all.get(all.indexOf("--technician") + 1));
        }
        return cli(all.toArray(String[]::new));
    }

    /** The bench's own embedded plant store, in the test's folder. */
    String benchStore() {
        return "h2:" + dir.resolve("bench-store");
    }

    /**
     * Approves a library procedure's current revision, signed by the CSE of the example register in the bench's
     * store.
     */
    void approve(String procedure) {
        assertEquals(0, signed("T-004", "approve", "--library", LIBRARY.toString(), "--procedure", procedure,
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()), () -> out() + err());
    }

    /** Each person's password in the tests' stores. */
    static String password(String id) {
        return "password-of-" + id;
    }

    /** The accounts made in each store the test signs in to. */
    private final java.util.Map<String, java.util.Set<String>> accounts = new java.util.HashMap<>();

    /**
     * Signs {@code id} in to {@code store}, whose accounts are made at first use: T-004 (the example register's CSE)
     * as its admin, everyone else a technician and engineer.
     */
    void signIn(String store, String id) {
        java.util.Set<String> made = accounts.get(store);
        if (made == null) {
            assertEquals(0, typing(password("T-004"), "accounts", "add", "--id", "T-004", "--name", "Dana Reyes",
                    "--roles", "admin,cse,engineer", "--store", store), () -> out() + err());
            made = new java.util.HashSet<>(List.of("T-004"));
            accounts.put(store, made);
        }
        if (made.add(id)) {
            assertEquals(0, typing(password("T-004"), "login", "--user", "T-004", "--store", store), this::err);
            assertEquals(0, typing(password(id), "accounts", "add", "--id", id, "--name", "Person " + id,
                    "--roles", "technician,engineer", "--store", store), () -> out() + err());
        }
        assertEquals(0, typing(password(id), "login", "--user", id, "--store", store), this::err);
    }

    /**
     * A command signed by {@code id}: signed in to the bench's store first, their password typed at the prompt.
     */
    int signed(String id, String... args) {
        String store = args.length > 1 && List.of(args).contains("--store") ? List.of(args).get(List.of(args).indexOf(
                "--store") + 1) : benchStore();
        signIn(store, id);
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--store")) {
            all.addAll(List.of("--store", store));
        }
        return typing(password(id), all.toArray(String[]::new));
    }

    /** A command line with {@code typed} (one line) at its prompts, as a person types a password. */
    int typing(String typed, String... args) {
        out.reset();
        err.reset();
        org.benchwright.cli.CapturedRun run = org.benchwright.cli.CapturedRun.typing(typed + "\n", args);
        out.writeBytes(run.out().getBytes(StandardCharsets.UTF_8));
        err.writeBytes(run.err().getBytes(StandardCharsets.UTF_8));
        return run.exit();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path record() {
        Matcher m = Pattern.compile("record: (\\S+\\.jsonl)").matcher(out());
        assertTrue(m.find(), out());
        return Path.of(m.group(1));
    }

    int cli(String... args) {
        out.reset();
        err.reset();
        return new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * What an insider does to a journal: changes the first {@code from} to {@code to}, then recomputes every hash from
     * there so that the chain holds; the bench's signatures stay as they were, or, given the bench's {@code key}, are
     * made again where the bench had signed.
     */
    static void rewrite(Path file, String from, String to, BenchKey key) throws IOException {
        StringBuilder out = new StringBuilder();
        String prev = "0".repeat(64);
        boolean changed = false;
        for (String line : Files.readAllLines(file)) {
            String sig = line.replaceAll("^.*?(,\"sig\":\"[^\"]*\")?}$", "$1");
            String body = line.replaceAll(",\"hash\":\"[0-9a-f]{64}\"(,\"sig\":\"[^\"]*\")?}$", "}");
            if (!changed && body.contains(from)) {
                body = body.replace(from, to);
                changed = true;
            }
            body = body.replaceAll("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            prev = Hashes.sha256(body);
            if (key != null && !sig.isEmpty()) {
                sig = ",\"sig\":\"" + key.fingerprint() + ":" + java.util.Base64.getEncoder().encodeToString(key.sign(
                        prev.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) + "\"";
            }
            out.append(body, 0, body.length() - 1).append(",\"hash\":\"").append(prev).append('"').append(sig)
                    .append("}\n");
        }
        assertTrue(changed, from + " is not in " + file);
        Files.writeString(file, out);
    }
}

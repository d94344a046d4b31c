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

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.UnitLockedException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Another bench or desk: a separate Java process that opens the same plant store and, as a second machine would,
 * asks for a unit ({@code lock <unit> <job>}) or approves a revision ({@code approve <document> <approver>}). Started
 * by {@link #start}; prints "won" or why not, then "done", and exits when its standard input ends or gives a line.
 */
public final class Bench {

    /** The bundles a bench process needs, as plain jars (or class folders) on its class path. */
    private static final Set<String> CLASS_PATH = Set.of("org.benchwright.store", "org.benchwright.store.tests",
            "com.google.gson", "org.liquibase.core", "org.yaml.snakeyaml", "org.apache.commons.lang3",
            "org.apache.commons.commons-io", "com.zaxxer.HikariCP", "slf4j.api", "slf4j.nop", "com.h2database",
            "org.postgresql.jdbc", "org.benchwright.engine", "org.benchwright.model", "org.eclipse.emf.common",
            "org.eclipse.emf.ecore", "org.eclipse.emf.ecore.xmi");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String location = args[0];
        System.out.println("ready");
        System.out.flush();
        System.in.read(); // every bench starts asking at once
        try (PlantStore store = PlantStores.open(location, PostgresServer.CREDENTIALS)) {
            if (args[1].equals("approve")) {
                new DocumentRegister(store.documents()).approve(args[2], "2", "h-2", RegistersTest.cse(args[3]),
                        LocalDate.of(2026, 6, 1));
            } else {
                store.lockUnit(args[2], args[3], "bench-" + args[3]);
            }
            System.out.println("won");
        } catch (UnitLockedException | IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("done");
        System.out.flush();
        System.in.read(); // a bench holds its unit while its job runs: until told to end, or killed
    }

    /**
     * Races separate bench processes: starts one for each of {@code whats}, waits until every one is ready, lets them
     * all go at once, and returns what each said ("won", or why not) once every one has answered while all of them
     * still run; then ends them.
     */
    static List<String> race(String location, List<List<String>> whats) throws IOException, InterruptedException {
        List<Process> benches = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        for (List<String> what : whats) {
            Process p = start(location, what.toArray(String[]::new));
            benches.add(p);
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (!"ready".equals(first)) {
                throw new IOException("a bench process said " + first + " instead of ready: " + p.info());
            }
            outs.add(out);
        }
        for (Process p : benches) {
            p.getOutputStream().write('\n');
            p.getOutputStream().flush(); // go
        }
        List<String> said = new ArrayList<>();
        for (BufferedReader out : outs) {
            StringBuilder text = new StringBuilder();
            for (String line; (line = out.readLine()) != null && !line.equals("done");) {
                text.append(line);
            }
            said.add(text.toString());
        }
        for (Process p : benches) { // every bench has answered while all of them run: now they end
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("a bench process did not end: " + p.info());
            }
        }
        return said;
    }

    /** Starts a bench process that will do {@code what} ({@code lock <unit> <job>}, {@code approve <document> <approver>}) once told to go. */
    static Process start(String location, String... what) throws IOException {
        List<String> path = new ArrayList<>();
        var context = FrameworkUtil.getBundle(Bench.class).getBundleContext();
        String install = context.getProperty("osgi.install.area");
        File base = new File(install.substring(install.indexOf("file:") + "file:".length()));
        for (Bundle b : context.getBundles()) {
            if (CLASS_PATH.contains(b.getSymbolicName())) {
                path.add(file(base, b.getLocation()));
            }
        }
        if (path.size() != CLASS_PATH.size()) {
            throw new IOException("a bench process needs " + CLASS_PATH + "; found " + path);
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, path),
                Bench.class.getName(), location));
        command.addAll(List.of(what));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * A bundle's jar from its location ("reference:file:/...", "initial@reference:file:...", "file:...", relative ones
     * to the framework's install area); for a bundle
     * the build runs from its project folder, that folder's compiled classes.
     */
    private static String file(File base, String location) throws IOException {
        File file = new File(location.substring(location.indexOf("file:") + "file:".length()));
        file = (file.isAbsolute() ? file : new File(base, file.getPath())).getCanonicalFile();
        File classes = new File(file, "target/classes");
        return (file.isDirectory() && classes.isDirectory() ? classes : file).getPath();
    }
}

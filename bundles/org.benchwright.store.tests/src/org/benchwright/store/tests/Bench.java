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

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.UnitLockedException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Another bench: a separate Java process that opens the same plant store and asks for a unit, as a second machine
 * would. Started by {@link #start}; prints "won" or why not, and exits.
 */
public final class Bench {

    /** The bundles a bench process needs, as plain jars (or class folders) on its class path. */
    private static final Set<String> CLASS_PATH = Set.of("org.benchwright.store", "org.benchwright.store.tests",
            "com.google.gson", "org.liquibase.core", "org.yaml.snakeyaml", "org.apache.commons.lang3",
            "org.apache.commons.commons-io", "com.zaxxer.HikariCP", "slf4j.api", "slf4j.nop", "com.h2database",
            "org.postgresql.jdbc");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String location = args[0];
        String unit = args[1];
        String job = args[2];
        System.out.println("ready");
        System.out.flush();
        System.in.read(); // every bench starts asking at once
        try (PlantStore store = PlantStores.open(location, PostgresServer.CREDENTIALS)) {
            store.lockUnit(unit, job, "bench-" + job);
            System.out.println("won");
        } catch (UnitLockedException e) {
            System.out.println(e.getMessage());
        }
    }

    /** Starts a bench process that will ask for {@code unit} for {@code job} once told to go. */
    static Process start(String location, String unit, String job) throws IOException {
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
        return new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, path), Bench.class.getName(), location,
                unit, job).redirectErrorStream(true).start();
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

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.nio.file.Path;

import org.benchwright.store.PlantStores;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * Where the bench keeps its registers and records, and how it runs the simulator: the same files the command line
 * uses ({@code ~/.benchwright/...}) unless the workspace's preferences say otherwise.
 */
public final class BenchSettings {

    public static final String NODE = "org.benchwright.ui.execution";
    public static final String PERSONNEL = "personnel";
    public static final String RECORDS = "records";
    public static final String DOCUMENTS = "documents";
    public static final String STATIONS = "stations";
    public static final String PROJECT = "project";
    /**
     * The plant store the bench shares its records and registers with ({@code h2:<folder>},
     * {@code postgresql://host/db}); blank: the bench's own embedded store; {@code none}: no store.
     */
    public static final String STORE = "store";
    /** The plant store server's credentials file ({@code user}, {@code password}). */
    public static final String STORE_CREDENTIALS = "storeCredentials";
    /** The plant's policy file: the rework limits customers' contracts set. */
    public static final String POLICY = "policy";
    /** The bench's IPC-CFX configuration file (cfx.handle, cfx.broker, ...); blank: CFX off. */
    public static final String CFX = "cfx";
    /** How many times faster than real time the simulated station runs (1 = real time). */
    public static final String SPEED = "simulatorSpeed";
    public static final String PROJECT_DEFAULT = "standard-library";

    private BenchSettings() {
    }

    public static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    private static Path home(String name) {
        return Path.of(System.getProperty("user.home"), ".benchwright", name);
    }

    public static Path personnelDefault() {
        return home("personnel.xmi");
    }

    public static Path recordsDefault() {
        return home("records");
    }

    public static Path documentsDefault() {
        return home("documents.jsonl");
    }

    public static Path policyDefault() {
        return home("policy.properties");
    }

    /** The plant policy file, which the gate reads its rework limits from (none when the file does not exist). */
    public static Path policy() {
        return Path.of(value(POLICY, policyDefault().toString()));
    }

    /** The personnel register file the preferences name; {@code null}: the plant store's (or, with none, the default file). */
    public static Path personnel() {
        return optionalPath(PERSONNEL);
    }

    public static Path records() {
        return Path.of(value(RECORDS, recordsDefault().toString()));
    }

    /** The document register file the preferences name; {@code null}: the plant store's (or, with none, the default file). */
    public static Path documents() {
        return optionalPath(DOCUMENTS);
    }

    private static Path optionalPath(String key) {
        String value = preferences().get(key, "");
        return value.isBlank() ? null : Path.of(value.strip());
    }

    /** The preference, or its default when unset or blank. */
    private static String value(String key, String fallback) {
        String value = preferences().get(key, "");
        return value.isBlank() ? fallback : value.strip();
    }

    /** The plant's station register file, or {@code null} when none is named (then the plant store's, if any). */
    public static Path stations() {
        String value = preferences().get(STATIONS, "");
        return value.isBlank() ? null : Path.of(value);
    }

    /** The plant store's location (by default the bench's embedded one), or {@code null} with {@code none}. */
    public static String store() {
        String value = preferences().get(STORE, "").strip();
        return value.isEmpty() ? PlantStores.defaultLocation() : value.equals("none") ? null : value;
    }

    /** The plant store server's credentials file, or {@code null}: from the environment, if at all. */
    public static Path storeCredentials() {
        String value = preferences().get(STORE_CREDENTIALS, "");
        return value.isBlank() ? null : Path.of(value.strip());
    }

    /** The bench's IPC-CFX configuration file, or {@code null}: the bench tells no MES. */
    public static Path cfx() {
        String value = preferences().get(CFX, "");
        return value.isBlank() ? null : Path.of(value.strip());
    }

    /** The workspace project whose procedures and work instructions the bench runs. */
    public static String project() {
        return value(PROJECT, PROJECT_DEFAULT);
    }

    /** How fast the simulated station runs: 1 is real time, 0 (or less) as fast as it computes. */
    public static double speed() {
        try {
            return Double.parseDouble(value(SPEED, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

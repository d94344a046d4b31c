/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.gating;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.benchwright.model.Job;
import org.benchwright.model.ProductClass;

/**
 * The limits a plant's customers set on rework, read from the plant's policy file. IPC-7711/7721 sets no maximum
 * number of rework actions; contracts do (BGA programmes often limit thermal cycles per part, class 3 customers the
 * rework actions per designator). Each limit names the jobs it applies to (customer, assembly part number, unit class)
 * and the counts it allows; every limit that applies to a job is checked, so the strictest one decides.
 *
 * <pre>
 * # every unit
 * limit.plant.rework-actions-per-designator = 3
 * # ACME's class 3 contract
 * limit.acme-class3.customer = ACME
 * limit.acme-class3.classes = 3
 * limit.acme-class3.rework-actions-per-designator = 1
 * limit.acme-class3.thermal-cycles-per-unit = 4
 * # a BGA programme's assemblies, by part number
 * limit.bga.assembly = PN-77*
 * limit.bga.thermal-cycles-per-designator = 3
 * # when the plant store cannot confirm the unit's counts, lock and approval: refuse (the default), or start on what
 * # the bench itself knows, the record saying what was not confirmed
 * store.unreachable = refuse
 * </pre>
 *
 * @param limits           the limits, in the file's order
 * @param source           where they come from, as refusals name it ("policy.properties"); empty without a file
 * @param startUnconfirmed whether a job starts when the plant store cannot confirm what the gate asks it
 */
public record GatingPolicy(List<Limit> limits, String source, boolean startUnconfirmed) {

    /** A policy that refuses a job the plant store cannot confirm. */
    public GatingPolicy(List<Limit> limits, String source) {
        this(limits, source, false);
    }

    /** The key that says what happens when the plant store cannot be reached. */
    static final String UNREACHABLE = "store.unreachable";

    /** The conditions a limit knows and the counts it can bound. */
    static final List<String> KEYS = List.of("customer", "assembly", "classes", "rework-actions-per-designator",
            "thermal-cycles-per-designator", "thermal-cycles-per-unit", "description");

    private static final Pattern KEY = Pattern.compile("limit\\.([A-Za-z0-9_-]+)\\.([a-z-]+)");

    /**
     * One limit: the jobs it applies to and what it allows them. A condition that is {@code null} (or empty) matches
     * every job; a count of 0 is no limit.
     *
     * @param customers  the customers it applies to, as a job names them
     * @param assembly   a part-number pattern of the assemblies it applies to ({@code *} any characters)
     * @param classes    the unit classes it applies to
     * @param reworkActionsPerDesignator  at most this many rework actions on one designator of a unit
     * @param thermalCyclesPerDesignator  at most this many thermal cycles on one designator of a unit
     * @param thermalCyclesPerUnit        at most this many thermal cycles on the unit, all its parts together
     */
    public record Limit(String name, Set<String> customers, String assembly, Set<ProductClass> classes,
            int reworkActionsPerDesignator, int thermalCyclesPerDesignator, int thermalCyclesPerUnit,
            String description) {

        /** Whether the limit applies to {@code job}. */
        public boolean appliesTo(Job job) {
            return (customers.isEmpty() || job.getCustomer() != null && customers.contains(job.getCustomer()))
                    && (assembly == null || job.getAssemblyPartNumber() != null
                            && glob(assembly).matcher(job.getAssemblyPartNumber()).matches())
                    && (classes.isEmpty() || classes.contains(job.getProductClass()));
        }

        /** What it applies to, in a few words: "customer ACME, class 3", or "every unit". */
        public String scope() {
            List<String> parts = new ArrayList<>();
            if (!customers.isEmpty()) {
                parts.add("customer " + String.join(" or ", customers));
            }
            if (assembly != null) {
                parts.add("assembly " + assembly);
            }
            if (!classes.isEmpty()) {
                parts.add("class " + classes.stream().map(ProductClass::getLiteral).collect(Collectors.joining(" or ")));
            }
            return parts.isEmpty() ? "every unit" : String.join(", ", parts);
        }

        private static Pattern glob(String pattern) {
            return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        }
    }

    /** A policy that limits nothing: a bench without a policy file. */
    public static GatingPolicy unlimited() {
        return new GatingPolicy(List.of(), "");
    }

    /** One limit on every unit, as tests and a quick trial set it. */
    public static GatingPolicy of(int reworkActionsPerDesignator, int thermalCyclesPerDesignator) {
        return new GatingPolicy(List.of(new Limit("limit", Set.of(), null, Set.of(), reworkActionsPerDesignator,
                thermalCyclesPerDesignator, 0, null)), "");
    }

    /** The limits that apply to {@code job}. */
    public List<Limit> applying(Job job) {
        return limits.stream().filter(l -> l.appliesTo(job)).toList();
    }

    /**
     * The policy in {@code file} ({@link #unlimited()} when the file does not exist).
     *
     * @throws IOException when it cannot be read, or a line is not a limit's key and value; the message names the
     *                     file, the line and what is wrong
     */
    public static GatingPolicy read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return unlimited();
        }
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        boolean startUnconfirmed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = file + ":" + (i + 1) + ": ";
            if (eq < 0) {
                throw new IOException(where + "'" + line + "' is not 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals(UNREACHABLE)) {
                if (!value.equals("refuse") && !value.equals("start")) {
                    throw new IOException(where + UNREACHABLE + " takes refuse or start, not '" + value + "'");
                }
                startUnconfirmed = value.equals("start");
                continue;
            }
            var m = KEY.matcher(key);
            if (!m.matches() || !KEYS.contains(m.group(2))) {
                throw new IOException(where + "unknown key '" + key + "'; a limit's keys are limit.<name>.<"
                        + String.join("|", KEYS) + ">, and " + UNREACHABLE + " says what a job does when the "
                        + "plant store cannot be reached");
            }
            Map<String, String> limit = byName.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>());
            if (limit.put(m.group(2), value) != null) {
                throw new IOException(where + "'" + key + "' is given twice");
            }
            lineOf.put(m.group(1) + "." + m.group(2), i + 1);
        }
        List<Limit> limits = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : byName.entrySet()) {
            limits.add(limit(file, e.getKey(), e.getValue(), lineOf));
        }
        return new GatingPolicy(List.copyOf(limits), file.getFileName().toString(), startUnconfirmed);
    }

    private static Limit limit(Path file, String name, Map<String, String> keys, Map<String, Integer> lineOf)
            throws IOException {
        Set<String> customers = keys.containsKey("customer") ? Set.of(keys.get("customer").split("\\s*,\\s*")) : Set.of();
        Set<ProductClass> classes = EnumSet.noneOf(ProductClass.class);
        if (keys.containsKey("classes")) {
            for (String c : keys.get("classes").split("\\s*,\\s*")) {
                ProductClass pc = ProductClass.get(c);
                if (pc == null) {
                    throw new IOException(file + ":" + lineOf.get(name + ".classes") + ": limit." + name
                            + ".classes takes unit classes 1, 2 or 3, not '" + c + "'");
                }
                classes.add(pc);
            }
        }
        int rework = count(file, name, "rework-actions-per-designator", keys, lineOf);
        int cyclesPart = count(file, name, "thermal-cycles-per-designator", keys, lineOf);
        int cyclesUnit = count(file, name, "thermal-cycles-per-unit", keys, lineOf);
        if (rework == 0 && cyclesPart == 0 && cyclesUnit == 0) {
            int first = lineOf.entrySet().stream().filter(l -> l.getKey().startsWith(name + "."))
                    .mapToInt(Map.Entry::getValue).min().orElse(1);
            throw new IOException(file + ":" + first + ": limit '" + name + "' limits nothing; give it rework-actions-per-designator, "
                    + "thermal-cycles-per-designator or thermal-cycles-per-unit");
        }
        return new Limit(name, customers, keys.get("assembly"), Set.copyOf(classes), rework, cyclesPart, cyclesUnit,
                keys.get("description"));
    }

    private static int count(Path file, String name, String key, Map<String, String> keys,
            Map<String, Integer> lineOf) throws IOException {
        String value = keys.get(key);
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + lineOf.get(name + "." + key) + ": limit." + name + "." + key
                    + " takes a whole number of at least 1, not '" + value + "'");
        }
    }

    /** "policy.properties, limit 'acme-class3' (customer ACME, class 3)". */
    public String describe(Limit limit) {
        return (source.isEmpty() ? "" : source + ", ") + "limit '" + limit.name() + "' (" + limit.scope() + ")"
                + (limit.description() == null ? "" : ", " + limit.description());
    }
}

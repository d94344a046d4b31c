/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api.tests;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/**
 * What drivers built against a bundle can see of it, as text a release keeps: each exported package with its version,
 * each public type in it (kind, and whether drivers implement it: {@code @ConsumerType}, or only Benchwright:
 * {@code @ProviderType}) and each public or protected member's signature. Compared with a release's, it tells the
 * least version each package must now have: a removed or changed member, or an abstract method added to a type
 * drivers implement, breaks drivers built against the release (major; the next minor while the package is 0.x, as
 * drivers import it [0.m, 0.m+1)); anything else added is minor (the next micro while 0.x).
 */
final class ApiSignature {

    /** How far a package changed since the baseline. */
    enum Change {
        NONE, MINOR, MAJOR
    }

    /**
     * One package compared.
     *
     * @param required the least version the package must have now
     * @param reasons  what changed, a line each
     */
    record Verdict(String pkg, Version baseline, Version current, Change change, Version required,
            List<String> reasons) {

        boolean ok() {
            return current.compareTo(required) >= 0;
        }
    }

    private ApiSignature() {
    }

    /** The signature of {@code bundle}'s exported packages (those not exported to friends alone), sorted. */
    static List<String> of(Bundle bundle) throws IOException, ClassNotFoundException {
        TreeSet<String> lines = new TreeSet<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        for (BundleCapability export : wiring.getCapabilities("osgi.wiring.package")) {
            if (export.getDirectives().containsKey("x-friends") || export.getDirectives().containsKey("x-internal")) {
                continue;
            }
            String pkg = (String) export.getAttributes().get("osgi.wiring.package");
            lines.add("package " + pkg + " " + export.getAttributes().get("version"));
            var entries = bundle.findEntries(pkg.replace('.', '/'), "*.class", false);
            for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String path = entry.getPath();
                String name = path.substring(path.indexOf(pkg.replace('.', '/'))).replace('/', '.').replaceAll(
                        "\\.class$", "");
                Class<?> type = bundle.loadClass(name);
                if (visible(type) && !type.isSynthetic() && !type.isAnonymousClass()) {
                    lines.addAll(type(type, entry));
                }
            }
        }
        return List.copyOf(lines);
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> type(Class<?> type, URL classFile) throws IOException {
        List<String> lines = new ArrayList<>();
        String name = type.getName();
        String kind = type.isAnnotation() ? "annotation" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : Modifier.isAbstract(type.getModifiers()) ? "abstract class"
                        : Modifier.isFinal(type.getModifiers()) ? "final class" : "class";
        lines.add("type " + name + " " + kind + " " + role(classFile)
                + (type.getSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                        && !type.isRecord() ? " extends " + type.getSuperclass().getName() : "")
                + (type.getInterfaces().length == 0 ? "" : " implements " + Arrays.stream(type.getInterfaces())
                        .map(Class::getName).sorted().collect(Collectors.joining(","))));
        for (Field f : type.getDeclaredFields()) {
            if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                lines.add("member " + name + " field " + modifiers(f.getModifiers()) + f.getGenericType()
                        .getTypeName() + " " + f.getName());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (exposed(c.getModifiers()) && !c.isSynthetic() && !type.isEnum()) {
                lines.add("member " + name + " constructor " + modifiers(c.getModifiers()) + parameters(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                String modifiers = modifiers(m.getModifiers()) + (m.isDefault() ? "default " : "");
                lines.add("member " + name + " method " + modifiers + m.getGenericReturnType().getTypeName() + " "
                        + m.getName() + parameters(m) + (m.getExceptionTypes().length == 0 ? "" : " throws "
                                + Arrays.stream(m.getExceptionTypes()).map(Class::getName).sorted()
                                        .collect(Collectors.joining(","))));
            }
        }
        return lines;
    }

    /**
     * Who implements the type: {@code provider} (only Benchwright, {@code @ProviderType}) or {@code consumer} (drivers
     * may, the default). The annotations are kept in the class file alone, so it is read there.
     */
    private static String role(URL classFile) throws IOException {
        try (InputStream in = classFile.openStream()) {
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return bytes.contains("Lorg/osgi/annotation/versioning/ProviderType;") ? "provider" : "consumer";
        }
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String modifiers(int m) {
        return (Modifier.isProtected(m) ? "protected " : "") + (Modifier.isStatic(m) ? "static " : "")
                + (Modifier.isAbstract(m) ? "abstract " : "") + (Modifier.isFinal(m) ? "final " : "");
    }

    private static String parameters(Executable e) {
        return Arrays.stream(e.getGenericParameterTypes()).map(t -> t.getTypeName())
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** Compares a signature with a release's, package by package. */
    static List<Verdict> compare(List<String> baseline, List<String> current) {
        Map<String, Version> baseVersions = versions(baseline);
        Map<String, Version> currentVersions = versions(current);
        List<Verdict> verdicts = new ArrayList<>();
        for (Map.Entry<String, Version> p : baseVersions.entrySet()) {
            String pkg = p.getKey();
            Version base = p.getValue();
            Version now = currentVersions.get(pkg);
            List<String> reasons = new ArrayList<>();
            if (now == null) {
                reasons.add("the package is no longer exported");
                verdicts.add(new Verdict(pkg, base, Version.emptyVersion, Change.MAJOR,
                        new Version(base.getMajor() + 1, 0, 0), reasons));
                continue;
            }
            Map<String, String> baseTypes = types(baseline, pkg);
            Map<String, String> nowTypes = types(current, pkg);
            TreeSet<String> baseMembers = members(baseline, pkg);
            TreeSet<String> nowMembers = members(current, pkg);
            Change change = Change.NONE;
            for (Map.Entry<String, String> t : baseTypes.entrySet()) {
                String now2 = nowTypes.get(t.getKey());
                if (now2 == null) {
                    reasons.add("removed: type " + t.getKey());
                    change = Change.MAJOR;
                } else if (!now2.equals(t.getValue())) {
                    reasons.add("changed: type " + t.getValue() + " -> " + now2);
                    change = Change.MAJOR;
                }
            }
            for (String m : baseMembers) {
                if (!nowMembers.contains(m)) {
                    reasons.add("removed or changed: " + m.substring("member ".length()));
                    change = Change.MAJOR;
                }
            }
            for (String t : nowTypes.keySet()) {
                if (!baseTypes.containsKey(t)) {
                    reasons.add("added: type " + t);
                    change = change == Change.MAJOR ? change : Change.MINOR;
                }
            }
            for (String m : nowMembers) {
                if (!baseMembers.contains(m)) {
                    String type = m.split(" ")[1];
                    String declared = baseTypes.get(type);
                    // an abstract method added to an interface or abstract class drivers implement or extend
                    boolean implementedByDrivers = declared != null && declared.contains(" consumer")
                            && m.contains(" method ") && m.contains(" abstract ");
                    reasons.add((implementedByDrivers ? "added to a type drivers implement: " : "added: ")
                            + m.substring("member ".length()));
                    change = implementedByDrivers ? Change.MAJOR : change == Change.MAJOR ? change : Change.MINOR;
                }
            }
            Version required = switch (change) {
                case MAJOR -> new Version(base.getMajor() + 1, 0, 0);
                case MINOR -> new Version(base.getMajor(), base.getMinor() + 1, 0);
                case NONE -> base;
            };
            // a 0.x package is still in development and imported as [0.m, 0.m+1): there a breaking change takes the
            // next minor and an addition the next micro, as semantic versioning allows before 1.0
            if (base.getMajor() == 0 && change != Change.NONE) {
                required = change == Change.MAJOR ? new Version(0, base.getMinor() + 1, 0)
                        : new Version(0, base.getMinor(), base.getMicro() + 1);
            }
            verdicts.add(new Verdict(pkg, base, now, change, required, reasons));
        }
        return verdicts;
    }

    private static Map<String, Version> versions(List<String> signature) {
        Map<String, Version> versions = new TreeMap<>();
        for (String line : signature) {
            if (line.startsWith("package ")) {
                String[] parts = line.split(" ");
                versions.put(parts[1], Version.parseVersion(parts[2]));
            }
        }
        return versions;
    }

    /** The package's types, by name, with their declaration line. */
    private static Map<String, String> types(List<String> signature, String pkg) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : signature) {
            if (line.startsWith("type ")) {
                String name = line.split(" ")[1];
                if (packageOf(name).equals(pkg)) {
                    types.put(name, line);
                }
            }
        }
        return types;
    }

    private static TreeSet<String> members(List<String> signature, String pkg) {
        return signature.stream().filter(l -> l.startsWith("member ") && packageOf(l.split(" ")[1]).equals(pkg))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String packageOf(String type) {
        String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
        return outer.substring(0, outer.lastIndexOf('.'));
    }
}

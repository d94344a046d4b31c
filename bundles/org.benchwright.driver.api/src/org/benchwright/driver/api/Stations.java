/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Opens the station a command names, through the {@link StationFactory} services the installed drivers register:
 * {@code sim}, {@code sim:bga-35mm} (a type, then settings: a scenario, or {@code key=value} pairs separated by
 * commas, for example {@code sim:scenario=chip-0603,seed=7} or {@code modbus:port=/dev/ttyUSB0,top.unit=1,...}),
 * or a station configuration file (see {@link #configured}).
 */
public final class Stations {

    private static ServiceTracker<StationFactory, StationFactory> tracker;
    private static BundleContext trackerContext;

    private Stations() {
    }

    public static Station open(String spec) throws StationException {
        Path file = Path.of(spec);
        if (!spec.endsWith(".properties") || !Files.isRegularFile(file)) {
            int colon = spec.indexOf(':');
            return open(colon < 0 ? spec : spec.substring(0, colon), settings(colon < 0 ? "" : spec.substring(colon + 1)),
                    spec);
        }
        return configured(file);
    }

    /**
     * A station configuration file (properties): either one driver ({@code type=} and its settings) or a bench of
     * several ({@code parts=heaters,thermocouples}, then {@code heaters.type=...} and each part's settings under its
     * name), with an optional {@code id}. Keys under {@code cfx.} configure the bench's IPC-CFX endpoint and are
     * no driver's.
     */
    public static Station configured(Path file) throws StationException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new StationException(file + ": cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> all = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> all.put(k, properties.getProperty(k).strip()));
        String id = all.getOrDefault("id", file.getFileName().toString().replaceFirst("\\.properties$", ""));
        all.keySet().removeIf(k -> k.startsWith("cfx.")); // the bench's IPC-CFX endpoint's, not a driver's
        if (!all.containsKey("parts")) {
            if (!all.containsKey("type")) {
                throw new StationException(file + ": no 'type' (a driver: " + installed() + ") and no 'parts'");
            }
            return open(all.remove("type"), all, file.toString());
        }
        List<Station> parts = new ArrayList<>();
        try {
            for (String part : all.get("parts").split("\\s*,\\s*")) {
                Map<String, String> settings = new LinkedHashMap<>();
                all.forEach((k, v) -> {
                    if (k.startsWith(part + ".")) {
                        settings.put(k.substring(part.length() + 1), v);
                    }
                });
                String type = settings.remove("type");
                if (type == null) {
                    throw new StationException(file + ": 'parts' names '" + part + "' but " + part + ".type is missing");
                }
                parts.add(open(type, settings, file + " (" + part + ")"));
            }
        } catch (StationException e) {
            parts.forEach(Station::close);
            throw e;
        }
        return new CompositeStation(id, parts);
    }

    private static Station open(String type, Map<String, String> settings, String where) throws StationException {
        Map<String, StationFactory> factories = factories();
        StationFactory factory = factories.get(type);
        if (factory == null) {
            throw new StationException((where.equals(type) || where.startsWith(type + ":") ? "" : where + ": ")
                    + "no driver for station type '" + type + "'; installed: "
                    + (factories.isEmpty() ? "none" : String.join(", ", factories.keySet())));
        }
        return factory.open(settings);
    }

    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                settings.put("scenario", part.strip());
            } else {
                settings.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return settings;
    }

    /**
     * The drivers installed now, by type; of two drivers of one type, the one of higher service ranking. The
     * factories come from one service tracker, opened on first use and kept for as long as this bundle runs: each
     * factory is got once, however often this is called, and released when its driver goes away.
     */
    public static Map<String, StationFactory> factories() {
        Map<String, StationFactory> factories = new TreeMap<>();
        ServiceTracker<StationFactory, StationFactory> tracker = tracker();
        if (tracker == null) {
            return factories;
        }
        SortedMap<ServiceReference<StationFactory>, StationFactory> tracked = tracker.getTracked();
        // references sort by ranking, then by age: the last is the one to use
        List<ServiceReference<StationFactory>> references = new ArrayList<>(tracked.keySet());
        Collections.reverse(references);
        for (ServiceReference<StationFactory> reference : references) {
            factories.putIfAbsent(tracked.get(reference).type(), tracked.get(reference));
        }
        return factories;
    }

    private static synchronized ServiceTracker<StationFactory, StationFactory> tracker() {
        Bundle bundle = FrameworkUtil.getBundle(Stations.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        if (tracker == null || trackerContext != context) { // first use, or this bundle was restarted
            tracker = new ServiceTracker<>(context, StationFactory.class, null);
            tracker.open();
            trackerContext = context;
        }
        return tracker;
    }

    public static String installed() {
        return factories().keySet().stream().collect(Collectors.joining(", "));
    }
}
